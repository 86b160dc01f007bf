import Foundation
import Forms
import Store
import Testing
import TestSupport
@testable import Reports

/// Each release's participation line on the demo data: answered and declined from the published
/// Total, not answered from the invitations expired by the release day, withheld from 1 to 4.
@Suite struct ParticipationLineTests {
    static let clerk = Actor(role: "hr", user: "clerk")

    /// `count` invitations of hires of `year`, each expiring on `expiresOn`.
    static func invite(_ fixture: ReportFixture, _ count: Int, year: Int = 2025, expiresOn: String) throws {
        let context = try Repository.validator.validateDecline(
            form: "migration-background", version: 1,
            context: ["unit": "51", "hired": "\(year)-10", "career_group": "gehoben", "employment": "regular"])
        _ = try fixture.demo.intake().issueInvitations(Array(repeating: context, count: count), expiresOn: expiresOn, by: clerk)
    }

    /// Answered and declined as the store counts them, independently of any report.
    static func stored(_ fixture: ReportFixture, _ year: Int) throws -> (responses: Int, declines: Int) {
        try #require(try fixture.data.countsByPeriod()[year])
    }

    /// Releases one after another as invitations expire (the answers stay the same, so each
    /// release passes the audit against the last): 0 is published, 1 to 4 withheld with no rate,
    /// from 5 on published with the rate over everyone invited or asked.
    @Test func notAnsweredIsWithheldFromOneToFourAndPublishedFromZeroOrFive() throws {
        let fixture = try ReportFixture()
        let (responses, declines) = try Self.stored(fixture, 2025)
        // Open until after the release day: never counted.
        try Self.invite(fixture, 3, expiresOn: "2027-01-01")
        var expired = 0
        for target in [0, 1, 4, 5, 9] {
            try Self.invite(fixture, target - expired, expiresOn: "2026-06-01")
            expired = target
            if target == 5 {
                // Swept into the count by the expiry use case, or still held past its last day: both count.
                #expect(try fixture.data.expireInvitations(asOf: "2026-07-01", by: Self.clerk) == 5)
            }
            let report = try fixture.release(fixture.definition(.baseline, by: ["unit"], periods: .years(2025...2025)))
            let line = try #require(report.participation.first)
            #expect(report.participation.count == 1 && line.period == 2025)
            #expect(line.answered == responses && line.declined == declines, "the published Total is exact here")
            let published = (1...4).contains(target) ? nil : target
            #expect(line.notAnswered == published, "\(target) expired")
            if let published {
                #expect(line.responseRate == Double(responses) / Double(responses + declines + published))
            } else {
                #expect(line.responseRate == nil, "a withheld count leaves no rate to work it out from")
                #expect(report.json().contains(#""not_answered":null}"#))
                #expect(report.csv(locale: "de").contains("# Beteiligung 2025: beantwortet \(responses) · Angabe abgelehnt \(declines) · nicht beantwortet .\r\n"))
                #expect(report.html(language: "en").contains(#"<td class="n" title="withheld">.</td><td class="n"></td></tr>"#))
            }
            let stored = try PublishedReport(json: report.json())
            #expect(stored.participation == report.participation)
            #expect(stored.markdown(language: "en") == report.markdown(language: "en"))
        }
    }

    /// A trend has a line per year from that year's own Total.
    @Test func aTrendHasALinePerYear() throws {
        let fixture = try ReportFixture()
        try Self.invite(fixture, 6, year: 2025, expiresOn: "2026-06-01")
        try Self.invite(fixture, 2, year: 2024, expiresOn: "2026-06-01")
        let report = try fixture.release(fixture.definition(.trend, by: ["career_group"], periods: .years(2023...2025)))
        #expect(report.participation.map(\.period) == [2023, 2024, 2025])
        #expect(report.participation.map(\.notAnswered) == [0, nil, 6])
        for line in report.participation {
            let (responses, declines) = try Self.stored(fixture, line.period)
            #expect(line.answered == responses && line.declined == declines, "\(line.period)")
        }
        #expect(report.markdown(language: "en").contains("| 2025 | \(try Self.stored(fixture, 2025).responses) |"))
        #expect(try PublishedReport(json: report.json()) == report)
    }

    /// A baseline over several years publishes no year's own Total: only not answered is known.
    @Test func aBaselineOverSeveralYearsHasNoAnswersPerYear() throws {
        let fixture = try ReportFixture()
        try Self.invite(fixture, 7, year: 2024, expiresOn: "2026-06-01")
        let report = try fixture.release(fixture.definition(.baseline, by: ["career_group"], periods: .years(2024...2025)))
        #expect(report.participation.map(\.notAnswered) == [7, 0])
        #expect(report.participation.allSatisfy { $0.answered == nil && $0.declined == nil && $0.responseRate == nil })
    }

    /// A release stored before participation was published reads with no lines and renders as it
    /// did: no participation section in any format, every figure as released.
    @Test func aReportStoredWithoutParticipationStillReads() throws {
        let fixture = try ReportFixture()
        let report = try fixture.release(fixture.definition(.baseline, by: ["career_group"], periods: .years(2025...2025)))
        #expect(report.json().contains(#""participation":[{"period":2025,"#))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        object["participation"] = nil
        let old = try PublishedReport(json: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        #expect(old.participation.isEmpty && old.cells == report.cells)
        #expect(!old.json().contains("participation") && !old.csv(locale: "de").contains("Beteiligung"))
        #expect(!old.markdown(language: "de").contains("Beteiligung") && !old.html(language: "en").contains("Participation"))
    }

    @Test func aParticipationLineWithoutItsPeriodIsRefused() throws {
        let fixture = try ReportFixture(hires: 600)
        let report = try fixture.release(fixture.definition(.baseline, by: [], periods: .years(2025...2025)))
        let broken = report.json().replacingOccurrences(of: #""participation":[{"period":2025,"#, with: #""participation":[{"#)
        #expect(broken != report.json())
        #expect(throws: PublishedReport.unreadable) { try PublishedReport(json: broken) }
    }
}

/// The rule on its own, at its edges, with and without a rounding policy.
@Suite struct NotAnsweredRuleTests {
    @Test(arguments: [(0, nil, 0), (1, nil, nil), (4, nil, nil), (5, nil, 5), (6, nil, 6),
                      (0, 5, 0), (4, 5, nil), (7, 5, 5), (8, 5, 10), (12, 3, 12)] as [(Int, Int?, Int?)])
    func oneToFourIsWithheldTheRestPublishedAsTheOtherCounts(_ count: Int, _ base: Int?, _ printed: Int?) {
        #expect(PublishedReport.publishable(notAnswered: count, minCell: 5, roundingBase: base) == printed)
    }
}
