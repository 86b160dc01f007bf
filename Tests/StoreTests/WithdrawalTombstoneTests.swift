import Foundation
import Forms
@testable import Store
import Testing
import TestSupport
import Vault

/// A withdrawal leaves a tombstone in the keystore: a keyed hash of the response id, never the id.
@Suite struct WithdrawalTombstoneTests {
    @Test func aWithdrawalRecordsAKeyedHashOfTheIdInTheKeystoreAndAPurgeDeletesIt() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let code = try store.intake.add(store.entry())
        var ids: [Data] = []
        try store.intake.data.forEachSealedResponse(period: 2025) { ids.append($0.id) }
        #expect(try store.intake.keystore.tombstones().isEmpty)
        #expect(try store.intake.withdraw(code))
        var kept: [Data] = []
        try store.intake.data.forEachSealedResponse(period: 2025) { kept.append($0.id) }
        let withdrawn = try #require(ids.first { !kept.contains($0) })
        let tombstones = try store.intake.keystore.tombstones()
        #expect(tombstones.count == 1)
        #expect(tombstones.first?.period == 2025)
        #expect(tombstones.first?.hash.count == WithdrawalTombstoneKey.tombstoneByteCount)
        #expect(tombstones.first?.hash != withdrawn)
        // The same id under another store's key gives another tombstone: only this keystore links them.
        let other = ReceiptKey.generate().withdrawalTombstoneKey()
        #expect(tombstones.first?.hash != Data(other.tombstone(try ResponseID(bytes: [UInt8](withdrawn)))))
        // A withdrawn code is unknown now and records nothing more.
        #expect(try store.intake.withdraw(code) == false)
        #expect(try store.intake.keystore.tombstones().count == 1)

        let keystoreFiles = RawBytes.databaseFiles(store.location.keystoreURL)
        for file in keystoreFiles {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.range(of: withdrawn) == nil, "the response id is in \(file.lastPathComponent)")
            #expect(bytes.range(of: Data(code.formatted.utf8)) == nil)
        }
        try store.intake.keystore.destroyPeriodKey(2024, day: "2030-01-01")
        #expect(try store.intake.keystore.tombstones().count == 1, "another period's purge keeps it")
        try store.intake.keystore.destroyPeriodKey(2025, day: "2031-01-01")
        #expect(try store.intake.keystore.tombstones().isEmpty)
        for file in RawBytes.databaseFiles(store.location.keystoreURL) {
            #expect(try Data(contentsOf: file).range(of: tombstones[0].hash) == nil, "the purged tombstone is left in \(file.lastPathComponent)")
        }
    }

    @Test func reapplyingDeletesTheResponsesWhoseTombstonesAreGivenAndCountsThem() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        _ = try store.intake.add(store.entry())
        var rows: [SealedResponse] = []
        try store.intake.data.forEachSealedResponse(period: 2025) { rows.append($0) }
        #expect(try store.intake.reapplyWithdrawals([], by: Actor(role: "admin", user: "anna")) == 0)
        let tombstone = try store.intake.tombstone(of: rows[0])
        #expect(try store.intake.reapplyWithdrawals([tombstone], by: Actor(role: "admin", user: "anna")) == 1)
        #expect(try store.intake.data.countsByPeriod()[2025]?.responses == 1)
        #expect(try store.intake.data.withdrawals(period: 2025).map(\.id) == [rows[0].id])
        #expect(try store.intake.reapplyWithdrawals([tombstone], by: Actor(role: "admin", user: "anna")) == 0, "nothing twice")
        let entries = try AuditLog.entries(store.intake.data).filter { $0.action == "withdrawals re-applied" }
        #expect(entries.map(\.detail) == ["responses=0", "responses=1", "responses=0"])
    }
}
