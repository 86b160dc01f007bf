import Foundation
@testable import Store
import Testing
import TestSupport
import Vault

/// Entry epochs say which releases counted a row; they must be right, sealed, and never skewed by a
/// row entered while a release was being counted.
@Suite struct EntryEpochTests {
    static func release(_ id: String, epoch: Int, counted: [Int: PeriodRevision], in store: StoreFixture) throws {
        let record = ReleaseRecord(id: id, day: "2026-11-20", role: "statistics", user: "t", report: "baseline",
                                   indicator: "migration_background", periods: "2025", definition: Data("{}".utf8),
                                   cells: Data("[]".utf8), cellCount: 0, suppressedCount: 0, revisions: Data("{}".utf8))
        try store.intake.data.recordRelease(record, counted: counted, epoch: epoch, actor: Actor(role: "statistics", user: "t"))
    }

    /// Opens the sealed epoch of every batch of 2025.
    static func epochs(_ store: StoreFixture) throws -> [Int] {
        let unlocked = try store.intake.keystore.unlock(Passphrase(StoreFixture.passphrase))
        let secret = try store.intake.keystore.secretKey(forPeriod: 2025, unlocked: unlocked)
        return try store.intake.data.batches(period: 2025).map { batch in
            try EntryEpoch.open(batch, with: BatchOpener(period: 2025, periodSecret: secret,
                                                         ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey))))
        }.sorted()
    }

    @Test func aRowEnteredAfterTwoReleasesCarriesEpochTwoSealed() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        try Self.release("R1", epoch: 0, counted: store.intake.data.revisions(), in: store)
        try Self.release("R2", epoch: 1, counted: store.intake.data.revisions(), in: store)
        _ = try store.intake.add(store.entry())
        #expect(try Self.epochs(store) == [0, 2])
        #expect(try store.intake.data.releases().map(\.epoch) == [0, 1])
        // Sealed: the plain epoch is nowhere in the batch rows.
        let sealed = try store.intake.data.batches(period: 2025).compactMap(\.sealedEpoch)
        #expect(sealed.count == 2 && sealed.allSatisfy { $0.count > 16 })
    }

    @Test func aReleaseCountedBeforeAnEntryOrAnotherReleaseIsNotRecorded() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let counted = try store.intake.data.revisions()
        _ = try store.intake.add(store.entry())
        #expect(throws: StoreError.changedWhileCounting) { try Self.release("R1", epoch: 0, counted: counted, in: store) }
        let now = try store.intake.data.revisions()
        try Self.release("R1", epoch: 0, counted: now, in: store)
        #expect(throws: StoreError.changedWhileCounting) { try Self.release("R2", epoch: 0, counted: now, in: store) }
        #expect(try store.intake.data.releases().count == 1)
    }

    @Test func aTamperedSealedEpochIsReportedNotTrusted() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        try store.intake.data.database.write { db in
            try db.execute(sql: "UPDATE entry_batch SET sealed_epoch = zeroblob(length(sealed_epoch))")
        }
        #expect(throws: VaultError.self) { _ = try Self.epochs(store) }
    }
}
