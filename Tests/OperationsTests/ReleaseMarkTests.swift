import Foundation
import Forms
import Operations
@testable import Store
import Testing
import TestSupport
import Vault

/// A restore must not forget a release readers hold (threat model 5): the keystore's release marks,
/// kept apart from the data, say which releases were made.
@Suite struct ReleaseMarkTests {
    static let dpo = RestoreTests.dpo, statistics = RestoreTests.statistics

    /// One release, backups of data and keystore, then a second release.
    struct Scenario {
        let base: RestoreTests.Scenario
        let first: String, second: String
        let dataBackup: URL, keystoreBackup: URL

        init() throws {
            base = try RestoreTests.Scenario()
            let installation = base.installation
            first = try Self.release(installation)
            let backups = try temporaryDirectory("backups")
            dataBackup = backups.appendingPathComponent("data")
            keystoreBackup = backups.appendingPathComponent("keys.vfkb")
            try installation.backupData(into: dataBackup, by: ReleaseMarkTests.dpo)
            _ = try installation.backupKeystore(to: keystoreBackup, passphrase: RestoreTests.passphrase, by: ReleaseMarkTests.statistics)
            second = try Self.release(installation)
        }

        static func release(_ installation: Installation) throws -> String {
            let definition = try installation.definition(.baseline, indicator: "migration_background", by: ["career_group"],
                                                         periods: .years(2025...2025))
            return try installation.release(definition, passphrase: RestoreTests.passphrase, by: ReleaseMarkTests.statistics).report.release
        }

        var liveFiles: [URL] {
            let location = base.installation.directories.location
            return RawBytes.databaseFiles(location.dataURL) + RawBytes.databaseFiles(location.keystoreURL)
        }
    }

    static func forgets(_ release: String, _ error: any Error, backup: URL) -> Bool {
        guard let error = error as? InputError else { return false }
        return error.file == backup.path && error.field == "from-data"
            && error.english.contains("lacks 1 release(s) made since (\(release))")
            && error.english.hasSuffix("restore a data backup taken after release \(release)")
            && error.german.contains("(\(release))") && error.german.contains("nach der Veröffentlichung \(release) angelegte Datensicherung")
    }

    @Test func everyReleaseIsMarkedInOrder() throws {
        let scenario = try Scenario()
        let marks = try Keystore.open(scenario.base.installation.directories.location).releaseMarks()
        #expect(marks.map(\.release) == [scenario.first, scenario.second] && marks.map(\.seq) == [1, 2])
        #expect(marks.map(\.digest) == (try scenario.base.installation.releases().map(\.digest)))
    }

