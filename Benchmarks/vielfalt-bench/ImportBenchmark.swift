import Demo
import Foundation
import Forms
import Store
import Vault

/// Measures the entry path; `vielfalt-bench import` prints the figures. A measurement, not a test.
enum ImportBenchmark {
    struct Figures: Sendable {
        let responses: Int
        let importSeconds: Double
        let keyAgreementSeconds: Double
        let databaseBytes: Int64

        var importPerSecond: Double { Double(responses) / importSeconds }
    }

    static let passphrase = "benchmark passphrase"

    /// Writes `responses` synthetic entries as JSON Lines and imports them into a fresh store in
    /// `directory/store` with the units of `directory/forms/units.yaml` (made by ``syntheticUnits(count:)``).
    static func run(responses: Int, directory: URL, form: FormDefinition, units: OrgUnits) throws -> Figures {
        let location = StoreLocation(directory: directory.appendingPathComponent("store"))
        try location.initialise(passphrase: Passphrase(passphrase), strength: .interactive)
        let input = directory.appendingPathComponent("bench.jsonl")
        try writeSyntheticEntries(count: responses, to: input, form: form, units: units)
        defer { try? FileManager.default.removeItem(at: input) }

        let validator = EntryValidator(forms: [form], units: units, latestYear: 2100)
        let intake = try Intake(location: location, forms: [form], units: units)
        let start = Date()
        _ = try intake.importFile(input, parser: EntryParser(validator: validator))
        let importSeconds = Date().timeIntervalSince(start)

        // What a sealed box per response would add to every open: one X25519 agreement.
        let agreements = 2_000
        let pair = KeyPair.generate()
        let agreementStart = Date()
        for _ in 0..<agreements { _ = try BatchOpener(period: 2025, periodSecret: pair.secretKey, ephemeralPublicKey: pair.publicKey) }
        let agreementSeconds = Date().timeIntervalSince(agreementStart) / Double(agreements)

        let size = (try? FileManager.default.attributesOfItem(atPath: location.dataURL.path)[.size] as? Int64) ?? 0
        return Figures(responses: responses, importSeconds: importSeconds, keyAgreementSeconds: agreementSeconds, databaseBytes: size)
    }

    /// `units.yaml` text for `count` synthetic units in four Dezernate (codes U01, U02, …).
    static func syntheticUnits(count: Int) -> String {
        var yaml = "dezernate:\n"
        for d in 0..<4 {
            yaml += "  - code: \"D\(d + 1)\"\n    name: {de: \"Dezernat \(d + 1)\", en: \"Department \(d + 1)\"}\n    units:\n"
            for u in stride(from: d, to: count, by: 4) {
                yaml += "      - {code: \"U\(String(format: "%02d", u + 1))\", de: \"Amt \(u + 1)\", en: \"Office \(u + 1)\"}\n"
            }
        }
        return yaml
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
