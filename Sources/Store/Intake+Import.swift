import Foundation
import Forms
import GRDB
import Vault

extension Intake {
    /// What an import did.
    public struct ImportResult: Sendable, Equatable {
        public let stored: Int
        public let periods: [Int]
    }

    /// Imports a `.jsonl` or `.csv` file all or nothing.
    ///
    /// The whole file is validated first; the first bad line is reported with its number and field,
    /// and nothing is written. Then every response is sealed (one entry batch per period, sealing
    /// spread over all cores) and inserted in a single transaction.
    ///
    /// - Parameter onReceipt: when given, each response gets a receipt code, handed over with the
    ///   ordinal (1 for the file's first response) so that the codes can be handed out; when nil, imported responses
    ///   carry no receipt (for paper questionnaires withdrawn by other means).
    public func importFile(_ url: URL, parser: EntryParser,
                           onReceipt: ((Int, ReceiptCode) throws -> Void)? = nil) throws -> ImportResult {
        var periods = Set<Int>()
        var count = 0
        try parser.forEachEntry(in: url) { entry in
            periods.insert(entry.period)
            count += 1
        }
        try insertAll(periods: periods, onReceipt: onReceipt) { body in try parser.forEachEntry(in: url, body) }
        return ImportResult(stored: count, periods: periods.sorted())
    }

    /// Stores already validated entries (the demo administration, tests) in one transaction.
    public func importEntries(_ entries: [Entry], onReceipt: ((Int, ReceiptCode) throws -> Void)? = nil) throws -> ImportResult {
        let periods = Set(entries.map(\.period))
        try insertAll(periods: periods, onReceipt: onReceipt) { body in try entries.forEach(body) }
        return ImportResult(stored: entries.count, periods: periods.sorted())
    }

    /// Seals and inserts every entry `produce` yields, in one transaction, one batch per period.
    private func insertAll(periods: Set<Int>, onReceipt: ((Int, ReceiptCode) throws -> Void)?,
                           produce: ((Entry) throws -> Void) throws -> Void) throws {
        var batches: [Int: (batch: EntryBatch, id: Data)] = [:]
        for period in periods.sorted() {
            batches[period] = (try EntryBatch(period: period, periodKey: keystore.publicKey(forPeriod: period)),
                               Data(ResponseID.random().bytes))
        }
        try data.database.write { db in
            for (period, batch) in batches {
                try EntryBatchRecord(id: batch.id, period: period, ephemeralPublicKey: Data(batch.batch.ephemeralPublicKey.bytes)).insert(db)
            }
            var chunk: [Entry] = []
            chunk.reserveCapacity(Self.chunkSize)
            var ordinal = 0
            func flush() throws {
                let rows = try sealConcurrently(chunk, batches: batches, withReceipts: onReceipt != nil)
                for (offset, row) in rows.enumerated() {
                    try row.response.insert(db)
                    if let code = row.code { try onReceipt?(ordinal - chunk.count + offset + 1, code) }
                }
                chunk.removeAll(keepingCapacity: true)
            }
            try produce { entry in
                chunk.append(entry)
                ordinal += 1
                if chunk.count == Self.chunkSize { try flush() }
            }
            try flush()
        }
    }

    static let chunkSize = 4096

    private func sealConcurrently(_ entries: [Entry], batches: [Int: (batch: EntryBatch, id: Data)],
                                  withReceipts: Bool) throws -> [(response: SealedResponse, code: ReceiptCode?)] {
        let results = SealResults(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { worker in
            let workers = ProcessInfo.processInfo.activeProcessorCount
            for index in stride(from: worker, to: entries.count, by: workers) {
                let entry = entries[index]
                let batch = batches[entry.period]!
                let code = withReceipts ? ReceiptCode.generate() : nil
                results.set(index, Result { (try self.seal(entry, in: batch.batch, batchID: batch.id, receipt: code), code) })
            }
        }
        return try results.values.map { try $0!.get() }
    }
}

/// Results written by concurrent sealing workers, each to its own index.
private final class SealResults: @unchecked Sendable {
    private(set) var values: [Result<(response: SealedResponse, code: ReceiptCode?), Error>?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<(response: SealedResponse, code: ReceiptCode?), Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
