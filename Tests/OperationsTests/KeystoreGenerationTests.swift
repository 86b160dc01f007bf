import Foundation
import Forms
import Operations
@testable import Store
import Testing
import TestSupport
import Vault

/// A purge starts a keystore generation: older keystore backups are critical until destroyed, a
/// restore refuses them, and the master key is replaced at the next unlock that may change the keystore.
@Suite struct KeystoreGenerationTests {
    static let dpo = Actor(role: "dpo", user: "dora"), statistics = Actor(role: "statistics", user: "erika")
    static var passphrase: Passphrase { try! Passphrase(DemoFixture.passphrase) }

    static func critical(_ installation: Installation, _ id: String) throws -> Bool {
        try installation.audit(asOf: AuditDay.today()).findings.contains { $0.severity == "critical" && $0.text.en.hasPrefix("keystore backup \(id) ") }
    }

    @Test func aPurgeStartsAGenerationAndTheNextKeystoreBackupReplacesTheMasterKey() throws {
        let installation = try InstallationTests.open(hires: 120)
        let location = installation.directories.location
        let keys = try temporaryDirectory("keys")
        let before = try installation.backupKeystore(to: keys.appendingPathComponent("before.vfkb"), passphrase: Self.passphrase, by: Self.statistics)
        // A backup of the same generation that holds no key the purge destroys: only its generation tells.
        let unrelated = try DataStore.open(location).recordKeystoreBackup(generation: 1, held: [], sealedFor: "passphrase", actor: Self.dpo,
                                                                           day: AuditDay.today())
        #expect(try !Self.critical(installation, before) && !Self.critical(installation, unrelated))
        let fingerprint = try Keystore.open(location).masterFingerprint()

        _ = try installation.purge(by: Self.dpo)
        let keystore = try Keystore.open(location)
        #expect(try keystore.generation() == 2 && keystore.purgeGeneration() == 2 && keystore.isRotationPending())
        #expect(try keystore.masterFingerprint() == fingerprint, "the purge has no passphrase to replace the master key")
        #expect(try installation.logEntries().contains { $0.action == "period purged" && $0.detail.hasSuffix("; generation=2") })
        #expect(try Self.critical(installation, before) && Self.critical(installation, unrelated))
        let text = try #require(try installation.audit(asOf: AuditDay.today()).findings.first { $0.text.en.hasPrefix("keystore backup \(unrelated) ") })
        #expect(text.text.en.contains("generation 1, older than the last purge (generation 2)"))
        #expect(text.text.de.contains("Generation 1 des Schlüsselspeichers, älter als der letzte Löschlauf (Generation 2)"))
        // The DPIA's SDM row for deletion after a restore is only partly in place meanwhile.
        let backups = try #require(try installation.dpia(asOf: AuditDay.today()).measures.first { $0.id == "60-backups" })
        #expect(backups.status == .partly && backups.evidence.en.contains("2 now still holding a purged key or older than the last purge"))

        // A wrong passphrase neither rotates nor backs up.
        #expect(throws: VaultError.wrongPassphrase) {
            _ = try installation.backupKeystore(to: keys.appendingPathComponent("wrong.vfkb"), passphrase: Passphrase("falsche Passphrase"), by: Self.statistics)
        }
        #expect(try keystore.isRotationPending() && keystore.masterFingerprint() == fingerprint)

