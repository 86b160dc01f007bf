import Foundation

extension AuditReport {
    /// Pretty JSON with sorted keys: the same report gives the same bytes.
    public func json() throws -> String {
        try StableJSON.text(self)
    }

    /// Markdown for a terminal or an e-mail; German first, English below each heading.
    public func markdown() -> String {
        var md = ["# Datenschutz-Prüfbericht / Data protection audit", "",
                  "Stand / as of: \(asOf)", "",
                  "**\(verdict.de)**  ", "*\(verdict.en)*", ""]
        md += ["## Feststellungen / Findings", ""]
        md += findings.isEmpty ? ["Keine / none.", ""]
            : findings.map { "- **\($0.severity)**: \($0.text.de) / \($0.text.en)" } + [""]
        md += ["## Bestand je Einstellungsjahr / Holdings per hiring year", "",
               "| Jahr / year | Antworten / responses | Ablehnungen / declines | Frist Antworten / responses expire | Frist Ablehnungen / declines expire | Schlüssel / key |",
               "| --- | ---: | ---: | --- | --- | --- |"]
        md += periods.map { p in
            "| \(p.period) | \(p.responses) | \(p.declines) | \(p.responsesExpire) | \(p.declinesExpire) | \(p.key)\(p.keyDestroyedOn.map { " (\($0))" } ?? "") |"
        }
        md += ["", "## Schlüsselspeicher / Keystore", "",
               "- Passphrase: \(keystore.kdf), \(keystore.kdfOpsLimit) passes, \(keystore.kdfMemLimitMiB) MiB",
               "- Zeitraumschlüssel vorhanden / period keys held: \(list(keystore.periodKeysHeld))",
               "- vernichtet / destroyed: \(list(keystore.periodKeysDestroyed))",
               "- Zugriff / holders: \(keystore.holders.de) / \(keystore.holders.en)",
               "- Fingerabdruck des Hauptschlüssels / master key fingerprint: `\(keystore.masterKeyFingerprint)` (mit dem bei `init` notierten vergleichen / compare with the one noted at `init`), Generation \(keystore.generation)",
               "- Veröffentlichungsmarken / release marks: \(keystore.releasesMarked)\(keystore.latestReleaseMarked.map { ", zuletzt / latest \($0)" } ?? "")",
               "- Schema / schema: \(keystore.schema.joined(separator: "; "))", ""]
        md += ["## Erfassung / Entry", "",
               "- Eingabewege / ways of entry: \(entry.ways.joined(separator: ", "))",
               "- Einladungen offen / invitations open for: \(entry.invitationWeeks) Wochen / weeks", ""]
        md += entry.consent.isEmpty ? ["Keine Antworten / no responses.", ""]
            : ["| Jahr / year | Einwilligungstext (Formularversion) / consent text (form version) |", "| --- | --- |"]
              + entry.consent.map { "| \($0.period) | \($0.formVersions.joined(separator: ", ")) |" } + [""]
        md += entry.invitations.isEmpty ? ["Keine Einladungen / no invitations.", ""]
            : ["| Jahr / year | ausgestellt / issued | offen / open | beantwortet / answered | verfallen / expired |", "| --- | ---: | ---: | ---: | ---: |"]
              + entry.invitations.map { "| \($0.period) | \($0.issued) | \($0.open) | \($0.answered) | \($0.expired) |" } + [""]
        md += ["## Veröffentlichungen / Releases", ""]
        md += releases.isEmpty ? ["Keine / none.", ""]
            : ["| Kennung / id | Tag / day | wer / who | Bericht / report | Jahre / periods | Zellen / cells | geheim / suppressed |",
               "| --- | --- | --- | --- | --- | ---: | ---: |"]
              + releases.map { "| \($0.id) | \($0.day) | \($0.role) \($0.user) | \($0.report) | \($0.periods) | \($0.cells) | \($0.suppressedCells) |" } + [""]
        md += ["## Protokoll / Audit log", "",
               "- Einträge / entries: \(log.entries), ältester / oldest: \(log.oldestDay ?? "–")",
               "- Unversehrt / intact: \(log.intact ? "ja / yes" : "NEIN / NO")\(log.problem.map { " – \($0.de) / \($0.en)" } ?? "")",
               "- Anker / anchor: `\(log.anchor ?? "–")` (außerhalb des Systems aufbewahren und bei der nächsten Prüfung angeben / keep outside the system and give it at the next verification)", ""]
        md += ["## Aufbewahrung / Retention", "", "| Datenklasse / data class | Dauer / kept | danach / then |", "| --- | --- | --- |"]
        md += retention.map { "| \($0.dataClass) | \($0.keep.german) / \($0.keep.english) | \($0.then.rawValue) |" }
        md += ["", "## Geheimhaltung / Disclosure control", ""] + disclosurePolicy.map { "- \($0.de) / \($0.en)" }
        md += ["", "## Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) / Record of processing", ""]
        let r = processingRecord
        md += ["- Verantwortlicher / controller: \(r.controller.name)\(r.controller.address.map { ", \($0)" } ?? ""), \(r.controller.contact)",
               "- Datenschutzbeauftragte(r) / DPO: \(r.dataProtectionOfficer.name), \(r.dataProtectionOfficer.contact)",
               "- Zweck / purpose: \(r.purpose.de) / \(r.purpose.en)"]
        md += r.legalBasis.map { "- Rechtsgrundlage / legal basis: \($0.de) / \($0.en)" }
        md += ["- Betroffene / data subjects: \(r.dataSubjects.de) / \(r.dataSubjects.en)",
               "- Daten / data: \(r.dataCategories.de) / \(r.dataCategories.en)",
               "- Empfänger / recipients: \(r.recipients.de) / \(r.recipients.en)",
               "- Drittland / third countries: \(r.thirdCountryTransfers.de) / \(r.thirdCountryTransfers.en)",
               "- Fristen / retention: siehe oben / see above", "", "### Technische und organisatorische Maßnahmen / Measures", ""]
        md += measures.map { "- \($0.de) / \($0.en)" }
        return md.joined(separator: "\n") + "\n"
    }

    private func list(_ periods: [Int]) -> String { periods.isEmpty ? "–" : periods.map(String.init).joined(separator: ", ") }
}
