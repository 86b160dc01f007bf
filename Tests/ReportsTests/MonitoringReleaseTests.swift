import Disclosure
import Foundation
import Forms
import Store
import Testing
import TestSupport
import Vault
@testable import Reports

/// The monitoring released on the demo data: every format, read back as released, and no figure
/// that the ledger does not hold.
@Suite struct MonitoringReleaseTests {
    static func released(_ text: String = MonitoringPlanTests.shipped) throws -> (fixture: ReportFixture, monitoring: MonitoringReport) {
        let fixture = try ReportFixture()
        let plan = try MonitoringPlanTests.parse(text)
        let monitoring = try fixture.run.releaseMonitoring(plan, unlock: .passphrase(Passphrase(DemoFixture.passphrase)), day: DemoFixture.day)
        return (fixture, monitoring)
    }

    @Test func everyFormatAsInItsGoldenFile() throws {
        let monitoring = try Self.released().monitoring
        try ReportGoldenTests.check(monitoring.json(), "monitoring.json")
        try ReportGoldenTests.check(monitoring.csv(locale: "de"), "monitoring.de.csv")
        try ReportGoldenTests.check(monitoring.csv(locale: "en"), "monitoring.en.csv")
        try ReportGoldenTests.check(monitoring.markdown(language: "de"), "monitoring.de.md")
        try ReportGoldenTests.check(monitoring.markdown(language: "en"), "monitoring.en.md")
        try ReportGoldenTests.check(monitoring.html(language: "de"), "monitoring.de.html")
    }

    @Test func aStoredMonitoringReadsAsReleased() throws {
        let monitoring = try Self.released().monitoring
        let stored = try MonitoringReport(json: monitoring.json())
        #expect(stored == monitoring)
        #expect(stored.html(language: "en") == monitoring.html(language: "en"))
        #expect(throws: InputError.self) { try MonitoringReport(json: "{\"monitoring\":\"vielfalt\"}") }
        #expect(throws: InputError.self) { try MonitoringReport(json: "not json") }
    }