        let after = try installation.backupKeystore(to: keys.appendingPathComponent("after.vfkb"), passphrase: Self.passphrase, by: Self.statistics)
        #expect(try keystore.generation() == 3 && !keystore.isRotationPending())
        #expect(try keystore.masterFingerprint() != fingerprint)
        #expect(try installation.keystoreBackups().first { $0.id == after }?.generation == 3)
        #expect(try installation.logEntries().contains { $0.action == "master key rotated" && $0.detail == "generation=3; after=purge" })
        #expect(try !Self.critical(installation, after))
        try installation.recordKeystoreBackupDestroyed(before, by: Self.dpo)
        try installation.recordKeystoreBackupDestroyed(unrelated, by: Self.dpo)
        #expect(try !Self.critical(installation, before) && !Self.critical(installation, unrelated))
        #expect(try installation.dpia(asOf: AuditDay.today()).measures.first { $0.id == "60-backups" }?.status == .inPlace)
        // A second backup rotates nothing more.
        _ = try installation.backupKeystore(to: keys.appendingPathComponent("again.vfkb"), passphrase: Self.passphrase, by: Self.statistics)
        #expect(try keystore.generation() == 3)
    }

    @Test func aReleaseAfterAPurgeReplacesTheMasterKey() throws {
        let installation = try InstallationTests.open()
        let location = installation.directories.location
        _ = try installation.purge(by: Self.dpo)
        let request = try InstallationTests.baselineRequest(installation)
        #expect(installation.releaseRequest(request.id, passphrase: try Passphrase("falsche-passphrase"), by: "statistics") == .wrongPassphrase)
        #expect(try Keystore.open(location).isRotationPending())
        #expect(installation.releaseRequest(request.id, passphrase: Self.passphrase, by: "statistics") == .released)
        #expect(try !Keystore.open(location).isRotationPending())
        #expect(try Keystore.open(location).generation() == 3)
        #expect(try installation.verifyKeystore(Self.passphrase).held.contains(2025))
    }

    @Test func aRestoreRefusesAKeystoreBackupOlderThanTheLastPurge() throws {
        let installation = try InstallationTests.open(hires: 120)
        let backups = try temporaryDirectory("backups")
        let old = backups.appendingPathComponent("old.vfkb"), new = backups.appendingPathComponent("new.vfkb")
        let oldData = backups.appendingPathComponent("old-data"), newData = backups.appendingPathComponent("new-data")
        try installation.backupData(into: oldData, by: Self.dpo)
        _ = try installation.backupKeystore(to: old, passphrase: Self.passphrase, by: Self.statistics)
        _ = try installation.purge(by: Self.dpo)
        try installation.backupData(into: newData, by: Self.dpo)
        _ = try installation.backupKeystore(to: new, passphrase: Self.passphrase, by: Self.statistics)
        func directories() throws -> Installation.Directories {
            let target = try temporaryDirectory("restored")
            return .init(data: target.appendingPathComponent("data"), keys: target.appendingPathComponent("keys"),
                         forms: Repository.formsDirectory, policy: Repository.policyDirectory)
        }
        // The data backup made after the purge knows of it.
        let refused = try directories()
        #expect { _ = try Installation.restore(data: newData, keystore: old, passphrase: Self.passphrase, into: refused, by: Self.dpo) }
            throws: { error in
                let error = try #require(error as? InputError)
                return error.field == "from-keystore" && error.english.contains("generation 1, older than the last purge (generation 2)")
                    && error.german.contains("Generation 1, älter als der letzte Löschlauf (Generation 2)")
            }
        #expect(!refused.location.exists)
        // A data backup made before it does not, but the keys in use do.
        let live = installation.directories.location.keysDirectory
        #expect(throws: InputError.self) {
            _ = try Installation.restore(data: oldData, keystore: old, passphrase: Self.passphrase, into: refused, liveKeys: live, by: Self.dpo)
        }
        #expect(!refused.location.exists)
        // A keystore backup made after the purge restores either data backup.
        _ = try Installation.restore(data: oldData, keystore: new, passphrase: Self.passphrase, into: try directories(), liveKeys: live, by: Self.dpo)
        let restored = try directories()
        _ = try Installation.restore(data: newData, keystore: new, passphrase: Self.passphrase, into: restored, by: Self.dpo)
        #expect(try Installation.open(restored, passwordStrength: .minimum).countsByPeriod()[2020] == nil)
    }
}
