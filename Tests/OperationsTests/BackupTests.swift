import Foundation
import Forms
import Operations
@testable import Store
import Testing
import TestSupport
import Vault

/// Backups that respect purges: the data without keys, the keystore sealed and tracked.
@Suite struct BackupTests {
    static let dpo = Actor(role: "dpo", user: "dora"), statistics = Actor(role: "statistics", user: "erika")

    @Test func theDataBackupIsAConsistentCopyWithoutAnyKey() throws {
        let installation = try InstallationTests.open(hires: 120)
        _ = try InstallationTests.baselineRequest(installation)
        let out = try temporaryDirectory("backup").appendingPathComponent("copy")
        try installation.backupData(into: out, by: Self.dpo)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["users.sqlite", "vielfalt.sqlite"])
        for file in files {
            let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(file).path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        let copy = try DataStore.open(StoreLocation(directory: out))
        #expect(try copy.countsByPeriod().mapValues { $0.responses } == installation.countsByPeriod().mapValues { $0.responses })
        #expect(try UserStore.open(directory: out).requests.all().count == 1)
        #expect(try installation.logEntries().last?.action == "data backed up")
        // A second backup into the same place overwrites nothing.
        #expect(throws: StoreError.self) { try installation.backupData(into: out, by: Self.dpo) }
    }