    /// Each goal's table is a release of the ledger, and every count the monitoring shows is one of
    /// that release's published values for the same year; respondents are sums of them.
    @Test func noFigureThatTheLedgerDoesNotHold() throws {
        let (fixture, monitoring) = try Self.released()
        #expect(monitoring.panels.allSatisfy { $0.table != nil })
        let problems = try Self.figuresNotInTheLedger(monitoring, data: fixture.data)
        #expect(problems.isEmpty, "\(problems)")
        // The check itself catches a figure the ledger does not hold: one count changed by one.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(monitoring.json().utf8)) as? [String: Any])
        var goals = try #require(object["goals"] as? [[String: Any]])
        var table = try #require(goals[0]["table"] as? [String: Any])
        var cells = try #require(table["cells"] as? [[String: Any]])
        let index = try #require(cells.firstIndex { $0["category"] as? String == "total" && $0["count"] is Int })
        cells[index]["count"] = (cells[index]["count"] as! Int) + 1
        table["cells"] = cells
        goals[0]["table"] = table
        object["goals"] = goals
        let tampered = try MonitoringReport(json: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        #expect(try !Self.figuresNotInTheLedger(tampered, data: fixture.data).isEmpty)
    }

    /// Every figure of every point that is not what the ledger's record of the point's release holds
    /// for that very cell: count and number asked as recorded, respondents as the sum of the
    /// recorded answer categories, and share and range computed again from those recorded values.
    static func figuresNotInTheLedger(_ monitoring: MonitoringReport, data: DataStore) throws -> [String] {
        let records = Dictionary(uniqueKeysWithValues: try data.releases().map { ($0.id, $0) })
        var problems: [String] = []
        for panel in monitoring.panels {
            let dimension = panel.goal.breakdown.grouping.first, indicator = panel.goal.indicator
            for series in [panel.figures.headline] + panel.figures.parts {
                for point in series.points {
                    let place = "\(panel.goal.id) \(series.code) \(point.year)"
                    guard let record = records[point.release], let table = panel.table(release: point.release) else {
                        problems.append("\(place): \(point.release) is not in the ledger or not shown")
                        continue
                    }
                    let cells = try JSONDecoder().decode([ReleasedCell].self, from: record.cells)
                    let leaves = dimension.flatMap { name in table.dimensions.first { $0.name == name }?.leaves } ?? []
                    /// The recorded value of one cell; nil when withheld. A margin is unrestricted or covers every code.
                    func recorded(_ category: String) -> Int?? {
                        let matching = cells.filter { cell in
                            let r = cell.domain.restrictions
                            guard r["year"] == [String(point.year)] else { return false }
                            if let dimension {
                                guard series.code == "Total" ? (r[dimension] == nil || r[dimension] == leaves) : r[dimension] == [series.code]
                                else { return false }
                            }
                            return category == "total" ? (r[indicator] == nil || r[indicator] == Set(table.categories)) : r[indicator] == [category]
                        }
                        guard matching.count == 1 else { return nil }
                        return .some(matching[0].value)
                    }
                    guard let count = recorded(panel.goal.category), let asked = recorded("total") else {
                        problems.append("\(place): no single recorded cell")
                        continue
                    }
                    if point.count != count { problems.append("\(place) count \(String(describing: point.count))") }
                    if point.asked != asked { problems.append("\(place) asked \(String(describing: point.asked))") }
                    let answers = table.categories.filter { $0 != "declined" }.map { recorded($0) ?? nil }
                    let respondents = answers.contains { $0 == nil } ? nil : answers.reduce(0) { $0 + $1! }
                    if point.respondents != respondents { problems.append("\(place) respondents") }
                    if let share = point.share {
                        guard let count, let respondents, let asked, respondents >= table.policy.minCell else {
                            problems.append("\(place) share without its recorded counts")
                            continue
                        }
                        if share != Double(count) / Double(respondents) { problems.append("\(place) share") }
                        if point.bounds != Double(count) / Double(asked)...Double(count + asked - respondents) / Double(asked) {
                            problems.append("\(place) range")
                        }
                    } else if point.bounds != nil {
                        problems.append("\(place) range without a share")
                    }
                }
            }
        }
        return problems
    }

    @Test func theFiguresFollowFromThePublishedCounts() throws {
        let panel = try Self.released().monitoring.panels[0]
        let table = try #require(panel.table)
        for point in panel.figures.headline.points {
            let group = ["year": String(point.year), "career_group": "Total"]
            #expect(point.count == table.cell(group, category: "yes")?.count)
            #expect(point.asked == table.cell(group, category: "total")?.count)
            #expect(point.share == table.cell(group, category: "yes")?.share)
            if let count = point.count, let respondents = point.respondents, let asked = point.asked, let bounds = point.bounds {
                #expect(respondents == ["yes", "no", "not_determinable"].compactMap { table.cell(group, category: $0)?.count }.reduce(0, +))
                #expect(bounds.lowerBound == Double(count) / Double(asked))
                #expect(bounds.upperBound == Double(count + asked - respondents) / Double(asked))
                #expect(bounds.contains(point.share!))
            }
        }
        let baseline = try #require(panel.figures.baseline?.share), latest = try #require(panel.figures.latest?.share)
        #expect(abs(panel.figures.changePoints! - (latest - baseline) * 100) < 1e-9)
        #expect(abs(panel.figures.gapToTargetPoints! - (0.25 - latest) * 100) < 1e-9)
    }

    /// A goal whose baseline year was never held has no baseline, so no status; the years held are
    /// released and shown all the same.
    @Test func aGoalBeforeTheDataHasNoStatus() throws {
        let text = MonitoringPlanTests.goal([("baseline_year: 2021", "baseline_year: 2012"), ("year: 2031", "year: 2030")])
        let (fixture, monitoring) = try Self.released(text)
        #expect(monitoring.panels[0].table?.periods == Array(2020...2025))
        #expect(monitoring.panels[0].figures.outcome.status == .noFigure && monitoring.panels[0].figures.baseline == nil)
        #expect(try fixture.data.releases().count == 1)
        #expect(monitoring.markdown(language: "en").contains("**Status:** – No figure: withheld, or no data yet"))
    }

    @Test func aWrongPassphraseMakesNoMonitoring() throws {
        let fixture = try ReportFixture()
        let plan = try MonitoringPlanTests.parse(MonitoringPlanTests.goal([("baseline_year: 2021", "baseline_year: 2012"), ("year: 2031", "year: 2030")]))
        #expect(throws: VaultError.wrongPassphrase) {
            try fixture.run.releaseMonitoring(plan, unlock: .passphrase(Passphrase("not the passphrase")), day: DemoFixture.day)
        }
    }

