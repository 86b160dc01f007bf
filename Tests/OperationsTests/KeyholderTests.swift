import Foundation
import Forms
import Operations
import Reports
import Store
import Testing
import TestSupport
import Vault

/// Two-person unlock through the installation, as both front ends call it: a report is released
/// with two keyholders and refused with one; a refusal names the holder and decrypts, releases and
/// records nothing but the log line.
@Suite struct KeyholderTests {
    static let passphrases = ["Anna Schulz": "Annas lange Passphrase", "Ben Okafor": "Bens lange Passphrase",
                              "Tresor DSB": "Passphrase im Tresor der DSB"]
    static let statistics = Actor(role: "statistics", user: "cli")

    static func holder(_ name: String, _ passphrase: String? = nil) throws -> HolderPassphrase {
        HolderPassphrase(name: try KeyholderName(name), passphrase: try Passphrase(passphrase ?? passphrases[name]!))
    }

    static func converted() throws -> Installation {
        let installation = try InstallationTests.open()
        try installation.setKeyholders(["Anna Schulz", "Ben Okafor", "Tresor DSB"].map { try holder($0) },
                                       unlock: .passphrase(Passphrase(DemoFixture.passphrase)), by: statistics)
        return installation
    }

    @Test func twoHoldersReleaseAReportAndOneHolderIsRefused() throws {
        let installation = try Self.converted()
        #expect(try installation.isHeldByKeyholders())
        #expect(try installation.keyholders().map(\.text) == ["Anna Schulz", "Ben Okafor", "Tresor DSB"])
        let set = try #require(try installation.logEntries().last { $0.action == "keystore keyholders set" })
        #expect(set.detail == "keyholders=Anna Schulz, Ben Okafor, Tresor DSB")
        for secret in Self.passphrases.values { #expect(!"\(try installation.logEntries())".contains(secret)) }
        let audit = try installation.audit(asOf: DemoFixture.day)
        #expect(audit.keystore.holders == .init(de: "Vier-Augen-Prinzip: je zwei der 3 Schlüsselhalter gemeinsam (Anna Schulz, Ben Okafor, Tresor DSB)",
                                                en: "two-person unlock: any two of the 3 keyholders together (Anna Schulz, Ben Okafor, Tresor DSB)"))
        #expect(audit.keystore.kdfMemLimitMiB == 64)
        #expect(audit.keystore.keyholders == ["Anna Schulz", "Ben Okafor", "Tresor DSB"])
        #expect(audit.measures.contains { $0.en.contains("only two of the keyholders Anna Schulz, Ben Okafor, Tresor DSB together unlock") })
        let keys = try #require(try installation.dpia(asOf: DemoFixture.day).risks.first { $0.id == "R3" })
        #expect(keys.protection.en.contains("two of the keyholders (Anna Schulz, Ben Okafor, Tresor DSB)") && keys.gap.de.contains("Zwei Schlüsselhalter"))
        for secret in Self.passphrases.values { #expect(!(try audit.json()).contains(secret) && !audit.markdown().contains(secret)) }

        let request = try InstallationTests.baselineRequest(installation)
        let refusals: [(KeystoreUnlock, RequestOutcome)] = [
            (.passphrase(try Passphrase(DemoFixture.passphrase)), .unlockRefused(.twoHoldersNeeded)),
            (.passphrase(try Passphrase(Self.passphrases["Anna Schulz"]!)), .unlockRefused(.twoHoldersNeeded)),
            (.holders(try Self.holder("Anna Schulz"), try Self.holder("Anna Schulz")), .unlockRefused(.sameHolderTwice(try KeyholderName("Anna Schulz")))),
            (.holders(try Self.holder("Anna Schulz"), try Self.holder("Carla", "irgendeine Passphrase")), .unlockRefused(.unknownHolder(position: 2))),
            (.holders(try Self.holder("Anna Schulz"), try Self.holder("Ben Okafor", "falsche Passphrase")),
             .unlockRefused(.wrongPassphrase(try KeyholderName("Ben Okafor"), position: 2))),
            (.holders(try Self.holder("Tresor DSB", "falsche Passphrase"), try Self.holder("Ben Okafor")),
             .unlockRefused(.wrongPassphrase(try KeyholderName("Tresor DSB"), position: 1))),
        ]
        for (unlock, expected) in refusals {
            #expect(installation.releaseRequest(request.id, unlock: unlock, by: "statistics") == expected)
        }
        #expect(try installation.request(request.id)?.status == .requested)
        #expect(try installation.releases().isEmpty)
        #expect(try installation.logEntries().filter { $0.action == "release passphrase wrong" }.count == 2)

        let both = KeystoreUnlock.holders(try Self.holder("Ben Okafor"), try Self.holder("Tresor DSB"))
        #expect(installation.releaseRequest(request.id, unlock: both, by: "statistics") == .released)
        #expect(try installation.releases().count == 1)
        let definition = try installation.definition(.baseline, indicator: "migration_background", by: ["career_group"], periods: .years(2025...2025))
        #expect(throws: KeyholderError.twoHoldersNeeded) {
            try installation.release(definition, passphrase: try Passphrase(DemoFixture.passphrase), by: Self.statistics)
        }
        let (report, _, _) = try installation.release(definition, unlock: .holders(try Self.holder("Anna Schulz"), try Self.holder("Ben Okafor")),
                                                      by: Self.statistics)
        #expect(report.periods == [2025])
        #expect(try installation.releases().count == 2)
    }

    @Test func passphraseChangeIsRefusedWithWhatToDoAndRotationNeedsTwo() throws {
        let installation = try Self.converted()
        let error = try #require(throws: InputError.self) {
            try installation.changePassphrase(current: Passphrase(DemoFixture.passphrase), new: Passphrase("eine neue lange Passphrase"),
                                              by: Self.statistics)
        }
        #expect(error.english.contains("vielfalt keystore passphrase --holder NAME") && error.german.contains("Schlüsselhalter"))
        let weak = try #require(throws: InputError.self) {
            try installation.changeKeyholderPassphrase(Self.holder("Tresor DSB"), new: Passphrase("kurz"), by: Self.statistics)
        }
        #expect(weak.field == "new-passphrase")
        try installation.changeKeyholderPassphrase(Self.holder("Tresor DSB"), new: Passphrase("die neue Passphrase im Tresor"), by: Self.statistics)
        #expect(try installation.logEntries().last.map { "\($0.action) \($0.detail)" } == "keyholder passphrase changed keyholder=Tresor DSB")
        #expect(throws: KeyholderError.twoHoldersNeeded) { try installation.rotateMasterKey(Passphrase(DemoFixture.passphrase), by: Self.statistics) }
        let rotated = try installation.rotateMasterKey(.holders(try Self.holder("Anna Schulz"), try Self.holder("Tresor DSB", "die neue Passphrase im Tresor")),
                                                       by: Self.statistics)
        #expect(rotated.generation == 2)
        #expect(try installation.verifyKeystore(.holders(try Self.holder("Ben Okafor"), try Self.holder("Anna Schulz"))).held.count == 6)
    }

    @Test func aKeystoreBackupForKeyholdersOpensWithTwoOfThemOnly() throws {
        let installation = try InstallationTests.open(hires: 120)
        let backups = try temporaryDirectory("backups")
        let before = backups.appendingPathComponent("before.vfkb"), after = backups.appendingPathComponent("after.vfkb")
        let dataBackup = backups.appendingPathComponent("data")
        #expect(try installation.backupKeystore(to: before, passphrase: Passphrase(DemoFixture.passphrase), by: Self.statistics) == "K1")
        try installation.setKeyholders(["Anna Schulz", "Ben Okafor", "Tresor DSB"].map { try Self.holder($0) },
                                       unlock: .passphrase(Passphrase(DemoFixture.passphrase)), by: Self.statistics)
        // The backup from before still opens with one passphrase: the audit says so until it is destroyed.
        let warned = { try installation.audit(asOf: DemoFixture.day).findings.filter { $0.severity == "warning" && $0.text.en.hasPrefix("keystore backup") } }
        #expect(try warned().map { String($0.text.en.prefix(19)) } == ["keystore backup K1 "])

        #expect(throws: KeyholderError.twoHoldersNeeded) { try installation.backupKeystore(to: after, passphrase: Passphrase(DemoFixture.passphrase), by: Self.statistics) }
        #expect(!FileManager.default.fileExists(atPath: after.path))
        let two = KeystoreUnlock.holders(try Self.holder("Ben Okafor"), try Self.holder("Anna Schulz"))
        #expect(try installation.backupKeystore(to: after, unlock: two, by: Self.statistics) == "K2")
        #expect(try installation.keystoreBackups().map(\.sealedFor) == ["passphrase", "keyholders"])
        try installation.recordKeystoreBackupDestroyed("K1", by: Self.statistics)
        #expect(try warned().isEmpty)
        try installation.backupData(into: dataBackup, by: Self.statistics)

        let target = try temporaryDirectory("restored")
        let directories = Installation.Directories(data: target.appendingPathComponent("data"), keys: target.appendingPathComponent("keys"),
                                                   forms: Repository.formsDirectory, policy: Repository.policyDirectory)
        let refusals: [(KeystoreUnlock, KeyholderError)] = [
            (.passphrase(try Passphrase(DemoFixture.passphrase)), .twoHoldersNeeded),
            (.passphrase(try Passphrase(Self.passphrases["Anna Schulz"]!)), .twoHoldersNeeded),
            (.holders(try Self.holder("Anna Schulz"), try Self.holder("Tresor DSB", "falsche Passphrase")),
             .wrongPassphrase(try KeyholderName("Tresor DSB"), position: 2)),
        ]
        for (unlock, refusal) in refusals {
            #expect(throws: refusal) { _ = try Installation.restore(data: dataBackup, keystore: after, unlock: unlock, into: directories, by: Self.statistics) }
            #expect(!directories.location.exists)
        }
        var tampered = [UInt8](try Data(contentsOf: after))
        tampered[tampered.count - 40] ^= 1
        let altered = backups.appendingPathComponent("altered.vfkb")
        try Data(tampered).write(to: altered)
        #expect(throws: VaultError.self) {
            _ = try Installation.restore(data: dataBackup, keystore: altered, unlock: two, into: directories, by: Self.statistics)
        }
        _ = try Installation.restore(data: dataBackup, keystore: after, unlock: .holders(try Self.holder("Tresor DSB"), try Self.holder("Ben Okafor")),
                                     into: directories, by: Self.statistics)
        let restored = try Installation.open(directories, passwordStrength: .minimum)
        #expect(try restored.keyholders().map(\.text) == ["Anna Schulz", "Ben Okafor", "Tresor DSB"])
        #expect(try !restored.verifyKeystore(two).held.isEmpty)
    }

    @Test func weakOrTooFewHoldersChangeNothing() throws {
        let installation = try InstallationTests.open(hires: 60)
        let current = KeystoreUnlock.passphrase(try Passphrase(DemoFixture.passphrase))
        let weak = try #require(throws: InputError.self) {
            try installation.setKeyholders([Self.holder("Anna Schulz"), Self.holder("Ben Okafor", "kurz")], unlock: current, by: Self.statistics)
        }
        #expect(weak.field == "passphrase of Ben Okafor")
        #expect(throws: KeyholderError.tooFewHolders) {
            try installation.setKeyholders([Self.holder("Anna Schulz")], unlock: current, by: Self.statistics)
        }
        #expect(throws: VaultError.wrongPassphrase) {
            try installation.setKeyholders([Self.holder("Anna Schulz"), Self.holder("Ben Okafor")],
                                           unlock: .passphrase(Passphrase("falsche Passphrase")), by: Self.statistics)
        }
        #expect(try !installation.isHeldByKeyholders())
        #expect(try installation.verifyKeystore(current).held.count == 6)
        #expect(try !installation.logEntries().contains { $0.action == "keystore keyholders set" })
    }
}
