import Foundation
import GRDB
import Testing
import TestSupport
@testable import Store
@testable import Vault

@Suite struct IntakeTests {
    @Test func aResponseRoundTripsOnlyThroughThePeriodSecret() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        #expect(try store.openAll(period: 2025) == [["51", "Q1", "gehoben", "regular",
                                                     "no", "not_german", "no_answer", "no_answer", "yes", "no_answer"]])
        // Another period's secret derives another batch key: the record does not open.
        _ = try store.intake.add(store.entry(Repository.exampleJSON.replacingOccurrences(of: "2025-03", with: "2024-03")))
        let unlocked = try store.intake.keystore.unlock(Passphrase(StoreFixture.passphrase))
        let wrongSecret = try store.intake.keystore.secretKey(forPeriod: 2024, unlocked: unlocked)
        let batch = try #require(try store.intake.data.batches(period: 2025).first)
        let opener = try BatchOpener(period: 2025, periodSecret: wrongSecret,
                                     ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey)))
        try store.intake.data.forEachSealedResponse(period: 2025) { row in
            let binding = RecordBinding(responseID: try ResponseID(bytes: [UInt8](row.id)), formID: row.formID,
                                        formVersion: row.formVersion, period: 2025)
            #expect(throws: VaultError.authenticationFailed(what: "field 'unit'")) {
                try opener.openValues([UInt8](row.sealed), fieldNames: Repository.form.sealedFieldNames, binding: binding)
            }
        }
    }

    @Test func noAnswerContextValueOrReceiptCodeAppearsInTheRawFiles() throws {
        let store = try StoreFixture()
        var codes: [String] = []
        let distinctive = Repository.exampleJSON
            .replacingOccurrences(of: #""born_in_germany":"no""#, with: #""born_in_germany":"no_answer""#)
            .replacingOccurrences(of: #""parent_a_immigrated":"yes""#, with: #""parent_a_german_by_birth":"unknown","parent_b_immigrated":"yes""#)
        for _ in 0..<50 {
            codes.append(try store.intake.add(store.entry(distinctive)).formatted)
            codes.append(try store.intake.add(store.entry(Repository.exampleJSON.replacingOccurrences(of: "gehoben", with: "hoeher")
                .replacingOccurrences(of: "regular", with: "trainee").replacingOccurrences(of: "not_german", with: "german_naturalised"))).formatted)
        }
        try store.intake.decline(Repository.validator.validateDecline(
            form: "migration-background", version: 1,
            context: ["unit": "37", "hired": "2025-07", "career_group": "einfach", "employment": "trainee"]))
        // Values shorter than four bytes ("no", "51", "Q1") are not scanned: a few hundred kilobytes of
        // ciphertext contain every two-byte string by chance. They take the same sealing path as these.
        let canaries = ["not_german", "german_naturalised", "no_answer", "unknown", "gehoben", "hoeher", "einfach",
                        "trainee", "regular", "Jugendamt", "2025-03", "2025-07",
                        "born_in_germany", "citizenship", "parent_a"]
            + codes + codes.map { $0.replacingOccurrences(of: "-", with: "") }
        #expect(store.databaseFiles.count >= 4, "the WAL files must be part of the scan")
        let found = try RawBytes.findings(canaries, in: store.databaseFiles)
        #expect(found == [], "\(found)")
    }

    @Test func swappingCiphertextsBetweenRecordsFailsAuthentication() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        _ = try store.intake.add(store.entry())
        try store.intake.data.database.write { db in
            let rows = try SealedResponse.fetchAll(db)
            try db.execute(sql: "UPDATE response SET sealed = ? WHERE id = ?", arguments: [rows[1].sealed, rows[0].id])
            try db.execute(sql: "UPDATE response SET sealed = ? WHERE id = ?", arguments: [rows[0].sealed, rows[1].id])
            try db.execute(sql: "UPDATE response SET batch_id = ? WHERE id = ?", arguments: [rows[1].batchID, rows[0].id])
            try db.execute(sql: "UPDATE response SET batch_id = ? WHERE id = ?", arguments: [rows[0].batchID, rows[1].id])
        }
        #expect(throws: VaultError.authenticationFailed(what: "field 'unit'")) { try store.openAll(period: 2025) }
    }

    @Test func wrongPassphraseIsClearAndChangesNothing() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let before = try RawBytes.fingerprint(store.databaseFiles)
        #expect(throws: VaultError.wrongPassphrase) { try store.intake.keystore.verify(Passphrase("falsch")) }
        #expect(try RawBytes.fingerprint(store.databaseFiles) == before)
    }

    @Test func withdrawalDeletesTheResponseAndAnUnknownCodeSaysSo() throws {
        let store = try StoreFixture()
        let keep = try store.intake.add(store.entry())
        let code = try store.intake.add(store.entry())
        #expect(try store.intake.withdraw(code) == true)
        #expect(try store.intake.withdraw(code) == false)
        #expect(try store.intake.withdraw(ReceiptCode.generate()) == false)
        #expect(try store.intake.data.countsByPeriod()[2025]?.responses == 1)
        #expect(try store.intake.withdraw(keep) == true)
        #expect(try store.intake.data.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM response") } == 0)
        // What stays until the period is purged: the sealed context fields, cut where the answers began.
        let withdrawals = try store.intake.data.withdrawals(period: 2025)
        #expect(withdrawals.count == 2)
        let contextFields = Repository.form.contextFieldNames.count
        #expect(withdrawals.allSatisfy { $0.sealedContext.count == RecordSealer.sealedSize(fieldCount: contextFields) })
        #expect(contextFields < Repository.form.sealedFieldNames.count)
        // A purge of the period takes the tombstones and every batch with them.
        try store.intake.data.deletePeriod(2025, declinesOnly: false, actor: Actor(role: "dpo", user: "t"), day: "2031-01-02")
        #expect(try store.intake.data.withdrawals(period: 2025).isEmpty)
        #expect(try store.intake.data.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM entry_batch") } == 0)
    }

    @Test func filesArePrivateAndInitRefusesToOverwrite() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        for file in store.databaseFiles {
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file.lastPathComponent)")
        }
        #expect(throws: StoreError.alreadyExists(path: store.location.directory.path)) {
            try store.location.initialise(passphrase: Passphrase("x"), strength: .interactive)
        }
    }

    @Test func aDeclineIsStoredSealedWithItsContextOnly() throws {
        let store = try StoreFixture()
        try store.intake.decline(Repository.validator.validateDecline(
            form: "migration-background", version: 1,
            context: ["unit": "51", "hired": "2024-02", "career_group": "mittel", "employment": "regular"]))
        let counts = try store.intake.data.countsByPeriod()
        #expect(counts[2024]?.declines == 1)
        #expect(counts[2024]?.responses == 0)
    }

    @Test func theSchemaHasNoTimestampsAndNoRowids() throws {
        let store = try StoreFixture()
        let sql = try store.intake.data.database.read { try String.fetchAll($0, sql: "SELECT sql FROM sqlite_master WHERE type = 'table'") }
            .joined(separator: "\n").lowercased()
        for word in ["time", "date", "created", "name", "personnel"] { #expect(!sql.contains(word), "\(word)") }
        for table in ["response", "decline", "entry_batch", "withdrawal", "invitation"] {
            #expect(sql.contains("create table \"\(table)\"") && sql.components(separatedBy: "without rowid").count == 6)
        }
    }
}

