import Foundation
import GRDB
import Testing
import TestSupport
@testable import Retention
@testable import Store
import Vault

@Suite struct PurgeTests {
    @Test func aPurgeCryptoShredsEvenACopyTakenBefore() throws {
        let fixture = try RetentionFixture(hires: 600)
        let backup = try temporaryDirectory("backup")
        try FileManager.default.copyItem(at: fixture.location.dataURL, to: backup.appendingPathComponent("vielfalt.sqlite"))
        let sealedBefore = try #require(try fixture.keystore.periodKeys().first { $0.period == 2020 }?.sealedSecret)
        #expect(try fixture.openResponses(period: 2020, dataURL: backup.appendingPathComponent("vielfalt.sqlite")) > 0)

        let outcome = try fixture.purge(asOf: "2026-01-01", today: "2026-11-25")
        #expect(outcome.steps.map(\.period) == [2020])
        #expect(outcome.steps.first?.destroysKey == true)

        #expect(throws: StoreError.periodDestroyed(period: 2020)) {
            try fixture.openResponses(period: 2020, dataURL: backup.appendingPathComponent("vielfalt.sqlite"))
        }
        #expect(try fixture.openResponses(period: 2021, dataURL: backup.appendingPathComponent("vielfalt.sqlite")) > 0)
        #expect(try fixture.openResponses(period: 2021, dataURL: fixture.location.dataURL) > 0)
        #expect(try fixture.data.countsByPeriod()[2020] == nil)
        // Not even the sealed form of the destroyed key is left in the keystore's files.
        #expect(try Self.contains(RawBytes.databaseFiles(fixture.location.keystoreURL), sealedBefore) == false)
    }

    /// The backup made without asking: a copy of the whole data directory. It holds no key, so
    /// nothing in it opens, and a period purged afterwards stays shut even with today's keystore.
    @Test func aCopyOfTheDataDirectoryCarriesNoKey() throws {
        let fixture = try RetentionFixture(hires: 300)
        #expect(fixture.location.keysApart)
        let copy = try temporaryDirectory("copy").appendingPathComponent("data")
        try FileManager.default.copyItem(at: fixture.location.directory, to: copy)
        let copied = try FileManager.default.contentsOfDirectory(atPath: copy.path)
        #expect(!copied.contains { $0.hasPrefix("keystore") }, "copied: \(copied)")
        #expect(throws: StoreError.self) { _ = try Keystore.open(StoreLocation(directory: copy)) }
        _ = try fixture.purge(asOf: "2026-01-01", today: "2026-11-25")
        #expect(throws: StoreError.periodDestroyed(period: 2020)) {
            try fixture.openResponses(period: 2020, dataURL: copy.appendingPathComponent("vielfalt.sqlite"))
        }
        #expect(try fixture.audit(asOf: "2026-01-01").findings.allSatisfy { !$0.text.en.contains("keystore lies inside") })
    }

    /// A store made before keys lived apart still opens, and the audit says what to do about it.
    @Test func aKeystoreInsideTheDataDirectoryIsFlagged() throws {
        let directory = try temporaryDirectory("legacy").appendingPathComponent("data")
        let legacy = StoreLocation(directory: directory, keys: directory)
        try legacy.initialise(passphrase: Passphrase("ein langer Satz als Passphrase"), strength: .interactive)
        let reopened = StoreLocation(directory: directory)
        #expect(reopened.keysDirectory == directory && !reopened.keysApart)
        let audit = try RetentionAudit.run(.init(data: try DataStore.open(reopened), keystore: try Keystore.open(reopened),
                                                 policy: RetentionFixture.policyFile, record: RetentionFixture.recordFile,
                                                 disclosurePolicy: [], asOf: "2026-11-25"))
        #expect(audit.findings.contains { $0.severity == "warning" && $0.text.en.hasPrefix("the keystore lies inside the data directory") })
    }

    static func contains(_ files: [URL], _ needle: Data) throws -> Bool {
        try files.contains { try Data(contentsOf: $0).range(of: needle) != nil }
    }

    @Test func aPurgeIsIdempotentAndCompletesAnInterruptedOne() throws {
        let fixture = try RetentionFixture(hires: 600)
        // Interrupted after the key was destroyed, before the rows were deleted.
        try fixture.keystore.destroyPeriodKey(2020, day: "2026-01-01")
        let audit = try fixture.audit(asOf: "2026-01-01")
        #expect(audit.findings.contains { $0.text.en.hasPrefix("period 2020: key destroyed but rows remain") })
        let outcome = try fixture.purge(asOf: "2026-01-01", today: "2026-11-25")
        #expect(outcome.steps == [Purge.Step(period: 2020, scope: "period", responses: audit.periods[0].responses,
                                             declines: audit.periods[0].declines, destroysKey: false)])
        #expect(try fixture.purge(asOf: "2026-01-01", today: "2026-11-25").steps == [])
        #expect(try fixture.audit(asOf: "2026-01-01").compliant)
    }

    @Test func aPeriodIsNeverPurgedEarly() throws {
        let fixture = try RetentionFixture(hires: 300)
        #expect(try fixture.purge(asOf: "2025-12-31", today: "2026-11-25").steps == [])
        #expect(try fixture.data.countsByPeriod()[2020] != nil)
        #expect(throws: Purge.Refusal.asOfInTheFuture(asOf: "2031-01-01", today: "2026-11-25")) {
            try fixture.purge(asOf: "2031-01-01", today: "2026-11-25")
        }
        #expect(throws: Purge.Refusal.malformedDay("2026-13-01")) { try fixture.purge(asOf: "2026-13-01", today: "2026-11-25") }
    }

    @Test func theClockMayNotRunBackwards() throws {
        let fixture = try RetentionFixture(hires: 300)
        _ = try fixture.purge(asOf: "2026-01-01", today: "2026-11-25")
        #expect(throws: Purge.Refusal.asOfBeforeLastPurge(asOf: "2025-06-01", lastPurge: "2026-01-01")) {
            try fixture.purge(asOf: "2025-06-01", today: "2026-11-25")
        }
    }

    @Test func anOldAuditLogIsPrunedAndStillVerifies() throws {
        let fixture = try RetentionFixture(hires: 100)
        let old = try #require(try AuditLog.verify(fixture.data).anchor)
        // Ten years after the fixture's day, its entries are due; the data is long gone by then.
        let outcome = try fixture.purge(asOf: "2036-11-21", today: "2036-11-25")
        #expect(outcome.prunedLogEntries > 0)
        let verification = try AuditLog.verify(fixture.data)
        #expect(verification.problem == nil)
        // An anchor in the pruned part cannot be checked: with its number it is passed over.
        #expect(try AuditLog.verify(fixture.data, anchors: [AuditAnchor(parsing: old)]).problem == nil)
        #expect(try AuditLog.entries(fixture.data).last?.action == "audit log pruned")
    }
}
