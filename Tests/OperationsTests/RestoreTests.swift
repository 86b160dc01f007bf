import Foundation
import Forms
import Operations
@testable import Store
import Testing
import TestSupport
import Vault

/// A restore brings nothing deleted back (SDM 60): withdrawals and purges made after the backups
/// are made again.
@Suite struct RestoreTests {
    static let dpo = Actor(role: "dpo", user: "dora"), statistics = Actor(role: "statistics", user: "erika")
    static let clerk = Actor(role: "hr", user: "clerk")
    static let raw = RawEntry(form: "migration-background", version: 1,
                              context: ["unit": "51", "hired": "2025-03", "career_group": "gehoben", "employment": "regular"],
                              answers: ["born_in_germany": "yes"])

    /// A store with one response entered by hand, its answers' ciphertext (what a withdrawal deletes)
    /// and its receipt code.
    struct Scenario {
        let installation: Installation
        let code: ReceiptCode
        let answers: Data
        let responses2025: Int

        init() throws {
            installation = try InstallationTests.open(hires: 120)
            let location = installation.directories.location
            func rows() throws -> [Data: Data] {
                var rows: [Data: Data] = [:]
                try DataStore.open(location).forEachSealedResponse(period: 2025) { rows[$0.id] = $0.sealed }
                return rows
            }
            let before = try rows()
            responses2025 = before.count
            code = try installation.enter(RestoreTests.raw, by: RestoreTests.clerk)
            let sealed = try #require(try rows().first { before[$0.key] == nil }?.value)
            answers = Data(sealed.dropFirst(RecordSealer.sealedSize(fieldCount: Repository.form.contextFieldNames.count)))
        }

        func directories(_ label: String) throws -> Installation.Directories {
            let target = try temporaryDirectory(label)
            return .init(data: target.appendingPathComponent("data"), keys: target.appendingPathComponent("keys"),
                         forms: Repository.formsDirectory, policy: Repository.policyDirectory)
        }

        /// Every file of both restored directories: what a thief of the restored machine gets.
        func files(_ directories: Installation.Directories) throws -> [URL] {
            try [directories.data, directories.location.keysDirectory].flatMap { directory in
                try FileManager.default.contentsOfDirectory(atPath: directory.path).map { directory.appendingPathComponent($0) }
            }
        }

        func holdsAnswers(_ files: [URL]) throws -> Bool {
            try files.contains { try Data(contentsOf: $0).range(of: answers) != nil }
        }
    }

    static var passphrase: Passphrase { try! Passphrase(DemoFixture.passphrase) }

    @Test func aKeystoreBackupNewerThanTheWithdrawalDeletesTheResponseAgainAndThePurgeStaysDone() throws {
        let scenario = try Scenario()
        let installation = scenario.installation
        let backups = try temporaryDirectory("backups")
        let dataBackup = backups.appendingPathComponent("data"), keystoreBackup = backups.appendingPathComponent("keys.vfkb")
        try installation.backupData(into: dataBackup, by: Self.dpo)
        #expect(try scenario.holdsAnswers([dataBackup.appendingPathComponent("vielfalt.sqlite")]), "the scan finds the answers in the backup")
        #expect(try installation.withdraw(scenario.code, by: Self.clerk))
        _ = try installation.purge(by: Self.dpo)
        let purged = try installation.audit(asOf: AuditDay.today()).keystore.periodKeysDestroyed
        #expect(purged.contains(2020))
        _ = try installation.backupKeystore(to: keystoreBackup, passphrase: Self.passphrase, by: Self.statistics)

        let directories = try scenario.directories("restored")
        let outcome = try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Self.passphrase,
                                               into: directories, by: Self.dpo)
        #expect(outcome.withdrawalsReapplied == 1)
        #expect(Set(outcome.purge.steps.filter { $0.scope == "period" }.map(\.period)) == Set(purged))
        let restored = try Installation.open(directories, passwordStrength: .minimum)
        #expect(try restored.countsByPeriod()[2025]?.responses == scenario.responses2025)
        for period in purged { #expect(try restored.countsByPeriod()[period] == nil) }
        #expect(try !scenario.holdsAnswers(try scenario.files(directories)), "the withdrawn answers are on disk after the restore")
        #expect(try restored.withdraw(scenario.code, by: Self.clerk) == false, "the receipt code is gone with the response")
        let entry = try #require(try restored.logEntries().last { $0.action == "withdrawals re-applied" })
        #expect(entry.detail == "responses=1")
        #expect(try restored.verifyLog(anchors: []).problem == nil)
    }

