import Foundation
import Forms
@testable import Operations
import Reports
import Store
import Testing
import TestSupport
import Vault

/// Red team: HR is a reader of releases who, by design, knows the answers of every respondent it
/// entered itself (HR entry: "the clerk types the answers, and so sees them"). The default policy
/// offers both ways of entry at once (`entry: [self_service, hr]`). HR subtracts the answers it
/// typed from a published cell to read off the answer of the new hire who answered an invitation,
/// the person the invitation was meant to protect from HR ("HR never sees an answer"). Disclosure
/// control models that reader (``Disclosure/KnownAnswers``); before it did, this release told HR
/// the invitee's answer.
@Suite struct RedTeamHRSubtractionTests {
    static let clerk = Actor(role: "hr", user: "clerk")
    static let statistics = Actor(role: "statistics", user: "statistik")
    static func context(_ unit: String) -> [String: String] {
        ["unit": unit, "hired": "2026-03", "career_group": "gehoben", "employment": "regular"]
    }
    /// Derives `migration_background = yes` (not a German citizen).
    static let withBackground = ["born_in_germany": "no", "citizenship": "not_german", "parent_a_german_by_birth": "no",
                                 "parent_b_german_by_birth": "no"]
    /// Derives `migration_background = no`.
    static let withoutBackground = ["born_in_germany": "yes", "citizenship": "german_by_birth", "parent_a_german_by_birth": "yes",
                                    "parent_b_german_by_birth": "yes"]

    /// One hiring year (2026) in unit 51: HR types ten questionnaires (five with, five without a
    /// migration background) and issues one invitation, which the eleventh new hire answers alone.
    /// The shipped policy; a baseline by unit, as the integration office requests it by default.
    static func release(invitee answers: [String: String]) throws -> PublishedReport {
        let demo = try DemoFixture(hires: 60)
        let installation = try Installation.open(.init(data: demo.location.directory, forms: Repository.formsDirectory,
                                                       policy: Repository.policyDirectory,
                                                       reports: Repository.root.appendingPathComponent("reports")),
                                                 passwordStrength: .minimum)
        for typed in [withBackground, withoutBackground] {
            for _ in 0..<5 {
                _ = try installation.enter(RawEntry(form: "migration-background", version: 1, context: context("51"), answers: typed), by: clerk)
            }
        }
        let issued = try installation.issueInvitation(context: context("51"), by: clerk)
        guard case .answered = try installation.redeemInvitation(issued.code, answers: answers, consentedTo: 1) else {
            throw CancellationError()
        }
        let definition = try installation.definition(.baseline, indicator: "migration_background", by: ["unit"], periods: .years(2026...2026))
        return try installation.release(definition, passphrase: try Passphrase(DemoFixture.passphrase), by: statistics).report
    }

    /// What HR computes: the published count of unit 51 with a migration background, minus the
    /// five HR typed itself. 1 means the invitee has a migration background, 0 that they have not.
    static func hrInference(_ report: PublishedReport) -> Int? {
        report.cell(["unit": "51"], category: "yes")?.count.map { $0 - 5 }
    }

    @Test func hrCannotReadTheInviteesAnswerOffTheRelease() throws {
        let yes = try Self.release(invitee: Self.withBackground)
        let no = try Self.release(invitee: Self.withoutBackground)
        // The promise: no published number reveals what one person answered, and HR never learns
        // an invitee's answer. HR's subtraction must not tell the two invitees apart.
        let learnedYes = Self.hrInference(yes), learnedNo = Self.hrInference(no)
        #expect(learnedYes == nil || learnedYes != 1 || learnedNo != 0,
                "HR learns the invitee's answer: with background → \(String(describing: learnedYes)), without → \(String(describing: learnedNo))")
        // Nothing of unit 51 that splits by answer is published: the invitee is one, and HR knows the rest.
        for report in [yes, no] {
            for category in ["yes", "no", "not_determinable", "declined"] {
                let cell = report.cell(["unit": "51"], category: category)
                #expect(cell?.count == nil || cell?.count == 0, "unit 51, \(category): \(String(describing: cell))")
            }
        }
    }
}
