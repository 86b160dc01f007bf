import Foundation
internal import GRDB

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

/// A sealed row as the report run reads it: ids, form and ciphertext, without record decoding.
public struct SealedRow: Sendable {
    public let id: Data
    public let batchID: Data
    public let formID: String
    public let formVersion: Int
    public let sealed: Data
}

extension DataStore {
    /// Which rows to stream.
    public enum SealedTable: String, Sendable { case response, decline }

    /// Streams the sealed rows of one period in chunks of `chunkSize`, in storage (random) order.
    public func forEachSealedChunk(_ table: SealedTable, period: Int, chunkSize: Int = 8192,
                                   _ body: ([SealedRow]) throws -> Void) throws {
        try database.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, batch_id, form_id, form_version, sealed FROM \(table.rawValue) WHERE period = ?",
                                             arguments: [period])
            var chunk: [SealedRow] = []
            chunk.reserveCapacity(chunkSize)
            while let row = try cursor.next() {
                chunk.append(SealedRow(id: row[0], batchID: row[1], formID: row[2], formVersion: row[3], sealed: row[4]))
                if chunk.count == chunkSize {
                    try body(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { try body(chunk) }
        }
    }
}
