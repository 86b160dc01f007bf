import Disclosure
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Reports
@testable import Store
import Vault

@Suite struct ReportProtectionTests {
    /// What a report gives out: published counts are zero or at least min_cell, or withheld.
    static func checkPublishedCounts(_ report: PublishedReport, minCell: Int = 5) {
        for cell in report.cells {
            if let count = cell.count { #expect(count == 0 || count >= minCell, "\(cell)") } else { #expect(cell.status == "suppressed") }
        }
    }

    @Test func aSingleRespondentIsNeverVisible() throws {
        let fixture = try ReportFixture(hires: 1)
        let report = try fixture.release(fixture.definition(.baseline, by: ["unit"], periods: .latest))
        #expect(report.cells.allSatisfy { $0.count == nil || $0.count == 0 })
        #expect(report.cells.contains { $0.count == nil })
        #expect(report.cells.allSatisfy { $0.share == nil && $0.responseRate == nil })
    }

    @Test func everyPublishedCountIsZeroOrAtLeastMinCell() throws {
        let fixture = try ReportFixture()
        for by in [["unit"], ["career_group", "employment"], ["unit", "employment"]] {
            Self.checkPublishedCounts(try fixture.release(fixture.definition(.baseline, by: by, periods: .years(2024...2024))))
        }
    }

    /// Sequences of releases that would reveal a small cell by subtraction: a reader who combines
    /// all releases, and knows how the indicators relate, learns nothing any release withheld.
    @Test(arguments: ["unit then unit × career group", "cumulative years then fewer years", "indicator switch"])
    func differencingAcrossReleasesIsDefeated(_ scenario: String) throws {
        let fixture = try ReportFixture()
        var universe = Self.universe.filter { ["year", "unit", "migration_background"].contains($0.key) }
        var released: [[ReleasedCell]] = []
        // The cells with their reasons, as the run had them (the ledger keeps no reasons).
        func release(_ definition: ReportDefinition) throws {
            var timings = ReleaseTimings()
            let protected = try fixture.run.releaseProtected(definition, passphrase: Passphrase(DemoFixture.passphrase), day: DemoFixture.day,
                                                             timings: &timings).protected
            let epoch = released.count
            released.append(protected.releasedCells.map { var cell = $0; cell.release = epoch; return cell })
        }
        switch scenario {
        case "unit then unit × career group":
            try release(fixture.definition(.baseline, by: ["unit"], periods: .years(2024...2024)))
            try release(fixture.definition(.baseline, by: ["unit", "career_group"], periods: .years(2024...2024)))
            universe["year"] = ["2024"]
            universe["career_group"] = Self.universe["career_group"]
        case "cumulative years then fewer years":
            try release(fixture.definition(.trend, by: ["unit"], periods: .years(2022...2025)))
            try release(fixture.definition(.trend, by: ["unit"], periods: .years(2022...2024)))
            universe["year"] = Set((2022...2025).map(String.init))
        default:
            try release(fixture.definition(.baseline, by: ["unit"], periods: .years(2025...2025)))
            try release(fixture.definition(.baseline, by: ["unit"], periods: .years(2025...2025), indicator: "foreign_national"))
            universe["year"] = ["2025"]
            universe["foreign_national"] = Self.universe["foreign_national"]
        }
        let rules = Set(DerivationRules(form: Repository.form).allowed.map { $0.filter { universe.keys.contains($0.key) } })
        #expect(released.count == 2 && released[1].contains { $0.knownRange == nil })
        let sizes = try fixture.sizes(years: universe["year"]!.compactMap { Int($0) }.sorted())
        for count in 1...released.count {
            let exposures = Reader.exposures(Array(released.prefix(count)), changes: .none, universe: universe,
                                             answers: ("migration_background", []), rules: rules, sizes: sizes)
            #expect(exposures.isEmpty, "\(exposures)")
        }
    }

    static let universe: [String: Set<String>] = [
        "year": Set((2020...2025).map(String.init)), "unit": Set(Repository.units.codes),
        "career_group": ["einfach", "mittel", "gehoben", "hoeher"], "employment": ["regular", "trainee"],
        "migration_background": ["yes", "no", "not_determinable", "declined"],
        "foreign_national": ["yes", "no", "not_determinable", "declined"]]

    /// Every release's cells as the ledger keeps them, with the release's epoch.
    static func ledger(_ data: DataStore) throws -> [[ReleasedCell]] {
        try data.releases().map { record in
            try JSONDecoder().decode([ReleasedCell].self, from: record.cells).map { var cell = $0; cell.release = record.epoch; return cell }
        }
    }

    /// Issue 9, finding 2, end to end: a baseline by career group; HR enters a late hire; the same
    /// table again; then, after the hire withdraws, by career group and by employment. A reader who
    /// knows who joined and who left learns nothing about the person's answer.
    @Test func aLateHireAndTheirWithdrawalStayHidden() throws {
        let fixture = try ReportFixture()
        let baseline = fixture.definition(.baseline, by: ["career_group"], periods: .years(2025...2025))
        _ = try fixture.release(baseline)
        let code = try fixture.demo.intake().add(Repository.parser.entry(json: Array(Repository.exampleJSON.utf8)))
        let again = try fixture.release(baseline)
        #expect(again.cell(["career_group": "gehoben"], category: "yes")?.count == nil)
        #expect(try fixture.demo.intake().withdraw(code))
        _ = try fixture.release(fixture.definition(.baseline, by: ["career_group", "employment"], periods: .years(2025...2025)))
        let context = ["year": "2025", "unit": "51", "career_group": "gehoben", "employment": "regular"]
        let released = try Self.ledger(fixture.demo.data)
        let universe = Self.universe.filter { ["year", "career_group", "employment", "migration_background"].contains($0.key) }
            .merging(["year": ["2025"]]) { $1 }
        for count in 1...released.count where count > 1 {
            // As the reader knows it when release `count - 1` is made.
            let presence = PopulationChanges.Presence(first: 1, end: count - 1 >= 2 ? 2 : nil)
            let changes = PopulationChanges(current: count - 1, groups: [.init(context: context, presence: presence, count: 1)])
            let exposures = Reader.exposures(Array(released.prefix(count)), changes: changes, universe: universe,
                                             answers: ("migration_background", ["yes", "no", "not_determinable", "declined"]))
            #expect(exposures.isEmpty, "\(exposures)")
        }
    }

    /// Issue 9, finding 3: a refusal names no cell and no range, and it is recorded. The only refusal
    /// left to disclosure control is a ledger that contradicts today's data (here: a published figure
    /// changed behind its back).
    @Test func aRefusalSaysNothingConfidentialAndIsRecorded() throws {
        let fixture = try ReportFixture(hires: 400)
        _ = try fixture.release(fixture.definition(.baseline, by: ["unit"], periods: .years(2025...2025)))
        let data = try fixture.demo.data
        try data.database.write { db in
            let cells = try Data.fetchOne(db, sql: "SELECT cells FROM release")!
            var decoded = try JSONDecoder().decode([ReleasedCell].self, from: cells)
            let index = decoded.firstIndex { $0.knownRange != nil && ($0.value ?? 0) > 0 }!
            decoded[index] = ReleasedCell(domain: decoded[index].domain, status: .published, value: decoded[index].value! + 50)
            try db.execute(sql: "UPDATE release SET cells = ?", arguments: [try JSONEncoder().encode(decoded)])
        }
        #expect(throws: ReportError.refused) {
            _ = try fixture.release(fixture.definition(.baseline, by: ["career_group"], periods: .years(2025...2025)))
        }
        for text in [ReportError.refused.english, ReportError.refused.german] {
            #expect(!text.contains("∈") && text.rangeOfCharacter(from: .decimalDigits) == nil, "\(text)")
        }
        #expect(try data.refusals().map(\.cause) == ["inconsistent_ledger"])
        #expect(try data.releases().count == 1)
    }

