import Foundation
import GRDB
import Testing
import TestSupport
@testable import Store
import Vault

/// A public key substituted in `keystore.sqlite` must not go unnoticed.
@Suite struct KeystoreAuthenticityTests {
    static func storeWithTwoPeriods() throws -> StoreFixture {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        _ = try store.intake.add(store.entry(Repository.exampleJSON.replacingOccurrences(of: "2025-03", with: "2024-03")))
        return store
    }

    @Test func everyUnlockRefusesAPeriodKeyThatDoesNotMatchItsSecret() throws {
        let store = try Self.storeWithTwoPeriods()
        let keystore = store.intake.keystore
        _ = try keystore.unlock(Passphrase(StoreFixture.passphrase))
        // Another period than the one a report would open: only a check at unlock finds it.
        try keystore.database.write { db in
            try db.execute(sql: "UPDATE period_key SET public_key = ? WHERE period = 2024", arguments: [Data(KeyPair.generate().publicKey.bytes)])
        }
        #expect(throws: StoreError.keyTampered("the sealed secret of period 2024 does not open or does not belong to its public key")) {
            try keystore.unlock(Passphrase(StoreFixture.passphrase))
        }
    }

    @Test func theFingerprintNamesTheMasterKey() throws {
        let store = try StoreFixture()
        let keystore = store.intake.keystore
        let fingerprint = try keystore.masterFingerprint()
        #expect(fingerprint.count == 79)
        #expect(try keystore.matchesFingerprint(fingerprint.uppercased().replacingOccurrences(of: " ", with: "-")))
        try keystore.database.write { db in
            try db.execute(sql: "UPDATE keystore_meta SET master_public_key = ?", arguments: [Data(KeyPair.generate().publicKey.bytes)])
        }
        #expect(try !keystore.matchesFingerprint(fingerprint))
    }
}
