import Foundation
import Testing
import TestSupport
@testable import Reports

/// Every output format on the demo data. `VIELFALT_UPDATE_GOLDEN=1` rewrites the files; read the diff.
@Suite struct ReportGoldenTests {
    static let directory = Repository.root.appendingPathComponent("Tests/ReportsTests/Golden")

    static func check(_ text: String, _ name: String) throws {
        let golden = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["VIELFALT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: golden)
        }
        // Bytes, not strings: the German CSV's byte-order mark is part of what is checked.
        #expect(Data(text.utf8) == (try Data(contentsOf: golden)), "\(name) differs from its golden file")
    }

    @Test func baselineByUnitInEveryFormat() throws {
        let fixture = try ReportFixture()
        let report = try fixture.release(fixture.definition(.baseline, by: ["unit"], periods: .years(2025...2025)))
        try Self.check(report.json(), "baseline-unit.json")
        try Self.check(report.csv(locale: "de"), "baseline-unit.de.csv")
        try Self.check(report.csv(locale: "en"), "baseline-unit.en.csv")
        try Self.check(report.markdown(language: "de"), "baseline-unit.de.md")
        try Self.check(report.html(language: "de"), "baseline-unit.de.html")
        #expect(try PublishedReport(json: report.json()) == report)
    }

    @Test func trendByCareerGroupInEveryFormat() throws {
        let fixture = try ReportFixture()
        let report = try fixture.release(fixture.definition(.trend, by: ["career_group"], periods: .all))
        try Self.check(report.json(), "trend-career.json")
        try Self.check(report.csv(locale: "en"), "trend-career.en.csv")
        try Self.check(report.markdown(language: "en"), "trend-career.en.md")
        try Self.check(report.html(language: "en"), "trend-career.en.html")
        #expect(try PublishedReport(json: report.json()) == report)
    }

    /// What is stored of a release is its JSON; every rendering made from it reads as released.
    @Test func aStoredReportRendersAsReleased() throws {
        let fixture = try ReportFixture()
        let report = try fixture.release(fixture.definition(.baseline, by: ["unit", "career_group"], periods: .years(2024...2024)))
        let stored = try PublishedReport(json: report.json())
        #expect(stored == report)
        #expect(stored.html(language: "en") == report.html(language: "en"))
        #expect(stored.csv(locale: "de") == report.csv(locale: "de"))
        #expect(stored.json() == report.json())
    }

    /// A report stored before its JSON carried labels still reads, with its codes as labels and
    /// every figure as released.
    @Test func aReportStoredWithoutLabelsKeepsItsFigures() throws {
        let fixture = try ReportFixture()
        let report = try fixture.release(fixture.definition(.baseline, by: ["career_group"], periods: .years(2025...2025)))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        object["labels"] = nil
        let old = try PublishedReport(json: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        #expect(old.cells == report.cells)
        #expect(old.dimensions.map(\.codes) == report.dimensions.map(\.codes))
        #expect(old.indicatorLabel.en == report.indicator)
    }

    @Test(arguments: ["", "[]", "{}", #"{"report":"x"}"#, "\u{FF}"])
    func somethingThatIsNoReportIsRefusedByName(_ text: String) {
        #expect(throws: PublishedReport.unreadable) { try PublishedReport(json: text) }
    }
}
