import Foundation
import Forms

extension AuditReport {
    /// A self-contained page (no external requests, no script) with a print stylesheet.
    public func html() -> String {
        HTML.document(title: "Datenschutz-Prüfbericht \(asOf)", language: "de", stylesheet: Self.stylesheet, body: htmlBody())
    }

    static let stylesheet = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
        table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
        td.n{text-align:right}.critical{color:#a00000;font-weight:bold}.warning{color:#7a4a00}
        .verdict{padding:.8rem;border:2px solid #1a5e1a}.verdict.bad{border-color:#a00000}
        @media print{body{margin:0;max-width:none}a{color:inherit}}
        """

    /// The audit without its page frame: what the data protection officer's audit page embeds.
    public func htmlBody() -> String {
        let e = HTML.escape
        func both(_ de: String, _ en: String) -> String { "\(e(de)) <span lang=\"en\">/ \(e(en))</span>" }
        var h = ["<h1>\(both("Datenschutz-Prüfbericht", "Data protection audit"))</h1>",
                 "<p>\(both("Stand", "as of")): <time>\(e(asOf))</time></p>",
                 "<p class=\"verdict\(compliant ? "" : " bad")\"><strong>\(e(verdict.de))</strong><br><span lang=\"en\">\(e(verdict.en))</span></p>",
                 "<h2>\(both("Feststellungen", "Findings"))</h2>"]
        h.append(findings.isEmpty ? "<p>\(both("Keine", "none"))</p>"
                 : "<ul>" + findings.map { "<li class=\"\(e($0.severity))\">\(e($0.severity)): \(both($0.text.de, $0.text.en))</li>" }.joined() + "</ul>")
        h.append("<h2>\(both("Bestand je Einstellungsjahr", "Holdings per hiring year"))</h2><table><thead><tr>"
                 + ["Jahr / year", "Antworten / responses", "Ablehnungen / declines", "Frist Antworten / responses expire",
                    "Frist Ablehnungen / declines expire", "Schlüssel / key"].map { "<th scope=\"col\">\(e($0))</th>" }.joined()
                 + "</tr></thead><tbody>")
        h += periods.map { p in
            "<tr><th scope=\"row\">\(p.period)</th><td class=\"n\">\(p.responses)</td><td class=\"n\">\(p.declines)</td><td>\(p.responsesExpire)</td><td>\(p.declinesExpire)</td><td>\(e(p.key))\(p.keyDestroyedOn.map { " (\(e($0)))" } ?? "")</td></tr>"
        }
        h.append("</tbody></table>")
        h.append("<h2>\(both("Schlüsselspeicher", "Keystore"))</h2><ul><li>Argon2id, \(keystore.kdfOpsLimit) passes, \(keystore.kdfMemLimitMiB) MiB</li>"
                 + "<li>\(both("Zeitraumschlüssel vorhanden", "period keys held")): \(keystore.periodKeysHeld.map(String.init).joined(separator: ", "))</li>"
                 + "<li>\(both("vernichtet", "destroyed")): \(keystore.periodKeysDestroyed.map(String.init).joined(separator: ", "))</li>"
                 + "<li>\(both(keystore.holders.de, keystore.holders.en))</li>"
                 + "<li>\(both("Fingerabdruck des Hauptschlüssels", "master key fingerprint")): <code>\(keystore.masterKeyFingerprint)</code>, Generation \(keystore.generation)</li>"
                 + "<li>\(both("Veröffentlichungsmarken", "release marks")): \(keystore.releasesMarked)\(keystore.latestReleaseMarked.map { ", \(both("zuletzt", "latest")) \(e($0))" } ?? "")</li>"
                 + "<li>Schema: \(e(keystore.schema.joined(separator: "; ")))</li></ul>")
        h.append("<h2>\(both("Erfassung", "Entry"))</h2><ul><li>\(both("Eingabewege", "ways of entry")): \(e(entry.ways.joined(separator: ", ")))</li>"
                 + "<li>\(both("Einladungen offen", "invitations open for")): \(entry.invitationWeeks) \(both("Wochen", "weeks"))</li></ul>")
        h.append(entry.consent.isEmpty ? "" : "<table><thead><tr><th scope=\"col\">Jahr / year</th><th scope=\"col\">\(both("Einwilligungstext (Formularversion)", "consent text (form version)"))</th></tr></thead><tbody>"
                 + entry.consent.map { "<tr><th scope=\"row\">\($0.period)</th><td>\(e($0.formVersions.joined(separator: ", ")))</td></tr>" }.joined() + "</tbody></table>")
        h.append(entry.invitations.isEmpty ? "<p>\(both("Keine Einladungen", "no invitations"))</p>"
                 : "<table><thead><tr>" + ["Jahr / year", "ausgestellt / issued", "offen / open", "beantwortet / answered", "verfallen / expired"].map { "<th scope=\"col\">\(e($0))</th>" }.joined()
                   + "</tr></thead><tbody>" + entry.invitations.map { "<tr><th scope=\"row\">\($0.period)</th><td class=\"n\">\($0.issued)</td><td class=\"n\">\($0.open)</td><td class=\"n\">\($0.answered)</td><td class=\"n\">\($0.expired)</td></tr>" }.joined()
                   + "</tbody></table>")
        h.append("<h2>\(both("Veröffentlichungen", "Releases"))</h2>")
        h.append(releases.isEmpty ? "<p>\(both("Keine", "none"))</p>"
                 : "<table><thead><tr><th scope=\"col\">id</th><th scope=\"col\">Tag / day</th><th scope=\"col\">wer / who</th><th scope=\"col\">Bericht / report</th><th scope=\"col\">Jahre / periods</th><th scope=\"col\">Zellen / cells</th><th scope=\"col\">geheim / suppressed</th></tr></thead><tbody>"
                   + releases.map { "<tr><td>\(e($0.id))</td><td>\(e($0.day))</td><td>\(e($0.role)) \(e($0.user))</td><td>\(e($0.report))</td><td>\(e($0.periods))</td><td class=\"n\">\($0.cells)</td><td class=\"n\">\($0.suppressedCells)</td></tr>" }.joined()
                   + "</tbody></table>")
        h.append("<h2>\(both("Protokoll", "Audit log"))</h2><ul><li>\(both("Einträge", "entries")): \(log.entries)</li>"
                 + "<li>\(both("Unversehrt", "intact")): \(log.intact ? both("ja", "yes") : "<strong class=\"critical\">\(both("NEIN", "NO"))</strong>")"
                 + (log.problem.map { " – \(both($0.de, $0.en))" } ?? "") + "</li>"
                 + "<li>\(both("Anker, außerhalb des Systems aufzubewahren", "anchor, to keep outside the system")): <code>\(e(log.anchor ?? "–"))</code></li></ul>")
        h.append("<h2>\(both("Aufbewahrung", "Retention"))</h2><table><tbody>"
                 + retention.map { "<tr><th scope=\"row\">\(e($0.dataClass))</th><td>\(both($0.keep.german, $0.keep.english))</td><td>\(e($0.then.rawValue))</td></tr>" }.joined()
                 + "</tbody></table>")
        h.append("<h2>\(both("Geheimhaltung", "Disclosure control"))</h2><ul>" + disclosurePolicy.map { "<li>\(both($0.de, $0.en))</li>" }.joined() + "</ul>")
        let r = processingRecord
        h.append("<h2>\(both("Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)", "Record of processing activities"))</h2><dl>"
                 + "<dt>\(both("Verantwortlicher", "Controller"))</dt><dd>\(e(r.controller.name)), \(e(r.controller.address ?? "")) \(e(r.controller.contact))</dd>"
                 + "<dt>\(both("Datenschutzbeauftragte(r)", "DPO"))</dt><dd>\(e(r.dataProtectionOfficer.name)), \(e(r.dataProtectionOfficer.contact))</dd>"
                 + "<dt>\(both("Zweck", "Purpose"))</dt><dd>\(both(r.purpose.de, r.purpose.en))</dd>"
                 + "<dt>\(both("Rechtsgrundlage", "Legal basis"))</dt>" + r.legalBasis.map { "<dd>\(both($0.de, $0.en))</dd>" }.joined()
                 + "<dt>\(both("Betroffene", "Data subjects"))</dt><dd>\(both(r.dataSubjects.de, r.dataSubjects.en))</dd>"
                 + "<dt>\(both("Daten", "Data"))</dt><dd>\(both(r.dataCategories.de, r.dataCategories.en))</dd>"
                 + "<dt>\(both("Empfänger", "Recipients"))</dt><dd>\(both(r.recipients.de, r.recipients.en))</dd>"
                 + "<dt>\(both("Drittland", "Third countries"))</dt><dd>\(both(r.thirdCountryTransfers.de, r.thirdCountryTransfers.en))</dd></dl>")
        h.append("<h3>\(both("Technische und organisatorische Maßnahmen", "Technical and organisational measures"))</h3><ul>"
                 + measures.map { "<li>\(both($0.de, $0.en))</li>" }.joined() + "</ul>")
        return h.joined(separator: "\n")
    }
}