    @Test func theKeystoreBackupIsSealedUnderThePassphrase() throws {
        let installation = try InstallationTests.open(hires: 60)
        let file = try temporaryDirectory("keys").appendingPathComponent("keystore.vfkb")
        #expect(throws: VaultError.wrongPassphrase) {
            _ = try installation.backupKeystore(to: file, passphrase: Passphrase("falsche Passphrase"), by: Self.statistics)
        }
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try installation.backupKeystore(to: file, passphrase: Passphrase(DemoFixture.passphrase), by: Self.statistics) == "K1")
        let sealed = [UInt8](try Data(contentsOf: file))
        #expect(Data(sealed).range(of: Data("SQLite format 3".utf8)) == nil)
        func opened(_ bytes: [UInt8], _ passphrase: String) throws -> [UInt8] {
            let target = try temporaryDirectory("opened").appendingPathComponent("keystore.sqlite")
            _ = FileManager.default.createFile(atPath: target.path, contents: nil)
            try PassphraseSealedFile.open(bytes, passphrase: Passphrase(passphrase), into: target)
            return [UInt8](try Data(contentsOf: target))
        }
        #expect(Array(try opened(sealed, DemoFixture.passphrase).prefix(15)) == Array("SQLite format 3".utf8))
        #expect(throws: VaultError.self) { _ = try opened(sealed, "falsche Passphrase") }
        var altered = sealed
        altered[altered.count - 1] ^= 1
        #expect(throws: VaultError.self) { _ = try opened(altered, DemoFixture.passphrase) }
        #expect(throws: VaultError.self) { _ = try opened(Array("not a backup".utf8), DemoFixture.passphrase) }
    }

    @Test func aKeystoreBackupOlderThanAPurgeIsCriticalUntilItsDestructionIsRecorded() throws {
        let installation = try InstallationTests.open(hires: 120)
        let file = try temporaryDirectory("keys").appendingPathComponent("keystore.vfkb")
        let id = try installation.backupKeystore(to: file, passphrase: Passphrase(DemoFixture.passphrase), by: Self.statistics)
        func flagged() throws -> Bool {
            try installation.audit(asOf: AuditDay.today()).findings.contains { $0.severity == "critical" && $0.text.en.hasPrefix("keystore backup \(id)") }
        }
        #expect(try !flagged())
        _ = try installation.purge(asOf: "2026-01-01", by: Self.dpo)
        #expect(try flagged())
        let logged = try installation.logEntries().count
        #expect(throws: InputError.self) { try installation.recordKeystoreBackupDestroyed("K9", by: Self.dpo) }
        #expect(try installation.logEntries().count == logged)
        try installation.recordKeystoreBackupDestroyed(id, by: Self.dpo)
        #expect(try !flagged())
        #expect(try installation.keystoreBackups().map(\.destroyedOn) == [AuditDay.today()])
        #expect(throws: InputError.self) { try installation.recordKeystoreBackupDestroyed(id, by: Self.dpo) }
    }

    /// The README's restore drill: an older data backup with today's keystore; the next purge
    /// deletes again what was purged since the backup.
    @Test func theRestoreDrillDeletesAgainWhatWasPurgedSince() throws {
        let installation = try InstallationTests.open(hires: 120)
        let backup = try temporaryDirectory("backup").appendingPathComponent("night")
        try installation.backupData(into: backup, by: Self.dpo)
        _ = try installation.purge(asOf: "2026-01-01", by: Self.dpo)
        #expect(try installation.countsByPeriod()[2020] == nil)

        let restored = try temporaryDirectory("restored")
        let data = restored.appendingPathComponent("data"), keys = restored.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        for file in ["vielfalt.sqlite", "users.sqlite"] {
            try FileManager.default.copyItem(at: backup.appendingPathComponent(file), to: data.appendingPathComponent(file))
        }
        let current = installation.directories.location.keystoreURL
        try FileManager.default.copyItem(at: current, to: keys.appendingPathComponent("keystore.sqlite"))
        let again = try Installation.open(.init(data: data, keys: keys, forms: Repository.formsDirectory, policy: Repository.policyDirectory),
                                          passwordStrength: .minimum)
        #expect(try again.countsByPeriod()[2020] != nil, "the backup brought the purged period's rows back")
        #expect(try again.purgePlan(asOf: "2026-01-01").map(\.period).contains(2020))
        _ = try again.purge(asOf: "2026-01-01", by: Self.dpo)
        #expect(try again.countsByPeriod()[2020] == nil)
    }

    /// `vielfalt restore`: both backups into new directories; what was purged since is purged again,
    /// the keys the old keystore backup held for it destroyed, and the log says so.
    @Test func aRestoreBringsNothingPurgedBack() throws {
        let installation = try InstallationTests.open(hires: 120)
        let backups = try temporaryDirectory("backups")
        let dataBackup = backups.appendingPathComponent("data"), keystoreBackup = backups.appendingPathComponent("keys.vfkb")
        try installation.backupData(into: dataBackup, by: Self.dpo)
        _ = try installation.backupKeystore(to: keystoreBackup, passphrase: Passphrase(DemoFixture.passphrase), by: Self.statistics)
        _ = try installation.purge(asOf: AuditDay.today(), by: Self.dpo)
        let purged = try installation.audit(asOf: AuditDay.today()).keystore.periodKeysDestroyed
        #expect(!purged.isEmpty)

        let target = try temporaryDirectory("restored")
        let directories = Installation.Directories(data: target.appendingPathComponent("data"), keys: target.appendingPathComponent("keys"),
                                                   forms: Repository.formsDirectory, policy: Repository.policyDirectory)
        #expect(throws: VaultError.self) {
            _ = try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Passphrase("falsche Passphrase"),
                                         into: directories, by: Self.dpo)
        }
        #expect(!directories.location.exists)
        let outcome = try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Passphrase(DemoFixture.passphrase),
                                               into: directories, by: Self.dpo)
        #expect(Set(outcome.purge.steps.filter { $0.scope == "period" }.map(\.period)) == Set(purged))
        let restored = try Installation.open(directories, passwordStrength: .minimum)
        let audit = try restored.audit(asOf: AuditDay.today())
        #expect(Set(audit.keystore.periodKeysDestroyed) == Set(purged))
        for period in purged { #expect(try restored.countsByPeriod()[period] == nil) }
        #expect(try restored.logEntries().contains { $0.action == "store restored" })
        #expect(throws: StoreError.self) {
            _ = try Installation.restore(data: dataBackup, keystore: keystoreBackup, passphrase: Passphrase(DemoFixture.passphrase),
                                         into: directories, by: Self.dpo)
        }
    }
}
