import Foundation
@testable import Store
import Testing
import TestSupport
import Vault

/// Who typed a batch's answers decides what HR knows of a release, so it must be right, sealed, and
/// not told by the length of its ciphertext.
@Suite struct AnswerSourceTests {
    /// Opens the sealed source of every batch of `period`, by batch id.
    static func sources(_ store: StoreFixture, period: Int = 2024) throws -> [Data: AnswerSource] {
        let unlocked = try store.intake.keystore.unlock(Passphrase(StoreFixture.passphrase))
        let secret = try store.intake.keystore.secretKey(forPeriod: period, unlocked: unlocked)
        var result: [Data: AnswerSource] = [:]
        for batch in try store.intake.data.batches(period: period) {
            result[batch.id] = try AnswerSource.open(batch, with: BatchOpener(period: period, periodSecret: secret,
                                                                             ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey))))
        }
        return result
    }

    /// One answer typed by HR, one answer and one decline given alone through invitations.
    static func mixedStore() throws -> StoreFixture {
        let store = try StoreFixture()
        let context = InvitationStoreTests.context, clerk = Actor(role: "hr", user: "clerk")
        let decline = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: context)
        _ = try store.intake.add(Repository.validator.validate(answers: InvitationStoreTests.answers, for: decline))
        let codes = try store.intake.issueInvitations([decline, decline], expiresOn: "2999-01-01", by: clerk)
        guard case .answered = try store.intake.redeem(codes[0], { .answers(try Repository.validator.validate(answers: InvitationStoreTests.answers, for: $0)) }),
              case .declined = try store.intake.redeem(codes[1], { _ in .decline }) else {
            throw CancellationError()
        }
        return store
    }

    @Test func hrEntryAndAnswersGivenAloneCarryTheirSourceSealedAlike() throws {
        let store = try Self.mixedStore()
        let sources = try Self.sources(store)
        #expect(sources.values.filter { $0 == .hr }.count == 1)
        #expect(sources.values.filter { $0 == .respondent }.count == 2)
        let sealed = try store.intake.data.batches(period: 2024).compactMap(\.sealedSource)
        #expect(sealed.count == 3)
        #expect(Set(sealed.map(\.count)).count == 1, "the ciphertext length tells the sources apart")
        // (The entry tally names `respondent` as who answered the week's invitations; the batches
        // must not say which rows.)
        for blob in sealed {
            for source in AnswerSource.allCases { #expect(blob.range(of: Data(source.sealedValue.utf8)) == nil) }
        }
    }

    @Test func aWithdrawalBatchHasNoSourceAndAnOldBatchCountsAsHRs() throws {
        let store = try StoreFixture()
        let receipt = try store.intake.add(store.entry())
        #expect(try store.intake.withdraw(receipt))
        #expect(try store.intake.data.batches(period: 2025).filter { $0.sealedSource == nil }.count == 1)
        try store.intake.data.database.write { db in try db.execute(sql: "UPDATE entry_batch SET sealed_source = NULL") }
        #expect(try Self.sources(store, period: 2025).values.allSatisfy { $0 == .hr })
    }

    @Test func aTamperedOrSwappedSealedSourceIsReportedNotTrusted() throws {
        let store = try Self.mixedStore()
        try store.intake.data.database.write { db in
            try db.execute(sql: "UPDATE entry_batch SET sealed_source = sealed_epoch")
        }
        #expect(throws: VaultError.self) { _ = try Self.sources(store) }
        let other = try Self.mixedStore()
        try other.intake.data.database.write { db in
            try db.execute(sql: "UPDATE entry_batch SET sealed_source = zeroblob(length(sealed_source))")
        }
        #expect(throws: VaultError.self) { _ = try Self.sources(other) }
    }
}
