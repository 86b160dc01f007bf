import Foundation
import Forms
import Testing
import TestSupport
@testable import Store
import Vault

/// An invitation redeemed from a paper form: the printed receipt, the paper tally, a receipt used twice.
@Suite struct PaperRedemptionTests {
    static let context = InvitationStoreTests.context, answers = InvitationStoreTests.answers
    static let statistician = Actor(role: "paper", user: "stat")

    static func invitations(_ intake: Intake, _ count: Int) throws -> [InvitationCode] {
        let decline = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: context)
        return try intake.issueInvitations(Array(repeating: decline, count: count), expiresOn: "2999-01-01", by: Actor(role: "hr", user: "clerk"))
    }

    static func answer(_ context: Decline) throws -> InvitationAnswer {
        .answers(try Repository.validator.validate(answers: answers, for: context))
    }

    @Test func thePrintedReceiptIsStoredAndTheEntryIsTalliedAsPaper() throws {
        let store = try StoreFixture()
        let clock = EntryTallyTests.Clock()
        let intake = try Intake(location: store.location, forms: [Repository.form], units: Repository.units, today: { clock.today })
        let codes = try Self.invitations(intake, 2)
        let printed = ReceiptCode.generateForPaper()
        guard case .answered(let receipt) = try intake.redeem(codes[0], receipt: printed, tally: Self.statistician, Self.answer) else {
            Issue.record("not answered"); return
        }
        #expect(receipt == printed)
        guard case .declined = try intake.redeem(codes[1], receipt: ReceiptCode.generateForPaper(), tally: Self.statistician, { _ in .decline }) else {
            Issue.record("not declined"); return
        }
        clock.set("2026-12-08")
        #expect(try intake.withdraw(printed))
        let log = try AuditLog.entries(intake.data).map { "\($0.role) \($0.user) \($0.action) \($0.detail)" }
        #expect(log.contains("paper stat entries recorded week=2026-W49; entries=2"))
        #expect(!log.contains { $0.hasPrefix("respondent - entries") })
    }

    @Test func aReceiptAlreadyStoredIsRefusedAndChangesNothing() throws {
        let store = try StoreFixture()
        let codes = try Self.invitations(store.intake, 2)
        let printed = ReceiptCode.generateForPaper()
        _ = try store.intake.redeem(codes[0], receipt: printed, tally: Self.statistician, Self.answer)
        let files = RawBytes.databaseFiles(store.location.dataURL).filter { !$0.path.hasSuffix("-shm") }
        let before = try RawBytes.fingerprint(files)
        #expect(throws: Intake.receiptInUse) { try store.intake.redeem(codes[1], receipt: printed, tally: Self.statistician, Self.answer) }
        #expect(try RawBytes.fingerprint(files) == before)
        #expect(try store.intake.data.invitationCounts()[2024] == InvitationCounts(issued: 2, open: 1, redeemed: 1))
        #expect(Intake.receiptInUse.field == "receipt" && Intake.receiptInUse.german.contains("Quittungscode"))
    }
}
