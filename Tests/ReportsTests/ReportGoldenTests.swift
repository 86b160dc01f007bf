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
    }

    @Test func trendByCareerGroupInEveryFormat() throws {
        let fixture = try ReportFixture()
        let report = try fixture.release(fixture.definition(.trend, by: ["career_group"], periods: .all))
        try Self.check(report.json(), "trend-career.json")
        try Self.check(report.csv(locale: "en"), "trend-career.en.csv")
        try Self.check(report.markdown(language: "en"), "trend-career.en.md")
        try Self.check(report.html(language: "en"), "trend-career.en.html")
    }
}
