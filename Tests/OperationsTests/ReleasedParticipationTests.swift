import Foundation
import Forms
@testable import Operations
import Reports
import Store
import Testing
import TestSupport
import Vault

/// A released request's participation line, as the integration office reads it back from what was
/// stored: invitations answered, declined inside the questionnaire and expired.
@Suite struct ReleasedParticipationTests {
    /// Born a German to two German parents: without a migration background.
    static let noBackground = ["born_in_germany": "yes", "citizenship": "german_by_birth",
                               "parent_a_german_by_birth": "yes", "parent_b_german_by_birth": "yes"]
    /// The hiring year of ``InvitationTests/context``; the demo holds no one hired in it.
    static let year = 2026

    /// Issues `answered + declined + unanswered` invitations; half of the answers with a migration
    /// background, half without, and `declined` declined inside the questionnaire.
    static func invite(_ installation: Installation, answered: Int, declined: Int, unanswered: Int) throws {
        let issued = try (0..<(answered + declined + unanswered)).map { _ in
            try installation.issueInvitation(context: InvitationTests.context, by: InvitationTests.clerk)
        }
        for (i, invitation) in issued.prefix(answered + declined).enumerated() {
            let answers = i >= answered ? nil : i % 2 == 0 ? InvitationTests.answers : Self.noBackground
            _ = try installation.redeemInvitation(invitation.code, answers: answers, consentedTo: answers == nil ? nil : 1)
        }
    }

    /// Requests and releases this year's baseline by career group (every invitation is of one);
    /// returns it as read back from what was stored, and that stored JSON.
    static func release(_ installation: Installation) throws -> (report: PublishedReport, json: String) {
        let request = try installation.request(ReportRequestForm(kind: "baseline", indicator: "migration_background", by: ["career_group"],
                                                                 years: String(year), groupingField: { _ in "by" }), by: "integration")
        #expect(installation.releaseRequest(request.id, passphrase: try Passphrase(DemoFixture.passphrase), by: "statistics") == .released)
        let stored = try #require(try installation.releasedReport(request.id))
        return (stored.report, try #require(stored.request.json))
    }

    @Test func openInvitationsAreNotCountedExpiredOnesAreNotAnswered() throws {
        let (installation, _) = try InvitationTests.open()
        try Self.invite(installation, answered: 12, declined: 5, unanswered: 7)
        // Still open: the line counts those who answered and declined; a 0 not answered is published.
        let open = try Self.release(installation)
        let first = try #require(open.report.participation.first)
        #expect(open.report.participation.count == 1)
        #expect(first.period == Self.year && first.answered == 12 && first.declined == 5 && first.notAnswered == 0)
        #expect(first.responseRate == 12.0 / 17.0)
        #expect(open.json.contains(#""participation":[{"period":2026,"answered":12,"declined":5,"not_answered":0,"response_rate":0.7059}]"#))

        #expect(try installation.expireInvitations(lookingAheadTo: "2099-01-01", by: InvitationTests.clerk) == 7)
        let later = try Self.release(installation)
        let line = try #require(later.report.participation.first)
        #expect(line.answered == 12 && line.declined == 5 && line.notAnswered == 7)
        #expect(line.responseRate == 0.5, "12 of the 24 invited")
        // What the page shows, read back from the stored release.
        let page = later.report.htmlBody(language: "de")
        #expect(page.contains("<caption>Beteiligung</caption>"))
        #expect(page.contains(#"<tr><th scope="row">2026</th><td class="n">12</td><td class="n">5</td><td class="n">7</td><td class="n">50,0</td></tr>"#))
    }

    @Test func threeExpiredInvitationsAreWithheldAndLeaveNoRate() throws {
        let (installation, _) = try InvitationTests.open()
        try Self.invite(installation, answered: 12, declined: 5, unanswered: 3)
        #expect(try installation.expireInvitations(lookingAheadTo: "2099-01-01", by: InvitationTests.clerk) == 3)
        let released = try Self.release(installation)
        let line = try #require(released.report.participation.first)
        #expect(line.answered == 12 && line.declined == 5)
        #expect(line.notAnswered == nil && line.responseRate == nil)
        #expect(released.json.contains(#""participation":[{"period":2026,"answered":12,"declined":5,"not_answered":null}]"#))
        #expect(released.report.csv(locale: "en").contains("# Participation 2026: answered 12 · declined to answer 5 · not answered .\r\n"))
    }
}
