import Disclosure
import Foundation
import Forms
import Reports
import Store
import Testing
import TestSupport

/// Releases of a hiring year where HR typed some answers and new hires gave others alone: the run
/// audits against HR as a reader who knows what it typed (``Disclosure/KnownAnswers``).
@Suite struct MixedEntryReportTests {
    static let clerk = Actor(role: "hr", user: "clerk")
    static let context = ["unit": "51", "hired": "2025-03", "career_group": "gehoben", "employment": "regular"]
    static let answers = ["born_in_germany": "no", "citizenship": "not_german", "parent_a_german_by_birth": "no",
                          "parent_b_german_by_birth": "no"]

    /// One new hire of 2025 answers an invitation alone; the demo's other hires of 2025 were typed by HR.
    static func answerAlone(_ fixture: ReportFixture) throws {
        let intake = try fixture.demo.intake()
        let decline = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: Self.context)
        let code = try intake.issueInvitations([decline], expiresOn: "2999-01-01", by: Self.clerk)[0]
        guard case .answered = try intake.redeem(code, { .answers(try Repository.validator.validate(answers: Self.answers, for: $0)) }) else {
            throw CancellationError()
        }
    }

    static func answerCells(_ report: PublishedReport) -> [PublishedReport.Cell] {
        report.cells.filter { $0.category != "total" && $0.category != "Total" }
    }

    /// An answer HR typed is withdrawn after a release: its answer is gone, HR still knows it, and
    /// the audit cannot model what it cannot see; so every figure of 2025 that splits by answer is
    /// withheld from then on, and the figures that do not (people per career group) still appear.
    @Test func aWithdrawnAnswerTypedByHRWithholdsItsYearsAnswers() throws {
        let fixture = try ReportFixture(hires: 400)
        try Self.answerAlone(fixture)
        let byCareer = fixture.definition(.baseline, by: ["career_group"], periods: .years(2025...2025))
        let first = try fixture.release(byCareer)
        #expect(Self.answerCells(first).contains { ($0.count ?? 0) > 0 }, "the first release must publish some answers, or this proves nothing")
        let intake = try fixture.demo.intake()
        let receipt = try intake.add(Repository.parser.entry(json: Array(Repository.exampleJSON.utf8)))
        _ = try fixture.release(byCareer)
        #expect(try intake.withdraw(receipt))
        let after = try fixture.release(byCareer)
        #expect(Self.answerCells(after).allSatisfy { $0.count == nil }, "\(Self.answerCells(after).filter { $0.count != nil })")
        #expect(after.cells.contains { ($0.category == "total" || $0.category == "Total") && ($0.count ?? 0) > 0 })
    }

    /// Without any invitation answered, nothing changes: the same release as a store that never
    /// offered invitations.
    @Test func withoutAnswersGivenAloneTheRunDoesNotModelHR() throws {
        let plain = try ReportFixture(hires: 400), invited = try ReportFixture(hires: 400)
        let decline = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: Self.context)
        _ = try invited.demo.intake().issueInvitations([decline], expiresOn: "2999-01-01", by: Self.clerk)
        let definition = plain.definition(.baseline, by: ["unit"], periods: .years(2025...2025))
        let a = try plain.release(definition), b = try invited.release(definition)
        #expect(a.cells.map(\.count) == b.cells.map(\.count))
    }
}
