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

    /// Every point's count and number asked that is not among the published values of its year in
    /// the ledger's record of the goal's release; its respondents that no published values add up to.
    static func figuresNotInTheLedger(_ monitoring: MonitoringReport, data: DataStore) throws -> [String] {
        let records = Dictionary(uniqueKeysWithValues: try data.releases().map { ($0.id, $0) })
        var problems: [String] = []
        for panel in monitoring.panels {
            guard let table = panel.table else { continue }
            guard let record = records[table.release] else {
                problems.append("\(table.release) is not in the ledger")
                continue
            }
            let cells = try JSONDecoder().decode([ReleasedCell].self, from: record.cells)
            for series in [panel.figures.headline] + panel.figures.parts {
                for point in series.points {
                    let values = cells.filter { $0.domain.restrictions["year"] == [String(point.year)] }.compactMap(\.value)
                    for (name, figure) in [("count", point.count), ("asked", point.asked)] {
                        if let figure, !values.contains(figure) { problems.append("\(panel.goal.id) \(series.code) \(point.year) \(name) \(figure)") }
                    }
                    if let respondents = point.respondents, respondents > values.max() ?? 0 {
                        problems.append("\(panel.goal.id) \(series.code) \(point.year) respondents \(respondents)")
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

    /// A goal whose baseline year holds no data shows no figure and releases nothing; the others do.
    @Test func aGoalBeforeTheDataShowsNoFigure() throws {
        let text = MonitoringPlanTests.goal([("baseline_year: 2021", "baseline_year: 2012"), ("year: 2031", "year: 2030")])
        let (fixture, monitoring) = try Self.released(text)
        #expect(monitoring.panels[0].table == nil && monitoring.panels[0].figures.outcome.status == .noFigure)
        #expect(try fixture.data.releases().isEmpty)
        #expect(monitoring.markdown(language: "en").contains("No figure is released for this goal yet"))
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
