import Foundation
import Store
import Vault

/// Builds the DPO's ``AuditReport``. Reads only; needs no passphrase.
public enum RetentionAudit {
    /// Everything the audit reads.
    public struct Inputs {
        public let data: DataStore
        public let keystore: Keystore
        public let policy: RetentionPolicy
        public let record: ProcessingRecord
        public let disclosurePolicy: [ProcessingRecord.Text]
        /// `YYYY-MM-DD`; the audit may look ahead (a later day shows what will be due).
        public let asOf: String

        public init(data: DataStore, keystore: Keystore, policy: RetentionPolicy, record: ProcessingRecord,
                    disclosurePolicy: [ProcessingRecord.Text], asOf: String) {
            self.data = data
            self.keystore = keystore
            self.policy = policy
            self.record = record
            self.disclosurePolicy = disclosurePolicy
            self.asOf = asOf
        }
    }

    public static func run(_ inputs: Inputs) throws -> AuditReport {
        let counts = try inputs.data.countsByPeriod()
        let keys = try inputs.keystore.periodKeys()
        let policy = inputs.policy
        var findings: [AuditReport.Finding] = []
        func finding(_ severity: String, _ en: String, _ de: String) {
            findings.append(.init(severity: severity, text: .init(de: de, en: en)))
        }

        // A copy of the data directory is the backup made without asking: it must hold no key.
        if !inputs.data.location.keysApart {
            finding("warning", "the keystore lies inside the data directory, so every copy of the data carries the keys and a purge does not reach it; move keystore.sqlite to a keys directory of its own (--keys)",
                    "Der Schlüsselspeicher liegt im Datenverzeichnis: Jede Kopie der Daten trägt die Schlüssel mit, und ein Löschlauf erreicht sie nicht; keystore.sqlite in ein eigenes Schlüsselverzeichnis verlegen (--keys)")
        }

        var periods: [AuditReport.PeriodStatus] = []
        for period in Set(counts.keys).union(keys.map(\.period)).sorted() {
            let held = counts[period] ?? (0, 0)
            let key = keys.first { $0.period == period }
            let keyState = key == nil ? "missing" : (key!.sealedSecret == nil ? "destroyed" : "held")
            let status = AuditReport.PeriodStatus(
                period: period, responses: held.responses, declines: held.declines,
                responsesExpire: policy.responsesExpire(period: period), declinesExpire: policy.declinesExpire(period: period),
                key: keyState, keyDestroyedOn: key?.destroyedOn)
            periods.append(status)
            let responsesExpired = inputs.asOf >= status.responsesExpire
            if responsesExpired, held.responses > 0 {
                finding("critical", "period \(period): \(held.responses) responses are held past their expiry (\(status.responsesExpire)); run the purge",
                        "Zeitraum \(period): \(held.responses) Antworten werden über die Frist (\(status.responsesExpire)) hinaus gehalten; Löschlauf ausführen")
            }
            if inputs.asOf >= status.declinesExpire, held.declines > 0 {
                finding("critical", "period \(period): \(held.declines) declines are held past their expiry (\(status.declinesExpire)); run the purge",
                        "Zeitraum \(period): \(held.declines) Ablehnungen werden über die Frist (\(status.declinesExpire)) hinaus gehalten; Löschlauf ausführen")
            }
            if responsesExpired, keyState == "held" {
                finding("critical", "period \(period): its key still exists after expiry; run the purge",
                        "Zeitraum \(period): der Schlüssel besteht nach Fristablauf fort; Löschlauf ausführen")
            }
            if keyState == "destroyed", held.responses + held.declines > 0 {
                finding("critical", "period \(period): key destroyed but rows remain (an interrupted purge?); run the purge again",
                        "Zeitraum \(period): Schlüssel vernichtet, aber Zeilen vorhanden (abgebrochener Löschlauf?); Löschlauf wiederholen")
            }
            if keyState == "missing", held.responses + held.declines > 0 {
                finding("critical", "period \(period): data without a period key: the keystore does not match the data",
                        "Zeitraum \(period): Daten ohne Zeitraumschlüssel: Schlüsselspeicher passt nicht zu den Daten")
            }
            if !responsesExpired, keyState == "held", let soon = Self.day(status.responsesExpire, minusDays: 90), inputs.asOf >= soon {
                finding("info", "period \(period) expires on \(status.responsesExpire)", "Zeitraum \(period) läuft am \(status.responsesExpire) ab")
            }
        }

        // A keystore backup made before a period key was destroyed still holds that key: with a data
        // copy of its age it opens the purged period. It stays a finding until its destruction is recorded.
        let purgeGeneration = try inputs.keystore.purgeGeneration()
        for backup in try inputs.data.keystoreBackups() where backup.destroyedOn == nil {
            let destroyed = Set(keys.filter { $0.sealedSecret == nil }.map(\.period))
            let shredded = backup.heldPeriods.filter(destroyed.contains).map(String.init)
            if shredded.isEmpty, backup.generation < purgeGeneration {
                finding("critical", "keystore backup \(backup.id) of \(backup.day) is of keystore generation \(backup.generation), older than the last purge (generation \(purgeGeneration)): destroy the backup and record it (vielfalt keystore backup destroyed \(backup.id))",
                        "Schlüsselsicherung \(backup.id) vom \(backup.day) stammt aus Generation \(backup.generation) des Schlüsselspeichers, älter als der letzte Löschlauf (Generation \(purgeGeneration)): Sicherung vernichten und dies festhalten (vielfalt keystore backup destroyed \(backup.id))")
            } else if !shredded.isEmpty {
                let periods = shredded.joined(separator: ", ")
                finding("critical", "keystore backup \(backup.id) of \(backup.day) still holds the key of period \(periods), destroyed since: destroy the backup and record it (vielfalt keystore backup destroyed \(backup.id))",
                        "Schlüsselsicherung \(backup.id) vom \(backup.day) enthält noch den inzwischen vernichteten Schlüssel des Zeitraums \(periods): Sicherung vernichten und dies festhalten (vielfalt keystore backup destroyed \(backup.id))")
            }
        }

        // A keystore backup sealed under the passphrase before keyholders took over opens with one person.
        if try inputs.keystore.isHeldByKeyholders() {
            for backup in try inputs.data.keystoreBackups() where backup.destroyedOn == nil && backup.sealedFor == "passphrase" {
                finding("warning", "keystore backup \(backup.id) of \(backup.day) is sealed under the former statistics passphrase, so one person can open it although two keyholders must: destroy the backup and record it (vielfalt keystore backup destroyed \(backup.id))",
                        "Schlüsselsicherung \(backup.id) vom \(backup.day) ist unter der früheren Passphrase der Statistikstelle versiegelt; eine Person allein kann sie öffnen, obwohl zwei Schlüsselhalter nötig sind: Sicherung vernichten und dies festhalten (vielfalt keystore backup destroyed \(backup.id))")
            }
        }

        let verification = try AuditLog.verify(inputs.data)
        if let problem = verification.problem {
            finding("critical", "audit log: \(problem)", "Protokoll: \(problem.german)")
        }
        let entries = try AuditLog.entries(inputs.data)
        if case .years(let n) = policy.rule("audit_log").keep, let oldest = entries.first?.day,
           let limit = Self.day(inputs.asOf, minusYears: n), oldest < limit {
            finding("warning", "audit log holds entries older than \(n) years; the next purge prunes them",
                    "Das Protokoll enthält Einträge älter als \(n) Jahre; der nächste Löschlauf entfernt sie")
        }

        // A ledger rolled back by hand (a data file copied over) forgets releases readers hold: the
        // next release would not be audited against them. The keystore's marks were not rolled back.
        let marks = try inputs.keystore.releaseMarks()
        let forgotten = ReleaseMark.forgotten(marks, by: try inputs.data.releases())
        if let last = forgotten.last {
            let ids = forgotten.map(\.release).joined(separator: ", ")
            finding("critical", "the release ledger lacks \(forgotten.count) of the \(marks.count) releases the keystore's release marks know (\(ids)): the data was rolled back; the next release would not be audited against them; release nothing and restore a data backup taken after release \(last.release)",
                    "Dem Veröffentlichungsregister fehlen \(forgotten.count) der \(marks.count) Veröffentlichungen, die die Veröffentlichungsmarken des Schlüsselspeichers kennen (\(ids)): Die Daten wurden zurückgesetzt; die nächste Veröffentlichung würde nicht gegen sie geprüft; nichts veröffentlichen und eine nach der Veröffentlichung \(last.release) angelegte Datensicherung wiederherstellen")
        }

        let parameters = try inputs.keystore.keyDerivationParameters()
        let keyholders = try inputs.keystore.keyholderNames()
        let keystore = AuditReport.KeystoreStatus(
            kdf: "Argon2id", kdfOpsLimit: parameters.opsLimit, kdfMemLimitMiB: parameters.memLimit / 1_048_576,
            periodKeysHeld: keys.filter { $0.sealedSecret != nil }.map(\.period),
            periodKeysDestroyed: keys.filter { $0.sealedSecret == nil }.map(\.period),
            holders: Self.holders(keyholders), keyholders: keyholders.isEmpty ? nil : keyholders.map(\.text),
            masterKeyFingerprint: try inputs.keystore.masterFingerprint(), generation: try inputs.keystore.generation(),
            releasesMarked: marks.count, latestReleaseMarked: marks.last?.release,
            schema: [try inputs.data.schemaVersion(), try inputs.keystore.schemaVersion()])
        if parameters.memLimit < 64 * 1_048_576 {
            finding("warning", "the keystore's passphrase key derivation is weak (below 64 MiB)",
                    "Die Schlüsselableitung der Passphrase ist schwach (unter 64 MiB)")
        }

        let log = AuditReport.LogStatus(
            entries: verification.entries, intact: verification.problem == nil,
            problem: verification.problem.map { .init(de: $0.german, en: $0.description) },
            anchor: verification.anchor ?? verification.headHash, oldestDay: entries.first?.day)
        let measures = ProcessingRecord.measures(.init(kdfOpsLimit: parameters.opsLimit, kdfMemLimit: parameters.memLimit, keyholders: keystore.keyholders,
                                                       libsodiumVersion: Vault.libraryVersion, disclosure: inputs.disclosurePolicy),
                                                 retention: policy)
        let entry = try Self.entry(inputs)
        let overdue = try inputs.data.invitationsExpiring(onOrBefore: inputs.asOf)
        if overdue > 0 {
            finding("warning", "\(overdue) invitation(s) past their weeks are still open; run vielfalt invitation expire (or the purge)",
                    "\(overdue) Einladung(en) sind über ihre Frist hinaus offen; vielfalt invitation expire (oder den Löschlauf) ausführen")
        }
        // HR knows the answers it typed and could subtract them from a published count. Releases
        // model that reader (``Disclosure/KnownAnswers``), at the price of more withheld cells where
        // few answered alone; the DPO sees where. A mix is read off the counts: more held than
        // invitations answered (answers given alone and withdrawn since can hide one).
        for status in entry.invitations where status.answered > 0 {
            let held = counts[status.period].map { $0.responses + $0.declines } ?? 0
            guard held > status.answered else { continue }
            finding("info", "period \(status.period) holds both self-service answers and answers entered by HR: releases treat HR as a reader who knows what it entered, so cells that split by answer are withheld where few answered alone, and an answer entered by HR and withdrawn after a release withholds the year's answers; one way of entry per hiring year keeps more figures",
                    "Zeitraum \(status.period) enthält sowohl selbst gegebene als auch von HR erfasste Antworten: Veröffentlichungen behandeln HR als Leser, der kennt, was er erfasst hat; Zellen nach Antwort werden dort zurückgehalten, wo wenige selbst geantwortet haben, und eine von HR erfasste, nach einer Veröffentlichung widerrufene Antwort hält die Antworten des Jahres zurück; ein Eingabeweg je Einstellungsjahr erhält mehr Zahlen")
        }
        let critical = findings.filter { $0.severity == "critical" }.count
        let verdict: AuditReport.Text = critical == 0
            ? .init(de: "Ordnungsgemäß: Es werden nur Daten innerhalb ihrer Aufbewahrungsfrist gehalten, das Protokoll ist unversehrt.",
                    en: "Compliant: only data within its retention period is held, and the audit log is intact.")
            : .init(de: "Nicht ordnungsgemäß: \(critical) kritische Feststellung(en) erfordern Maßnahmen.",
                    en: "Not compliant: \(critical) critical finding(s) need action.")
        return AuditReport(asOf: inputs.asOf, periods: periods, keystore: keystore, releases: try ReleaseLedgerSummary.read(inputs.data),
                           log: log, retention: policy.rules, disclosurePolicy: inputs.disclosurePolicy,
                           processingRecord: inputs.record, measures: measures, entry: entry, findings: findings,
                           compliant: critical == 0, verdict: verdict)
    }

