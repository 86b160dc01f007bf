import Foundation
import Testing
import TestSupport
@testable import Store
@testable import Forms
import Vault

@Suite struct ImportTests {
    func jsonl(_ lines: [String]) throws -> URL {
        try temporaryFile("import.jsonl", Array(lines.joined(separator: "\n").utf8))
    }

    @Test func anImportStoresEveryResponseAndHandsOutReceipts() throws {
        let store = try StoreFixture()
        let lines = (0..<10).map { i in Repository.exampleJSON.replacingOccurrences(of: "2025-03", with: "202\(i % 3 + 3)-0\(i % 9 + 1)") }
        var receipts: [Int: ReceiptCode] = [:]
        let result = try store.intake.importFile(try jsonl(lines), parser: Repository.parser) { receipts[$0] = $1 }
        #expect(result == Intake.ImportResult(stored: 10, periods: [2023, 2024, 2025]))
        #expect(receipts.keys.sorted() == Array(1...10))
        #expect(try store.openAll(period: 2024).count == 3)
        #expect(try store.intake.withdraw(receipts[5]!) == true)
    }

    @Test(arguments: [
        ("{\"form\":", "malformed JSON"),
        (Repository.exampleJSON.replacingOccurrences(of: "51", with: "99"), "unknown org unit"),
        (Repository.exampleJSON.replacingOccurrences(of: "not_german", with: "klingon"), "unknown answer code"),
    ])
    func aBadLastLineStoresNothing(_ badLine: String, _ words: String) throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let before = try RawBytes.fingerprint(store.databaseFiles)
        let lines = Array(repeating: Repository.exampleJSON, count: 5000) + [badLine]
        do {
            _ = try store.intake.importFile(try jsonl(lines), parser: Repository.parser)
            Issue.record("accepted a bad import")
        } catch let error as InputError {
            #expect(error.file == "import.jsonl")
            #expect(error.line == 5001)
            #expect(error.english.contains(words), "\(error)")
        }
        #expect(try RawBytes.fingerprint(store.databaseFiles) == before)
        #expect(try store.intake.data.countsByPeriod()[2025]?.responses == 1)
    }

    @Test func importedFilesWithoutReceiptsCarryNoReceiptHash() throws {
        let store = try StoreFixture()
        _ = try store.intake.importFile(try jsonl([Repository.exampleJSON]), parser: Repository.parser)
        let hashes = try store.intake.data.database.read { try SealedResponse.fetchAll($0).map(\.receiptHash) }
        #expect(hashes == [nil])
    }
}

@Suite struct InsertionPlanTests {
    /// Rows go in in key order, but neither their ids nor their order tell the file's order.
    @Test func theInsertionOrderIsKeyOrderAndUnrelatedToTheFileOrder() throws {
        let codes = EntryCodes(forms: [Repository.form], units: Repository.units)
        let entries = try (0..<2000).map { i in
            codes.encode(try Repository.parser.entry(json: Array(Repository.exampleJSON
                .replacingOccurrences(of: "2025-03", with: i % 2 == 0 ? "2025-03" : "2024-07").utf8)))
        }
        let plan = Intake.insertionPlan(entries)
        #expect(plan.map(\.index).sorted() == Array(0..<2000))
        // Key order: periods ascending, ids ascending within a period.
        for (a, b) in zip(plan, plan.dropFirst()) {
            let (pa, pb) = (entries[a.index].period, entries[b.index].period)
            #expect(pa < pb || (pa == pb && a.id.bytes.lexicographicallyPrecedes(b.id.bytes)))
        }
        // Within a period, the position in the plan is unrelated to the line in the file.
        let period2025 = plan.filter { entries[$0.index].period == 2025 }.map { Double($0.index) }
        let n = Double(period2025.count)
        let positions = (0..<period2025.count).map(Double.init)
        let mean = (positions.reduce(0, +) / n, period2025.reduce(0, +) / n)
        let covariance = zip(positions, period2025).reduce(0) { $0 + ($1.0 - mean.0) * ($1.1 - mean.1) }
        let spread = (positions.reduce(0) { $0 + pow($1 - mean.0, 2) }, period2025.reduce(0) { $0 + pow($1 - mean.1, 2) })
        let correlation = covariance / (spread.0 * spread.1).squareRoot()
        #expect(abs(correlation) < 0.15, "correlation \(correlation)")
    }
}