    @Test func theKeysDirectoryInUseBringsTheWithdrawalsMadeAfterTheKeystoreBackup() throws {
        let scenario = try Scenario()
        let installation = scenario.installation
        let backups = try temporaryDirectory("backups")
        let dataBackup = backups.appendingPathComponent("data"), keystoreBackup = backups.appendingPathComponent("keys.vfkb")
        try installation.backupData(into: dataBackup, by: Self.dpo)
        _ = try installation.purge(by: Self.dpo)
        // The keystore backup after the purge (an older one is refused), before the withdrawal.
        _ = try installation.backupKeystore(to: keystoreBackup, passphrase: Self.passphrase, by: Self.statistics)
        #expect(try installation.withdraw(scenario.code, by: Self.clerk))
        let live = installation.directories.location.keysDirectory

        // Without the keys directory in use the withdrawal is nowhere: the response comes back.
        let blind = try scenario.directories("blind")
        #expect(try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Self.passphrase,
                                         into: blind, by: Self.dpo).withdrawalsReapplied == 0)
        #expect(try Installation.open(blind, passwordStrength: .minimum).countsByPeriod()[2025]?.responses == scenario.responses2025 + 1)

        let directories = try scenario.directories("restored")
        let outcome = try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Self.passphrase,
                                               into: directories, liveKeys: live, by: Self.dpo)
        #expect(outcome.withdrawalsReapplied == 1)
        #expect(outcome.purge.steps.contains { $0.period == 2020 && $0.scope == "period" }, "the data backup still held the purged period")
        let restored = try Installation.open(directories, passwordStrength: .minimum)
        #expect(try restored.countsByPeriod()[2025]?.responses == scenario.responses2025)
        #expect(try restored.countsByPeriod()[2020] == nil)
        #expect(try !scenario.holdsAnswers(try scenario.files(directories)))
        // The restored keystore keeps the tombstone for the next restore, and none of a purged period.
        let tombstones = try Keystore.open(directories.location).tombstones()
        #expect(tombstones.map(\.period) == [2025])
    }

    @Test func aKeysDirectoryOfAnotherStoreOrNoneRestoresNothing() throws {
        let scenario = try Scenario()
        let backups = try temporaryDirectory("backups")
        let dataBackup = backups.appendingPathComponent("data"), keystoreBackup = backups.appendingPathComponent("keys.vfkb")
        try scenario.installation.backupData(into: dataBackup, by: Self.dpo)
        _ = try scenario.installation.backupKeystore(to: keystoreBackup, passphrase: Self.passphrase, by: Self.statistics)
        let other = try InstallationTests.open(hires: 10).directories.location.keysDirectory
        let directories = try scenario.directories("restored")
        #expect(throws: StoreError.keystoreMismatch) {
            _ = try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Self.passphrase,
                                         into: directories, liveKeys: other, by: Self.dpo)
        }
        #expect(!directories.location.exists)
        let missing = try temporaryDirectory("nothing")
        #expect { _ = try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Self.passphrase,
                                               into: directories, liveKeys: missing, by: Self.dpo) }
            throws: { error in
                let error = try #require(error as? InputError)
                return error.field == "live-keys" && error.file == missing.path && error.english.hasPrefix("no keystore.sqlite here")
                    && error.german.hasPrefix("Hier liegt keine keystore.sqlite")
            }
        #expect(!directories.location.exists)
        #expect(StoreError.keystoreMismatch.german.contains("Schlüsselspeicher"))
    }
}