    static func entry(_ inputs: Inputs) throws -> AuditReport.EntryStatus {
        let consent = try inputs.data.formVersionsByPeriod().sorted { $0.key < $1.key }.map {
            AuditReport.ConsentInForce(period: $0.key, formVersions: $0.value)
        }
        let invitations = try inputs.data.invitationCounts().sorted { $0.key < $1.key }.map {
            AuditReport.InvitationStatus(period: $0.key, issued: $0.value.issued, open: $0.value.open, answered: $0.value.redeemed,
                                         expired: $0.value.expired)
        }
        return AuditReport.EntryStatus(ways: inputs.policy.entryWays.map(\.rawValue), invitationWeeks: inputs.policy.invitationWeeks,
                                       consent: consent, invitations: invitations)
    }

    /// Who can unlock: the statistics unit with its passphrase, or any two of the named keyholders
    /// (names only: nothing about their passphrases is in the keystore's clear parts).
    static func holders(_ names: [KeyholderName]) -> AuditReport.Text {
        guard !names.isEmpty else {
            return .init(de: "die Statistikstelle (Rolle statistics) mit der Passphrase des Schlüsselspeichers",
                         en: "the statistics unit (role statistics), with the keystore passphrase")
        }
        let list = names.map(\.text).joined(separator: ", ")
        return .init(de: "Vier-Augen-Prinzip: je zwei der \(names.count) Schlüsselhalter gemeinsam (\(list))",
                     en: "two-person unlock: any two of the \(names.count) keyholders together (\(list))")
    }

    /// `YYYY-MM-DD` arithmetic in the proleptic Gregorian calendar, without time zones.
    static func day(_ day: String, minusDays days: Int = 0, minusYears years: Int = 0) -> String? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: DateComponents(year: parts[0] - years, month: parts[1], day: parts[2])),
              let shifted = calendar.date(byAdding: .day, value: -days, to: date) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: shifted)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

/// The releases in the ledger, as the audit lists them.
enum ReleaseLedgerSummary {
    static func read(_ data: DataStore) throws -> [AuditReport.ReleaseSummary] {
        try data.releases().map {
            AuditReport.ReleaseSummary(id: $0.id, day: $0.day, role: $0.role, user: $0.user, report: $0.report,
                                       periods: $0.periods, cells: $0.cellCount, suppressedCells: $0.suppressedCount)
        }
    }
}