    /// A baseline written as the first year held is fixed by the first monitoring of the goal. When a
    /// purge has removed that year since, the goal keeps it, and its figures come from the table the
    /// earlier monitoring released (still in the ledger), while the later years are released anew.
    @Test func aPurgedBaselineYearIsReadAsPublishedBefore() throws {
        let (fixture, first) = try Self.released()
        #expect(first.panels.map(\.goal.baselineYear) == [2020, 2020])
        #expect(first.panels[0].goal.target?.year == 2030)
        try fixture.demo.keystore.destroyPeriodKey(2020, day: DemoFixture.day)
        try fixture.demo.data.deletePeriod(2020, declinesOnly: false, actor: Actor(role: "dpo", user: "test"), day: DemoFixture.day)
        let plan = try MonitoringPlanTests.parse(MonitoringPlanTests.shipped)
        let again = try fixture.run.releaseMonitoring(plan, unlock: .passphrase(Passphrase(DemoFixture.passphrase)), earlier: [first],
                                                      day: DemoFixture.day)
        #expect(again.panels.map(\.goal.baselineYear) == [2020, 2020])
        #expect(again.panels[0].goal.target?.year == 2030)
        let panel = again.panels[0], before = first.panels[0]
        #expect(panel.table?.periods == [2021, 2022, 2023, 2024, 2025])
        #expect(panel.carried.map(\.release) == [before.table!.release])
        #expect(panel.figures.baseline == before.figures.baseline)
        #expect(panel.figures.headline.points.map(\.year) == Array(2020...2025))
        #expect(panel.figures.releases == [before.table!.release, panel.table!.release])
        #expect(try Self.figuresNotInTheLedger(again, data: fixture.data).isEmpty)
        #expect(try MonitoringReport(json: again.json()) == again)
        // Without the earlier monitoring the baseline moves to the first year held: what fixing prevents.
        let unfixed = try fixture.run.releaseMonitoring(plan, unlock: .passphrase(Passphrase(DemoFixture.passphrase)), day: DemoFixture.day)
        #expect(unfixed.panels[0].goal.baselineYear == 2021)
    }

    /// Three monitorings with a purge before the second and the third: each purged year comes from the
    /// newest table that showed it (2020 from the first monitoring, 2021 from the second).
    @Test func eachPurgedYearComesFromTheNewestTableThatShowedIt() throws {
        let (fixture, first) = try Self.released()
        let plan = try MonitoringPlanTests.parse(MonitoringPlanTests.shipped)
        let unlock = KeystoreUnlock.passphrase(try Passphrase(DemoFixture.passphrase))
        func purge(_ year: Int) throws {
            try fixture.demo.keystore.destroyPeriodKey(year, day: DemoFixture.day)
            try fixture.demo.data.deletePeriod(year, declinesOnly: false, actor: Actor(role: "dpo", user: "test"), day: DemoFixture.day)
        }
        try purge(2020)
        // Read back as the installation passes them: stored JSON, oldest first.
        let second = try MonitoringReport(json: try fixture.run.releaseMonitoring(plan, unlock: unlock, earlier: [first], day: DemoFixture.day).json())
        try purge(2021)
        let third = try fixture.run.releaseMonitoring(plan, unlock: unlock, earlier: [first, second], day: DemoFixture.day)
        let (t1, t2, t3) = (first.panels[0].table!, second.panels[0].table!, third.panels[0].table!)
        #expect(t3.periods == [2022, 2023, 2024, 2025])
        #expect(third.panels[0].carried.map(\.release) == [t2.release, t1.release])
        let releaseOfYear = Dictionary(uniqueKeysWithValues: third.panels[0].figures.headline.points.map { ($0.year, $0.release) })
        #expect(releaseOfYear == [2020: t1.release, 2021: t2.release, 2022: t3.release, 2023: t3.release, 2024: t3.release, 2025: t3.release])
        #expect(try Self.figuresNotInTheLedger(third, data: fixture.data).isEmpty)
    }

