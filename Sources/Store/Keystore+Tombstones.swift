import Foundation
internal import GRDB
import Vault

/// A withdrawal as the keystore remembers it: the keyed hash of the withdrawn response's id
/// (``Vault/WithdrawalTombstoneKey``) and its period, so that it goes when the period is purged.
///
/// It lives in the keystore, not with the data: a data backup made before the withdrawal still
/// holds the response, and the tombstone, kept apart from that backup, is what deletes it again
/// after a restore (SDM 60). No day and no order is kept (a table keyed by random hashes).
public struct WithdrawalTombstone: Codable, StoredRecord, Sendable, Hashable {
    static let table = "withdrawal_tombstone"
    public let hash: Data
    public let period: Int

    public init(hash: Data, period: Int) {
        self.hash = hash
        self.period = period
    }

    static func migrate(_ db: Database) throws {
        try db.create(table: table, options: [.withoutRowID]) { t in
            t.primaryKey("hash", .blob)
            t.column("period", .integer).notNull()
        }
    }
}

extension Keystore {
    /// Records tombstones; one already recorded is kept as it is.
    public func recordTombstones(_ tombstones: [WithdrawalTombstone]) throws {
        guard !tombstones.isEmpty else { return }
        try database.write { db in
            for tombstone in tombstones { try Stored(tombstone).insert(db, onConflict: .ignore) }
        }
    }

    /// Removes a tombstone recorded for a withdrawal that did not happen after all.
    public func removeTombstone(_ tombstone: WithdrawalTombstone) throws {
        _ = try database.write { db in try tombstone.delete(db) }
    }

    /// Every tombstone held.
    public func tombstones() throws -> [WithdrawalTombstone] {
        try database.read { try WithdrawalTombstone.fetchAll($0) }
    }
}
