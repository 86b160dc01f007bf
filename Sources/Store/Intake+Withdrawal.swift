import Foundation
internal import GRDB
import Vault

extension Intake {
    /// Deletes the answers of the response the code belongs to and keeps its sealed context as a
    /// ``Withdrawal``. Returns false when no response has this code (never issued, already withdrawn,
    /// or purged with its period). `by` is who typed the code: the respondent (no sign-in), or the
    /// signed-in clerk or command-line user who did it for them.
    ///
    /// The withdrawal's tombstone goes into the keystore first, so that no withdrawal ever happens
    /// without one: a restored data backup made before it deletes the response again. Should the
    /// deletion fail, the tombstone is taken back.
    public func withdraw(_ code: ReceiptCode, by withdrawer: Actor = Actor(role: "respondent", user: "-")) throws -> Bool {
        let hash = Data(code.hash(with: receiptKey))
        // An unknown code writes nothing, not even to the audit log: a failed guess leaves no trace to mine.
        guard let found = try data.database.read({ try SealedResponse.filter(Column("receipt_hash") == hash).fetchOne($0) }) else {
            return false
        }
        let tombstone = try tombstone(of: found)
        try keystore.recordTombstones([tombstone])
        defer { try? data.database.truncateLog() }
        do {
            return try data.auditedWrite(withdrawer, action: "response withdrawn", day: today()) { db in
                guard let response = try SealedResponse.filter(Column("receipt_hash") == hash).fetchOne(db) else {
                    return (false, [("responses", "0")])
                }
                try withdraw(response, in: db)
                return (true, [("responses", "1"), ("period", String(response.period))])
            }
        } catch {
            if try data.database.read({ try Self.response(period: found.period, id: found.id, in: $0) }) != nil {
                try? keystore.removeTombstone(tombstone)
            }
            throw error
        }
    }

    /// Withdraws again every response whose tombstone is among `tombstones`: after a data backup
    /// made before those withdrawals was restored. One audited transaction whose entry carries only
    /// the count; then the WAL is truncated. Returns the number of responses withdrawn again.
    public func reapplyWithdrawals(_ tombstones: [WithdrawalTombstone], by actor: Actor) throws -> Int {
        let wanted = Set(tombstones.map(\.hash))
        let rows = try data.database.read { db in
            try Row.fetchAll(db, sql: "SELECT period, id FROM response").map { (period: $0["period"] as Int, id: $0["id"] as Data) }
        }
        let matched = try rows.filter { wanted.contains(Data(tombstoneKey.tombstone(try ResponseID(bytes: [UInt8]($0.id))))) }
        defer { try? data.database.truncateLog() }
        return try data.auditedWrite(actor, action: "withdrawals re-applied", day: today()) { db in
            var count = 0
            for row in matched {
                guard let response = try Self.response(period: row.period, id: row.id, in: db) else { continue }
                try withdraw(response, in: db)
                count += 1
            }
            return (count, [("responses", String(count))])
        }
    }

    private static func response(period: Int, id: Data, in db: Database) throws -> SealedResponse? {
        try SealedResponse.filter(Column("period") == period && Column("id") == id).fetchOne(db)
    }

    /// The tombstone of a response, for the keystore.
    func tombstone(of response: SealedResponse) throws -> WithdrawalTombstone {
        WithdrawalTombstone(hash: Data(tombstoneKey.tombstone(try ResponseID(bytes: [UInt8](response.id)))), period: response.period)
    }

    /// Deletes the response's answers and keeps what disclosure control needs of it.
    private func withdraw(_ response: SealedResponse, in db: Database) throws {
        try response.delete(db)
        try withdrawal(of: response, in: db).insert(db)
        try PeriodRevision.record(period: response.period, removed: 1, in: db)
    }

    /// What is left of `response`: its context fields cut from the sealed record, and a batch of its
    /// own whose sealed epoch says when it was withdrawn.
    private func withdrawal(of response: SealedResponse, in db: Database) throws -> Withdrawal {
        guard let contextCount = codes.codebook(id: response.formID, version: response.formVersion)?.contextFields.count else {
            throw VaultError.malformed(what: "a response of unknown form \(response.formID) version \(response.formVersion)")
        }
        let batch = try EntryBatch(period: response.period, periodKey: keystore.publicKey(forPeriod: response.period))
        let batchID = Data(ResponseID.random().bytes)
        try EntryBatchRecord.insert(batch, id: batchID, remaining: 0, source: nil, in: db)
        return Withdrawal(id: response.id, period: response.period, batchID: response.batchID, formID: response.formID,
                          formVersion: response.formVersion,
                          sealedContext: response.sealed.prefix(RecordSealer.sealedSize(fieldCount: contextCount)),
                          withdrawalBatchID: batchID)
    }
}