    /// Without this release's table (refused, or a year missing) a goal shows no figure: earlier
    /// tables never stand in for it; nor does a table that counts other groups.
    @Test func carriedTablesOnlyBesideThisReleasesTable() throws {
        let (fixture, monitoring) = try Self.released()
        let panel = monitoring.panels[0], table = try #require(panel.table)
        let alone = GoalFigures(goal: panel.goal, table: nil, carried: [table], reference: panel.reference, lowResponseRate: 0.5)
        #expect(alone.headline.points.isEmpty && alone.outcome.status == .noFigure)
        let byEmployment = try fixture.release(fixture.definition(.trend, by: ["employment"], periods: .years(2024...2025)))
        #expect(table.countsLike(table) && !table.countsLike(byEmployment))
    }

    /// The reader of threat model 5 holds every release so far: a monitoring, a baseline of the latest
    /// year by career group × employment (the groups both goals' tables split), the monitoring again; knows how many people each context holds and the
    /// derivation rules, and solves the linear programs over all of it after each release. No release
    /// narrows a withheld figure below what its rule asks (or below what the releases before it had).
    @Test func aReaderOfEveryReleaseProvesNothingNew() throws {
        let fixture = try ReportFixture(hires: 1200)
        let plan = try MonitoringPlanTests.parse(MonitoringPlanTests.shipped)
        let unlock = KeystoreUnlock.passphrase(try Passphrase(DemoFixture.passphrase))
        let first = try fixture.run.releaseMonitoring(plan, unlock: unlock, day: DemoFixture.day)
        _ = try fixture.release(fixture.definition(.baseline, by: ["career_group", "employment"], periods: .years(2025...2025)))
        _ = try fixture.run.releaseMonitoring(plan, unlock: unlock, earlier: [first], day: DemoFixture.day)
        let ledger = try ReportProtectionTests.ledger(fixture.data)
        #expect(ledger.count == 5)
        let universe = ReportProtectionTests.universe.filter { $0.key != "foreign_national" }
        let sizes = try fixture.sizes(years: Array(2020...2025))
        for count in 1...ledger.count {
            let exposures = Reader.exposures(Array(ledger.prefix(count)), changes: .none, universe: universe,
                                             answers: ("migration_background", []), rules: ReviewReportAttackTests.rules(universe), sizes: sizes)
            #expect(exposures.isEmpty, "release \(count): \(exposures.prefix(3))")
        }
    }

    /// Every breakdown reads its own rows: Dezernate from the unit table's subtotals, trainees from
    /// the employment table's trainee row.
    @Test(arguments: MonitoringGoal.Breakdown.allCases) func everyBreakdownHasItsSeries(_ breakdown: MonitoringGoal.Breakdown) throws {
        let text = MonitoringPlanTests.goal([("breakdown: none", "breakdown: \(breakdown.rawValue)"), ("baseline_year: 2021", "baseline_year: 2024"),
                                             ("year: 2031", "year: 2030")])
        let panel = try Self.released(text).monitoring.panels[0]
        let table = try #require(panel.table)
        #expect(table.periods == [2024, 2025])
        #expect(table.dimensions.map(\.name) == ["year"] + breakdown.grouping)
        let expected: [String] = switch breakdown {
        case .none: []
        case .careerGroup: ["einfach", "mittel", "gehoben", "hoeher"]
        case .employment: ["regular", "trainee"]
        case .trainees: []
        case .dezernat: Repository.units.dezernate.map { "Dezernat \($0.code)" }
        }
        #expect(panel.figures.parts.map(\.code) == expected)
        #expect(panel.figures.headline.code == (breakdown == .trainees ? "trainee" : "Total"))
        #expect(panel.figures.headline.points.map(\.year) == [2024, 2025])
    }
}