    @Test func aBackupOlderThanTheLastReleaseIsRefusedWithTheKeysInUseBeforeAnythingIsWritten() throws {
        let scenario = try Scenario()
        let before = try RawBytes.fingerprint(scenario.liveFiles)
        let backupBefore = try RawBytes.fingerprint(RawBytes.databaseFiles(scenario.dataBackup.appendingPathComponent("vielfalt.sqlite")))
        let directories = try scenario.base.directories("refused")
        #expect { _ = try Installation.restore(data: scenario.dataBackup, keystore: scenario.keystoreBackup, passphrase: RestoreTests.passphrase,
                                               into: directories, liveKeys: scenario.base.installation.directories.location.keysDirectory, by: Self.dpo) }
            throws: { Self.forgets(scenario.second, $0, backup: scenario.dataBackup) }
        #expect(!FileManager.default.fileExists(atPath: directories.data.path))
        #expect(!FileManager.default.fileExists(atPath: directories.location.keysDirectory.path))
        #expect(try RawBytes.fingerprint(scenario.liveFiles) == before)
        #expect(try RawBytes.fingerprint(RawBytes.databaseFiles(scenario.dataBackup.appendingPathComponent("vielfalt.sqlite"))) == backupBefore)
    }

    @Test func aKeystoreBackupNewerThanTheLastReleaseRefusesTooAndLeavesNothing() throws {
        let scenario = try Scenario()
        let newer = try temporaryDirectory("newer").appendingPathComponent("keys.vfkb")
        _ = try scenario.base.installation.backupKeystore(to: newer, passphrase: RestoreTests.passphrase, by: Self.statistics)
        let directories = try scenario.base.directories("refused")
        #expect { _ = try Installation.restore(data: scenario.dataBackup, keystore: newer, passphrase: RestoreTests.passphrase,
                                               into: directories, by: Self.dpo) }
            throws: { Self.forgets(scenario.second, $0, backup: scenario.dataBackup) }
        #expect(!directories.location.exists)
    }

    @Test func withoutTheKeysInUseAnOlderKeystoreBackupCannotKnowAndTheRestoreSaysSo() throws {
        let scenario = try Scenario()
        let outcome = try Installation.restore(data: scenario.dataBackup, keystore: scenario.keystoreBackup, passphrase: RestoreTests.passphrase,
                                               into: try scenario.base.directories("blind"), by: Self.dpo)
        #expect(outcome.releasesUnchecked)
    }

    @Test func aBackupTakenAfterTheLastReleaseRestoresAndKeepsTheMarks() throws {
        let scenario = try Scenario()
        let installation = scenario.base.installation
        let later = try temporaryDirectory("later")
        try installation.backupData(into: later.appendingPathComponent("data"), by: Self.dpo)
        let directories = try scenario.base.directories("restored")
        let outcome = try Installation.restore(data: later.appendingPathComponent("data"), keystore: scenario.keystoreBackup,
                                               passphrase: RestoreTests.passphrase, into: directories,
                                               liveKeys: installation.directories.location.keysDirectory, by: Self.dpo)
        #expect(!outcome.releasesUnchecked)
        // The keystore backup knew the first release only; the marks of the keys in use came along.
        #expect(try Keystore.open(directories.location).releaseMarks().map(\.release) == [scenario.first, scenario.second])
        let restored = try Installation.open(directories, passwordStrength: .minimum)
        #expect(try restored.audit(asOf: AuditDay.today()).keystore.releasesMarked == 2)
    }

    @Test func theAuditFlagsALedgerRolledBackByHand() throws {
        let scenario = try Scenario()
        let directories = scenario.base.installation.directories
        let intact = try scenario.base.installation.audit(asOf: AuditDay.today())
        #expect(intact.keystore.releasesMarked == 2 && intact.keystore.latestReleaseMarked == scenario.second)
        #expect(!intact.findings.contains { $0.text.en.contains("release ledger lacks") })
        for file in RawBytes.databaseFiles(directories.location.dataURL) { try FileManager.default.removeItem(at: file) }
        try FileManager.default.copyItem(at: scenario.dataBackup.appendingPathComponent("vielfalt.sqlite"), to: directories.location.dataURL)
        let report = try Installation.open(directories, passwordStrength: .minimum).audit(asOf: AuditDay.today())
        let finding = try #require(report.findings.first { $0.text.en.contains("release ledger lacks") })
        #expect(finding.severity == "critical" && !report.compliant)
        #expect(finding.text.en.contains("lacks 1 of the 2 releases") && finding.text.en.contains("(\(scenario.second))"))
        #expect(finding.text.de.contains("(\(scenario.second))"))
    }

    @Test func theMarksHoldNoAnswerReceiptOrResponseID() throws {
        let scenario = try Scenario()
        let location = scenario.base.installation.directories.location
        var ids: [Data] = []
        try DataStore.open(location).forEachSealedResponse(period: 2025) { ids.append($0.id) }
        try #require(!ids.isEmpty)
        let keystore = RawBytes.databaseFiles(location.keystoreURL)
        let bytes = try keystore.map { try Data(contentsOf: $0) }
        #expect(!bytes.contains { $0.range(of: scenario.base.answers) != nil })
        #expect(!bytes.contains { blob in ids.contains { blob.range(of: $0) != nil } })
        #expect(try RawBytes.findings([scenario.base.code.formatted], in: keystore).isEmpty)
        // The canary: the scan does find what the marks do hold, so its silence above means something.
        #expect(!(try RawBytes.findings([scenario.second], in: keystore)).isEmpty)
        let published = try scenario.base.installation.releases().map(\.cells)
        #expect(!bytes.contains { blob in published.contains { blob.range(of: $0) != nil } })
    }
}
