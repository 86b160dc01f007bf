import Foundation
import Forms
import Vault

/// Measures the entry path and the cost of opening a record; `vielfalt bench` prints the figures.
///
/// A measurement, not a test: nothing here asserts a time.
public enum IntakeBenchmark {
    public struct Figures: Sendable {
        public let responses: Int
        public let importSeconds: Double
        public let openedRecords: Int
        public let openSecondsPerRecord: Double
        public let keyAgreementSeconds: Double
        public let databaseBytes: Int64

        public var importPerSecond: Double { Double(responses) / importSeconds }
    }

    /// Writes `responses` synthetic entries as JSON Lines, imports them into a fresh store in
    /// `directory`, then opens up to `openSample` records with the period key.
    public static func run(responses: Int, directory: URL, form: FormDefinition, units: OrgUnits,
                           openSample: Int = 100_000) throws -> Figures {
        let location = StoreLocation(directory: directory.appendingPathComponent("store"))
        let passphrase = try Passphrase("benchmark passphrase")
        try location.initialise(passphrase: passphrase, strength: .interactive)
        let input = directory.appendingPathComponent("bench.jsonl")
        try writeSyntheticEntries(count: responses, to: input, form: form, units: units)

        let validator = EntryValidator(forms: [form], units: units, latestYear: 2100)
        let intake = try Intake(location: location, forms: [form], units: units)
        let start = Date()
        _ = try intake.importFile(input, parser: EntryParser(validator: validator))
        let importSeconds = Date().timeIntervalSince(start)

        let unlocked = try intake.keystore.unlock(passphrase)
        var opened = 0
        let openStart = Date()
        for period in try intake.data.periods() where opened < openSample {
            let secret = try intake.keystore.secretKey(forPeriod: period, unlocked: unlocked)
            var openers: [Data: BatchOpener] = [:]
            for batch in try intake.data.batches(period: period) {
                openers[batch.id] = try BatchOpener(period: period, periodSecret: secret,
                                                    ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey)))
            }
            try intake.data.forEachSealedResponse(period: period) { row in
                guard opened < openSample else { return }
                let binding = RecordBinding(responseID: try ResponseID(bytes: [UInt8](row.id)), formID: row.formID,
                                            formVersion: row.formVersion, period: row.period)
                try openers[row.batchID]!.open([UInt8](row.sealed), fieldNames: form.sealedFieldNames, binding: binding) { _, _ in }
                opened += 1
            }
        }
        let openSeconds = Date().timeIntervalSince(openStart) / Double(max(opened, 1))

        let agreements = 2_000
        let pair = KeyPair.generate()
        let agreementStart = Date()
        for _ in 0..<agreements { _ = try BatchOpener(period: 2025, periodSecret: pair.secretKey, ephemeralPublicKey: pair.publicKey) }
        let agreementSeconds = Date().timeIntervalSince(agreementStart) / Double(agreements)

        let size = (try? FileManager.default.attributesOfItem(atPath: location.dataURL.path)[.size] as? Int64) ?? 0
        return Figures(responses: responses, importSeconds: importSeconds, openedRecords: opened,
                       openSecondsPerRecord: openSeconds, keyAgreementSeconds: agreementSeconds, databaseBytes: size)
    }

    static func writeSyntheticEntries(count: Int, to url: URL, form: FormDefinition, units: OrgUnits) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var rng = SplitMix64(seed: 42)
        var buffer = ""
        for _ in 0..<count {
            let unit = units.units[Int(rng.next() % UInt64(units.units.count))].code
            var answers: [String] = []
            for item in form.items { answers.append("\"\(item.key)\":\"\(item.codes[Int(rng.next() % UInt64(item.codes.count))])\"") }
            let year = 2020 + Int(rng.next() % 6)
            let month = 1 + Int(rng.next() % 12)
            buffer += "{\"form\":\"\(form.id)\",\"version\":\(form.version),\"context\":{\"unit\":\"\(unit)\",\"hired\":\"\(year)-\(month < 10 ? "0" : "")\(month)\",\"career_group\":\"\(["einfach", "mittel", "gehoben", "hoeher"][Int(rng.next() % 4)])\",\"employment\":\"\(rng.next() % 5 == 0 ? "trainee" : "regular")\"},\"answers\":{\(answers.joined(separator: ","))}}\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