@Suite struct AuditHeadTests {
    /// Audited writes made from many threads at once (as the web application does) leave a head file
    /// that names the last entry, so verification finds the log intact. (Entries themselves are only
    /// tallied; their withdrawals are logged one by one.)
    @Test func concurrentWritesKeepTheHeadFileInStep() async throws {
        let store = try StoreFixture()
        let entry = try store.entry()
        let intake = store.intake
        let codes = try (0..<40).map { _ in try intake.add(entry) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for code in codes { group.addTask { _ = try intake.withdraw(code) } }
            try await group.waitForAll()
        }
        let verification = try AuditLog.verify(intake.data)
        #expect(verification.entries == 40)
        #expect(verification.problem == nil)
    }
}

/// A withdrawal reaches the disk at once, while the store stays open (as in the running web app).
@Suite struct WithdrawalOnDiskTests {
    @Test func theWithdrawnAnswersAreInNoFileWhileTheStoreStaysOpen() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let code = try store.intake.add(store.entry())
        var sealed: [Data] = []
        try store.intake.data.forEachSealedResponse(period: 2025) { sealed.append($0.sealed) }
        let contextSize = RecordSealer.sealedSize(fieldCount: Repository.form.contextFieldNames.count)
        // The answers' ciphertext: what the tombstone does not keep.
        let answers = sealed.map { Data($0.dropFirst(contextSize)) }
        func found() throws -> [Data] {
            let files = RawBytes.databaseFiles(store.location.dataURL)
            let bytes = try files.map { try Data(contentsOf: $0) }
            return answers.filter { answer in bytes.contains { $0.range(of: answer) != nil } }
        }
        #expect(try found().count == 2, "before: both responses are on disk (database or WAL)")
        #expect(try store.intake.withdraw(code))
        // The intake's connection is still open: nothing was closed to flush the WAL.
        #expect(try found().count == 1, "after: only the kept response's answers are on disk")
        #expect(try store.intake.data.countsByPeriod()[2025]?.responses == 1)
    }
}
