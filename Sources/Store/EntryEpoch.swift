import Foundation
internal import GRDB
import Vault

/// Which releases a row was entered between: the number of releases recorded before it.
///
/// A row with epoch *e* is counted by release *j* exactly when *e* ≤ *j* (and, for a withdrawn
/// response, *j* < its withdrawal epoch). Disclosure control needs this to protect late entries and
/// withdrawals against differencing of releases. The epoch is sealed with the batch's data key, so
/// only the report run reads it: a stolen file shows no order of entry.
public enum EntryEpoch {
    /// The field name the sealed epoch is bound to.
    static let fieldName = "entry_epoch"

    /// The epoch a row entered now gets, read inside the entry's transaction.
    static func current(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM release") ?? 0
    }

    /// The binding of a batch's sealed epoch: the batch id in the place of a response id.
    public static func binding(batchID: Data, period: Int) throws -> RecordBinding {
        RecordBinding(responseID: try ResponseID(bytes: [UInt8](batchID)), formID: "#entry-batch", formVersion: 0, period: period)
    }

    /// Opens a batch's sealed epoch; `0` for a batch from before epochs were kept.
    public static func open(_ batch: EntryBatchRecord, with opener: BatchOpener) throws -> Int {
        guard let sealed = batch.sealedEpoch else { return 0 }
        let values = try opener.openValues([UInt8](sealed), fieldNames: [fieldName],
                                           binding: binding(batchID: batch.id, period: batch.period))
        guard let epoch = Int(values[0]), epoch >= 0 else { throw VaultError.malformed(what: "entry epoch of a batch") }
        return epoch
    }
}

extension EntryBatchRecord {
    /// Inserts the record of `batch` with its entry epoch and answer source sealed, inside the
    /// entry's transaction. `source` is `nil` only for a batch without rows (a withdrawal's).
    static func insert(_ batch: EntryBatch, id: Data, remaining: Int, source: AnswerSource?, in db: Database) throws {
        let sealed = try batch.seal(values: [String(try EntryEpoch.current(db))], fieldNames: [EntryEpoch.fieldName],
                                    binding: EntryEpoch.binding(batchID: id, period: batch.period))
        let sealedSource = try source.map {
            Data(try batch.seal(values: [$0.sealedValue], fieldNames: [AnswerSource.fieldName], binding: AnswerSource.binding(batchID: id, period: batch.period)))
        }
        try EntryBatchRecord(id: id, period: batch.period, ephemeralPublicKey: Data(batch.ephemeralPublicKey.bytes),
                             remaining: remaining, sealedEpoch: Data(sealed), sealedSource: sealedSource).insert(db)
    }
}

/// What is left of a withdrawn response: its context fields, still sealed, and when it was withdrawn.
///
/// The answers are deleted at once. The context (unit, month, career group, employment; no answer)
/// stays sealed until its period is purged, because releases made while the response was counted
/// remain published: disclosure control must model the withdrawn person as the reader does, who may
/// know who withdrew, to keep their answer out of later releases. `withdrawalBatchID` names a batch
/// whose sealed epoch is the withdrawal's.
public struct Withdrawal: Codable, StoredRecord, Sendable {
    static let table = "withdrawal"
    public var id: Data
    public var period: Int
    public var batchID: Data
    public var formID: String
    public var formVersion: Int
    /// The response's sealed record cut after its context fields (``Vault/RecordSealer`` layout).
    public var sealedContext: Data
    public var withdrawalBatchID: Data

    enum CodingKeys: String, CodingKey {
        case id, period, batchID = "batch_id", formID = "form_id", formVersion = "form_version"
        case sealedContext = "sealed_context", withdrawalBatchID = "withdrawal_batch_id"
    }
}

extension DataStore {
    /// The withdrawals of a period.
    public func withdrawals(period: Int) throws -> [Withdrawal] {
        try database.read { try Withdrawal.filter(Column("period") == period).fetchAll($0) }
    }

    /// The epoch of every release, by hiring year it covered: which releases counted a year's rows.
    public func releaseEpochs() throws -> [(epoch: Int, periods: [Int])] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT epoch, periods FROM release ORDER BY epoch").map { row in
                (row[0], (row[1] as String).split(separator: ",").compactMap { Int($0) })
            }
        }
    }

    /// The epoch the next release gets.
    public func nextEpoch() throws -> Int { try database.read(EntryEpoch.current) }
}
