import Forms

/// The SDM target/actual table: one row per relevant reference measure, its status computed from the
/// audit's facts. A period held past its expiry makes deletion "partly"; a broken log chain makes
/// logging "not in place"; nothing here is set by hand.
enum SDMAssessment {
    typealias Text = LocalizedText

    static func measures(_ inputs: DPIADraft.Inputs) -> [SDMMeasure] {
        let audit = inputs.audit, keys = audit.keystore, log = audit.log
        func row(_ id: String, _ block: Int, _ de: String, _ en: String, _ goals: [SDMMeasure.Goal],
                 _ status: SDMMeasure.Status, _ evidenceDE: String, _ evidenceEN: String) -> SDMMeasure {
            SDMMeasure(id: id, block: block, blockName: SDMMeasure.blocks[block]!, measure: Text(de: de, en: en), goals: goals,
                       status: status, evidence: Text(de: evidenceDE, en: evidenceEN))
        }
        let years = { (periods: [Int]) in periods.isEmpty ? "–" : periods.map(String.init).joined(separator: ", ") }
        let overdue = audit.periods.filter { p in
            (audit.asOf >= p.responsesExpire && (p.responses > 0 || p.key == "held")) || (audit.asOf >= p.declinesExpire && p.declines > 0)
        }.map(\.period)
        let flaggedBackups = audit.findings.filter { $0.text.en.hasPrefix("keystore backup ") }.count
        let orphaned = audit.periods.filter { $0.key != "held" && $0.responses + $0.declines > 0 }.map(\.period)
        let weakKDF = keys.kdfMemLimitMiB < 64
        let purge = inputs.lastPurge.map { Text(de: "letzter Löschlauf \($0)", en: "last purge \($0)") }
            ?? Text(de: "noch kein Löschlauf", en: "no purge yet")
        let logLimit: String? = if case .years(let n) = audit.retention.first(where: { $0.dataClass == "audit_log" })?.keep {
            RetentionAudit.day(audit.asOf, minusYears: n)
        } else { nil }
        let logTooOld = logLimit.map { limit in (log.oldestDay ?? limit) < limit } ?? false
        let review = inputs.review
        let record = audit.processingRecord

        return [
            row("11-encryption", 11, "Verschlüsselung gespeicherter Daten", "Encryption of stored data", [.confidentiality, .integrity],
                weakKDF || !orphaned.isEmpty ? .partly : .inPlace,
                "Zeitraumschlüssel gehalten für \(years(keys.periodKeysHeld)), vernichtet für \(years(keys.periodKeysDestroyed)); Hauptschlüssel Argon2id \(keys.kdfOpsLimit) Durchläufe, \(keys.kdfMemLimitMiB) MiB\(weakKDF ? " (schwach)" : "")\(orphaned.isEmpty ? "" : "; Daten ohne Schlüssel: \(years(orphaned))")",
                "period keys held for \(years(keys.periodKeysHeld)), destroyed for \(years(keys.periodKeysDestroyed)); master key Argon2id \(keys.kdfOpsLimit) passes, \(keys.kdfMemLimitMiB) MiB\(weakKDF ? " (weak)" : "")\(orphaned.isEmpty ? "" : "; data without a key: \(years(orphaned))")"),
            row("41-threshold", 41, "Schwellwertanalyse, ob eine DSFA nötig ist", "Threshold analysis whether a DPIA is needed", [.transparency],
                .inPlace, "Daten nach Art. 9 DSGVO und Beschäftigte als schutzbedürftige Betroffene (WP248: zwei Kriterien): DSFA erforderlich; dieser Entwurf",
                "Art. 9 GDPR data and employees as vulnerable data subjects (WP248: two criteria): a DPIA is required; this draft"),
            row("41-dpia", 41, "DSFA-Bericht", "The DPIA report", [.transparency],
                review.isSignedOff ? .inPlace : .partly,
                review.isSignedOff ? "unterzeichnet von \(review.signedBy!) am \(review.signedOn!)" : "Entwurf aus dem System; Stellungnahmen und Freigabe in policy/dpia.yaml offen",
                review.isSignedOff ? "signed off by \(review.signedBy!) on \(review.signedOn!)" : "draft from the system; opinions and sign-off in policy/dpia.yaml open"),
            row("42-record", 42, "Verzeichnis von Verarbeitungstätigkeiten (Art. 30)", "Record of processing activities (Art. 30)", [.transparency],
                .inPlace, "policy/processing.yaml geladen: \(record.controller.name), \(record.legalBasis.count) Rechtsgrundlage(n); Maßnahmen aus der Konfiguration abgeleitet",
                "policy/processing.yaml loaded: \(record.controller.name), \(record.legalBasis.count) legal basis/bases; measures derived from the configuration"),
            row("42-deletion-concept", 42, "Löschkonzept", "Deletion concept", [.transparency, .dataMinimisation],
                .inPlace, "policy/retention.yaml: \(audit.retention.count) Datenklassen mit Frist und Aktion", "policy/retention.yaml: \(audit.retention.count) data classes with period and action"),
            row("42-consent", 42, "Dokumentation der Einwilligungen (Art. 7 Abs. 1)", "Documentation of consents (Art. 7(1))", [.transparency, .unlinkability],
                .partly, "Einwilligungstext je Formularversion (\(inputs.forms.map { "\($0.id) v\($0.version)" }.joined(separator: ", "))) muss vor der Erfassung bestätigt werden; ein Nachweis je Person wird bewusst nicht gespeichert, er würde Antwort und Person verketten",
                "consent text per form version (\(inputs.forms.map { "\($0.id) v\($0.version)" }.joined(separator: ", "))) must be confirmed before entry; a proof per person is deliberately not stored, it would link answer and person"),
            row("42-proof", 42, "Nachweis der Wirksamkeit, Manipulationsschutz der Dokumentation", "Proof that measures work; tamper protection of the documentation", [.transparency, .integrity],
                log.intact ? .inPlace : .notInPlace, "dieser Bericht und der Prüfbericht werden aus dem laufenden System erzeugt; Protokoll \(log.intact ? "unversehrt" : "BESCHÄDIGT")",
                "this report and the audit are made from the live system; audit log \(log.intact ? "intact" : "BROKEN")"),
            row("43-integrity", 43, "Integritätsschutz der Protokolle", "Integrity protection of the logs", [.integrity, .transparency],
                log.intact ? .inPlace : .notInPlace,
                log.intact ? "Kette unversehrt, Einträge: \(log.entries), Anker \(log.anchor ?? "–")" : "Kette beschädigt: \(log.problem?.de ?? "–")",
                log.intact ? "chain intact, entries: \(log.entries), anchor \(log.anchor ?? "–")" : "chain broken: \(log.problem?.en ?? "–")"),
            row("43-retention", 43, "Löschfristen für Protokolldaten", "Deletion periods for log data", [.dataMinimisation],
                logTooOld ? .partly : .inPlace, "ältester Eintrag \(log.oldestDay ?? "–")\(logTooOld ? ", älter als die Frist" : ", innerhalb der Frist")",
                "oldest entry \(log.oldestDay ?? "–")\(logTooOld ? ", older than the period" : ", within the period")"),
            row("43-timestamps", 43, "Vertrauenswürdige Zeitstempel", "Trusted time stamps", [.integrity],
                .partly, "Einträge tragen nur den Tag (keine Uhrzeit, um nichts verknüpfbar zu machen), keinen qualifizierten Zeitstempel; außerhalb aufbewahrte Anker ersetzen ihn teilweise",
                "entries carry the day only (no time, so nothing becomes linkable), no qualified time stamp; anchors kept outside stand in partly"),
            row("50-purpose", 50, "Zweckbindung durch Rollentrennung", "Purpose separation by roles", [.unlinkability, .confidentiality],
                .inPlace, "Entschlüsseln nur die Statistikstelle; Personalstelle, Integrationsbüro, DSB und Administration können es nicht; \(audit.releases.count) Veröffentlichung(en), alle geheimhaltungsgeprüft",
                "only the statistics unit decrypts; HR, integration office, DPO and administrator cannot; \(audit.releases.count) release(s), all through disclosure control"),
            row("50-keys", 50, "Getrennte Speicherung von Daten und Schlüsseln", "Data and keys stored apart", [.confidentiality, .unlinkability],
                .inPlace, "vielfalt.sqlite ohne geheimes Schlüsselmaterial, keystore.sqlite mit gekapselten Schlüsseln; Fingerabdruck \(keys.masterKeyFingerprint)",
                "vielfalt.sqlite without secret key material, keystore.sqlite with wrapped keys; fingerprint \(keys.masterKeyFingerprint)"),
            row("60-deadlines", 60, "Automatisierte Fristüberwachung und Löschung", "Automated monitoring of deadlines and deletion", [.dataMinimisation, .intervenability],
                overdue.isEmpty ? .inPlace : .partly,
                "\(purge.de); " + (overdue.isEmpty ? "kein Zeitraum überfällig" : "überfällig: \(years(overdue))") + "; der Löschlauf wird von der/dem DSB gestartet, die Prüfung meldet fällige Zeiträume",
                "\(purge.en); " + (overdue.isEmpty ? "no period overdue" : "overdue: \(years(overdue))") + "; the purge is started by the DPO, the audit reports what is due"),
            row("60-keys", 60, "Regeln für Schlüssel und ihre Löschung (Crypto-Shredding)", "Rules for keys and their deletion (crypto-shredding)", [.dataMinimisation, .confidentiality],
                overdue.isEmpty && orphaned.isEmpty ? .inPlace : .partly,
                "je Einstellungsjahr ein Schlüsselpaar; vernichtet für \(years(keys.periodKeysDestroyed))" + (orphaned.isEmpty ? "" : "; Zeilen ohne gehaltenen Schlüssel: \(years(orphaned))"),
                "one key pair per hiring year; destroyed for \(years(keys.periodKeysDestroyed))" + (orphaned.isEmpty ? "" : "; rows without a held key: \(years(orphaned))")),
            row("60-backups", 60, "Erneute Löschung nach Wiederherstellung einer Sicherung", "Deletion again after a backup is restored", [.dataMinimisation],
                flaggedBackups == 0 ? .inPlace : .partly,
                "Schlüssel liegen getrennt von den Daten; Schlüsselsicherungen werden mit Generation und enthaltenen Schlüsseln erfasst, derzeit \(flaggedBackups) mit inzwischen gelöschtem Schlüssel oder älter als der letzte Löschlauf offen; eine Wiederherstellung löscht erneut, was seit den Sicherungen gelöscht oder widerrufen wurde (Widerrufe über Grabsteine im Schlüsselspeicher)",
                "keys lie apart from the data; keystore backups are recorded with their generation and the keys they hold, \(flaggedBackups) now still holding a purged key or older than the last purge; a restore deletes again what was purged or withdrawn since the backups (withdrawals through tombstones in the keystore)"),
            row("61-rectify", 61, "Berichtigung", "Rectification", [.intervenability],
                .partly, "gespeicherte Antworten sind ohne Quittungscode nicht auffindbar; Berichtigung durch Widerruf mit dem Code und neue Erfassung",
                "stored answers cannot be found without the receipt code; rectification by withdrawal with the code and a new entry"),
            row("62-restrict", 62, "Einschränkung der Verarbeitung", "Restriction of processing", [.intervenability],
                .notApplicable, "Einzeldaten werden nur zusammengefasst verarbeitet; ein Widerruf löscht die Antworten sofort, statt sie zu sperren",
                "single records are only processed in aggregate; a withdrawal deletes the answers at once instead of restricting them"),
        ]
    }
}
