import Foundation
import Testing
import TestSupport
@testable import Store
import Vault

/// Changing the passphrase and replacing the master key: the old secret opens nothing afterwards,
/// the data stays readable, and no copy of the old envelope is left in the keystore's files.
@Suite struct KeystoreRotationTests {
    static let newPassphrase = "ein ganz anderer Satz als Passphrase"

    @Test func aChangedPassphraseShutsTheOldOneOut() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let keystore = store.intake.keystore
        let before = try RawBytes.fingerprint(RawBytes.databaseFiles(store.location.keystoreURL))
        #expect(throws: VaultError.wrongPassphrase) {
            try keystore.changePassphrase(current: Passphrase("falsche Passphrase"), new: Passphrase(Self.newPassphrase))
        }
        #expect(try RawBytes.fingerprint(RawBytes.databaseFiles(store.location.keystoreURL)) == before)

        let oldWrapped = try keystore.envelope().wrappedMasterSecret
        let fingerprint = try keystore.masterFingerprint()
        try keystore.changePassphrase(current: Passphrase(StoreFixture.passphrase), new: Passphrase(Self.newPassphrase))
        #expect(throws: VaultError.wrongPassphrase) { _ = try keystore.unlock(Passphrase(StoreFixture.passphrase)) }
        #expect(try store.openAll(period: 2025, passphrase: Self.newPassphrase).count == 1)
        // The same master key, so the fingerprint kept outside still matches.
        #expect(try keystore.masterFingerprint() == fingerprint)
        #expect(try !Self.contains(RawBytes.databaseFiles(store.location.keystoreURL), Data(oldWrapped)))
    }

    @Test func aRotatedMasterKeyKeepsTheDataAndDropsTheOldKey() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let keystore = store.intake.keystore
        let oldWrapped = try keystore.envelope().wrappedMasterSecret
        let oldSealed = try #require(try keystore.periodKeys().first?.sealedSecret)
        let oldFingerprint = try keystore.masterFingerprint()
        #expect(try keystore.generation() == 1)
        #expect(throws: VaultError.wrongPassphrase) { try keystore.rotateMasterKey(Passphrase("falsche Passphrase")) }
        #expect(try keystore.generation() == 1)

        let rotated = try keystore.rotateMasterKey(Passphrase(StoreFixture.passphrase))
        #expect(rotated.generation == 2 && rotated.fingerprint != oldFingerprint)
        #expect(try keystore.matchesFingerprint(rotated.fingerprint))
        #expect(try store.openAll(period: 2025).count == 1)
        for old in [Data(oldWrapped), oldSealed] {
            #expect(try !Self.contains(RawBytes.databaseFiles(store.location.keystoreURL), old))
        }
        // A destroyed period stays destroyed through a rotation; the purge started a generation too.
        try keystore.destroyPeriodKey(2025, day: "2031-01-01")
        #expect(try keystore.generation() == 3 && keystore.isRotationPending())
        try keystore.rotateMasterKey(Passphrase(StoreFixture.passphrase))
        #expect(try keystore.generation() == 4 && !keystore.isRotationPending())
        #expect(try keystore.periodKeys().first { $0.period == 2025 }?.sealedSecret == nil)
    }

    static func contains(_ files: [URL], _ needle: Data) throws -> Bool {
        try files.contains { try Data(contentsOf: $0).range(of: needle) != nil }
    }
}
