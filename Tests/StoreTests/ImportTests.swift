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
