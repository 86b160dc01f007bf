import Foundation
import Testing
import TestSupport
@testable import Reports
import Forms
import Store
import Vault

/// Responses stay sealed under the form version they were given in; a report counts them all.
@Suite struct FormVersionReportTests {
    static let passphrase = "Statistikstelle geheim"

    /// A new store holding `entries` and `declines` (context only) of hiring year 2025 in unit 51,
    /// entered under the given form versions.
    static func store(forms: [FormDefinition], entries: [(version: Int, career: String, answers: [String: String])],
                      declines: [(version: Int, career: String)] = []) throws -> StoreLocation {
        let location = StoreLocation(directory: try temporaryDirectory("versions").appendingPathComponent("data"))
        try location.initialise(passphrase: Passphrase(passphrase), strength: .interactive)
        let validator = EntryValidator(forms: forms, units: Repository.units, latestYear: 2026)
        let intake = try Intake(location: location, forms: forms, units: Repository.units)
        func context(_ career: String) -> [String: String] {
            ["unit": "51", "hired": "2025-05", "career_group": career, "employment": "regular"]
        }
        _ = try intake.importEntries(entries.map {
            try validator.validate(RawEntry(form: "migration-background", version: $0.version, context: context($0.career), answers: $0.answers))
        })
        for decline in declines {
            try intake.decline(validator.validateDecline(form: "migration-background", version: decline.version, context: context(decline.career)))
        }
        return location
    }

    static func run(_ location: StoreLocation, forms: [FormDefinition]) throws -> ReportRun {
        ReportRun(data: try DataStore.open(location), keystore: try Keystore.open(location), forms: forms, units: Repository.units,
                  disclosure: try DisclosurePolicyFile.load(directory: Repository.policyDirectory),
                  actor: Actor(role: "statistics", user: "test"))
    }

    static let byCareerGroup = ReportDefinition(name: "baseline", title: LocalizedText(de: "Test", en: "Test"), kind: .baseline,
                                                indicator: "migration_background", by: ["career_group"], periods: .years(2025...2025))

    static let german = ["citizenship": "german_by_birth", "parent_a_german_by_birth": "yes", "parent_b_german_by_birth": "yes"]

    /// Version 2 reverses the career groups, the citizenship answers and the categories, and adds
    /// the career group `leitung`. Counting version 1's code numbers by version 2's positions (as
    /// the report did before) moves version 1's rows to the reversed career group and category:
    /// `hoeher` would read 1 not_determinable, 2 no, 1 yes, and `gehoben` 2 declined.
    @Test func aReportOverTwoVersionsCountsEveryRowUnderItsOwnCodes() throws {
        let forms = [Repository.form, FormVariants.version2]
        let location = try Self.store(forms: forms, entries: [
            (1, "einfach", ["citizenship": "not_german"]),          // yes
            (1, "einfach", Self.german),                             // no
            (1, "hoeher", Self.german),                              // no
            (1, "gehoben", [:]),                                     // not_determinable
            (2, "einfach", Self.german),                             // no
            (2, "leitung", ["citizenship": "not_german"]),           // yes
            (2, "hoeher", ["citizenship": "german_naturalised"]),    // yes
            (2, "mittel", Self.german),                              // no
            (2, "hoeher", Self.german),                              // no
        ], declines: [(2, "gehoben"), (1, "mittel")])
        let expected: [[String]: Int] = [
            ["einfach", "yes"]: 1, ["einfach", "no"]: 2,
            ["mittel", "no"]: 1, ["mittel", "declined"]: 1,
            ["gehoben", "not_determinable"]: 1, ["gehoben", "declined"]: 1,
            ["hoeher", "yes"]: 1, ["hoeher", "no"]: 2,
            ["leitung", "yes"]: 1,
        ]
        var timings = ReleaseTimings()
        let (report, protected) = try Self.run(location, forms: forms)
            .releaseProtected(Self.byCareerGroup, passphrase: Passphrase(Self.passphrase), day: "2026-01-15", timings: &timings)
        let careers = ["hoeher", "gehoben", "mittel", "einfach", "leitung"], categories = ["not_determinable", "no", "yes", "declined"]
        var counted: [[String]: Int] = [:]
        for cell in protected.cells where careers.contains(cell.coordinates[0]) && categories.contains(cell.coordinates[1]) {
            counted[cell.coordinates] = cell.confidentialCount
        }
        #expect(counted.filter { $0.value > 0 } == expected)
        #expect(counted.count == careers.count * categories.count)
        // The newest version's order first, then what only older versions have; its labels.
        #expect(report.dimensions.first { $0.name == "career_group" }?.codes == careers + ["Total"])
        #expect(report.categories == categories)
    }

    /// The report needs every version to say who was counted where; a version without
    /// `employment` stops the run before the keystore is even unlocked, and nothing is recorded.
    @Test func aVersionWithoutEmploymentIsAClearErrorAndReleasesNothing() throws {
        let forms = [Repository.form, FormVariants.variant(version: 2, employment: false)]
        let location = try Self.store(forms: [Repository.form], entries: [(1, "mittel", Self.german)])
        for passphrase in [Self.passphrase, "falsch"] {
            #expect(throws: InputError(field: "employment",
                                       english: "form 'migration-background' version 2 has no context field 'employment', which reports count by",
                                       german: "Formular „migration-background“ Version 2: Kontextfeld „employment“ fehlt, nach dem Berichte zählen.")) {
                try Self.run(location, forms: forms).release(Self.byCareerGroup, passphrase: Passphrase(passphrase), day: "2026-01-15")
            }
        }
        let data = try DataStore.open(location)
        #expect(try data.releases().isEmpty)
        #expect(try data.refusals().isEmpty)
    }

    /// A version that does not derive the indicator could not say where its responses count.
    @Test func aVersionWithoutTheIndicatorIsAClearError() throws {
        let form = try ReportForm(indicator: "migration_background",
                                  in: [Repository.form, FormVariants.variant(version: 2, indicators: false)])
        #expect(form.indicator.categoryCodes == ["yes", "no", "not_determinable"])
        #expect(throws: InputError(field: "indicator",
                                   english: "form 'migration-background' version 2 does not define indicator 'migration_background'",
                                   german: "Formular „migration-background“ Version 2: Merkmal „migration_background“ fehlt.")) {
            try ReportDecryptor(form: form, units: Repository.units)
        }
    }
}
