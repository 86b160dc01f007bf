import Foundation
import GRDB

extension DataStore {
    /// Streams the sealed responses of one period, one row at a time, in storage (random) order.
    ///
    /// Only the report run and the benchmark read ciphertext; memory stays flat in the number of rows.
    public func forEachSealedResponse(period: Int, _ body: (SealedResponse) throws -> Void) throws {
        try database.read { db in
            let cursor = try SealedResponse.filter(Column("period") == period).fetchCursor(db)
            while let response = try cursor.next() { try body(response) }
        }
    }

    /// The entry batches of a period: the ephemeral public keys to derive data keys from.
    public func batches(period: Int) throws -> [EntryBatchRecord] {
        try database.read { try EntryBatchRecord.filter(Column("period") == period).fetchAll($0) }
    }

    /// The periods that hold any responses or declines.
    public func periods() throws -> [Int] {
        try database.read { try Int.fetchAll($0, sql: "SELECT DISTINCT period FROM entry_batch ORDER BY period") }
    }
}