    @Test func aWrongPassphraseReleasesNothing() throws {
        let fixture = try ReportFixture(hires: 200)
        #expect(throws: VaultError.wrongPassphrase) {
            try fixture.release(fixture.definition(.baseline, by: ["unit"], periods: .latest), passphrase: "falsch")
        }
        #expect(try fixture.demo.data.releases().isEmpty)
    }

    @Test func aTamperedCiphertextStopsTheRunAndReleasesNothing() throws {
        let fixture = try ReportFixture(hires: 200)
        try fixture.demo.data.database.write { db in
            // Flip one bit (setting a byte to a fixed value would change nothing one time in 256).
            let row = try #require(try Row.fetchOne(db, sql: "SELECT id, sealed FROM response WHERE period = 2025 LIMIT 1"))
            var sealed: Data = row["sealed"]
            sealed[sealed.startIndex + 100] ^= 0x01
            try db.execute(sql: "UPDATE response SET sealed = ? WHERE id = ?", arguments: [sealed, row["id"] as Data])
        }
        #expect(throws: VaultError.self) {
            try fixture.release(fixture.definition(.baseline, by: ["unit"], periods: .years(2025...2025)))
        }
        #expect(try fixture.demo.data.releases().isEmpty)
    }

    @Test func aYearWithoutDataIsRefused() throws {
        let fixture = try ReportFixture(hires: 200)
        #expect(throws: ReportError.noData(period: 2019)) {
            try fixture.release(fixture.definition(.trend, by: ["unit"], periods: .years(2019...2021)))
        }
    }

    @Test func theCellKeyMethodGivesTheSameNoiseToTheSameCell() throws {
        let fixture = try ReportFixture(hires: 1200)
        let disclosure = try DisclosurePolicyFile.parse("version: 1\nmin_cell: 1\ngroup_disclosure: false\ncell_key: perturbation-table.csv\n",
                                                        file: "disclosure.yaml", directory: Repository.policyDirectory)
        let run = ReportRun(data: fixture.data, keystore: fixture.keystore, forms: [Repository.form], units: Repository.units,
                            disclosure: disclosure, actor: Actor(role: "statistics", user: "test"))
        let first = try run.release(fixture.definition(.baseline, by: ["unit"], periods: .years(2024...2024)),
                                    passphrase: Passphrase(DemoFixture.passphrase), day: DemoFixture.day)
        let second = try run.release(fixture.definition(.baseline, by: ["unit", "employment"], periods: .years(2024...2024)),
                                     passphrase: Passphrase(DemoFixture.passphrase), day: DemoFixture.day)
        #expect(first.cells.contains { $0.status == "perturbed" })
        for cell in first.cells {
            var coordinates = cell.coordinates
            coordinates["employment"] = "Total"
            #expect(second.cell(coordinates, category: cell.category)?.count == cell.count, "\(cell)")
        }
        #expect(first.cells.allSatisfy { ($0.count ?? 0) == 0 || $0.count! >= 3 })
    }
}
