import Foundation
import Forms
internal import GRDB
import Vault

extension Intake {
    /// What an import did.
    public struct ImportResult: Sendable, Equatable {
        public let stored: Int
        public let periods: [Int]
    }

    /// Imports a `.jsonl` or `.csv` file all or nothing.
    ///
    /// The whole file is read and validated first (on every core) and kept as ``Forms/CodedEntry``
    /// values; the first bad line in file order is reported with its number and field, and nothing is
    /// written, not even a new period key. Then every response is sealed (one entry batch per period,
    /// the next chunk sealing on the other cores while this one is inserted) in a single transaction.
    ///
    /// - Parameter onReceipt: when given, each response gets a receipt code, handed over with its
    ///   ordinal (1 for the file's first response) so that the codes can be handed out; when nil,
    ///   imported responses carry no receipt.
    public func importFile(_ url: URL, parser: EntryParser, onReceipt: ((Int, ReceiptCode) throws -> Void)? = nil,
                           enteredBy: Actor? = nil) throws -> ImportResult {
        var coded: [CodedEntry] = []
        let file = try EntryFile(url: url, parser: parser)
        let codes = self.codes
        let fastPath = EntryFastPath(codes: codes, validator: parser.validator)
        while let chunk = try file.nextChunk(maxLines: Self.chunkSize) {
            let decoder = file.decoder
            for result in ParallelMap.map(chunk, { try decoder.coded($0, codes: codes, fastPath: fastPath) }) {
                coded.append(try result.get())
            }
        }
        return try insertAll(coded, onReceipt: onReceipt, enteredBy: enteredBy ?? actor)
    }

    /// Stores already validated entries (the demo administration, tests) in one transaction.
    public func importEntries(_ entries: [Entry], onReceipt: ((Int, ReceiptCode) throws -> Void)? = nil) throws -> ImportResult {
        try insertAll(entries.map(codes.encode), onReceipt: onReceipt, enteredBy: actor)
    }

    static let chunkSize = 8192

    /// Seals and inserts validated entries in one transaction, one entry batch per period.
    private func insertAll(_ entries: [CodedEntry], onReceipt: ((Int, ReceiptCode) throws -> Void)?, enteredBy: Actor) throws -> ImportResult {
        let periods = Set(entries.map { Int($0.period) }).sorted()
        var batches: [Int: SealingBatch] = [:]
        for period in periods {
            batches[period] = SealingBatch(batch: try EntryBatch(period: period, periodKey: keystore.publicKey(forPeriod: period)),
                                           id: Data(ResponseID.random().bytes))
        }
        let sealingBatches = batches
        let withReceipts = onReceipt != nil
        var perPeriod: [Int: Int] = [:]
        for entry in entries { perPeriod[Int(entry.period), default: 0] += 1 }
        try data.auditedWrite(enteredBy, action: "responses imported", day: today()) { db in
            for (period, batch) in batches {
                try EntryBatchRecord.insert(batch.batch, id: batch.id, remaining: perPeriod[period]!, source: .hr, in: db)
            }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO response (id, period, batch_id, form_id, form_version, receipt_hash, sealed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            var receipts: [(Int, ReceiptCode)] = []
            func store(_ rows: [Result<(SealedResponse, ReceiptCode?, Int), Error>]) throws {
                for row in rows {
                    let (response, code, ordinal) = try row.get()
                    try insert.execute(arguments: [response.id, response.period, response.batchID, response.formID,
                                                   response.formVersion, response.receiptHash, response.sealed])
                    if let code { receipts.append((ordinal, code)) }
                }
            }
            // Sealing the next chunk runs on the other cores while this thread inserts the last one.
            let plan = Self.insertionPlan(entries)
            var pending: BackgroundMap<(SealedResponse, ReceiptCode?, Int)>?
            for start in stride(from: 0, to: plan.count, by: Self.chunkSize) {
                let chunk = Array(plan[start..<min(start + Self.chunkSize, plan.count)])
                let next = BackgroundMap(chunk) { step -> (SealedResponse, ReceiptCode?, Int) in
                    let entry = entries[step.index]
                    let code = withReceipts ? ReceiptCode.generate() : nil
                    let batch = sealingBatches[Int(entry.period)]!
                    return (try self.seal(entry, in: batch.batch, batchID: batch.id, receipt: code, id: step.id), code, step.index + 1)
                }
                if let previous = pending { try store(previous.wait()) }
                pending = next
            }
            if let previous = pending { try store(previous.wait()) }
            if let onReceipt {
                for (ordinal, code) in receipts.sorted(by: { $0.0 < $1.0 }) { try onReceipt(ordinal, code) }
            }
            for (period, count) in perPeriod { try PeriodRevision.record(period: period, added: count, in: db) }
            return ((), [("responses", String(entries.count))] + periods.map { ("period \($0)", String(perPeriod[$0]!)) })
        }
        return ImportResult(stored: entries.count, periods: periods)
    }
}

extension Intake {
    /// Which entry gets which id, in insertion order.
    struct InsertionStep: Sendable {
        let index: Int
        let id: ResponseID
    }

    /// Inserting in key order appends to the B-tree instead of touching random pages, several times
    /// faster. The ids stay random and the rows' order says nothing about the file's: the entries are
    /// shuffled first, and the sorted fresh ids are dealt out in that shuffled order, per period.
    static func insertionPlan(_ entries: [CodedEntry]) -> [InsertionStep] {
        var generator = BufferedSystemRandom()
        var byPeriod: [UInt16: [Int]] = [:]
        for index in Array(entries.indices).shuffled(using: &generator) { byPeriod[entries[index].period, default: []].append(index) }
        var plan: [InsertionStep] = []
        plan.reserveCapacity(entries.count)
        for period in byPeriod.keys.sorted() {
            let indices = byPeriod[period]!
            let ids = ResponseID.randomAscending(count: indices.count)
            plan += zip(indices, ids).map { InsertionStep(index: $0, id: $1) }
        }
        return plan
    }
}

/// A period's entry batch during an import, shared read-only by the sealing workers.
struct SealingBatch: Sendable {
    let batch: EntryBatch
    let id: Data
}
