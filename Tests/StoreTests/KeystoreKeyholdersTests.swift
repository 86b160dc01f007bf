import Foundation
import GRDB
import Testing
import TestSupport
@testable import Store
import Vault

/// Two-person unlock in the keystore file: after conversion no wrap under one passphrase is left in
/// its bytes, any two holders unlock, one does not, and an old keystore file still opens.
@Suite struct KeystoreKeyholdersTests {
    static let passphrases = ["Anna": "erste lange Passphrase", "Ben": "zweite lange Passphrase", "Escrow DSB": "Tresor der DSB 2026"]

    static func holder(_ name: String, _ passphrase: String? = nil) throws -> HolderPassphrase {
        HolderPassphrase(name: try KeyholderName(name), passphrase: try Passphrase(passphrase ?? passphrases[name]!))
    }

    static func converted() throws -> StoreFixture {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        try store.intake.keystore.shareAmongKeyholders(.passphrase(Passphrase(StoreFixture.passphrase)),
                                                       holders: ["Anna", "Ben", "Escrow DSB"].map { try holder($0) })
        return store
    }

    @Test func afterConversionNoSinglePassphraseWrapIsLeft() throws {
        let store = try StoreFixture()
        _ = try store.intake.add(store.entry())
        let keystore = store.intake.keystore
        let old = try keystore.envelope()
        let fingerprint = try keystore.masterFingerprint()
        try keystore.shareAmongKeyholders(.passphrase(Passphrase(StoreFixture.passphrase)),
                                          holders: ["Anna", "Ben", "Escrow DSB"].map { try Self.holder($0) })
        let files = RawBytes.databaseFiles(store.location.keystoreURL)
        for gone in [old.wrappedMasterSecret, old.passphraseCheck, old.parameters.salt] {
            #expect(try !KeystoreRotationTests.contains(files, Data(gone)))
        }
        let row = try #require(try keystore.database.read { try Row.fetchOne($0, sql: "SELECT * FROM keystore_meta") })
        for column in ["salt", "ops_limit", "mem_limit", "wrapped_master_secret", "passphrase_check"] {
            #expect((row[column] as Data?) == nil, "\(column)")
        }
        #expect(try keystore.database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM keyholder_pair") } == 3)
        #expect(try keystore.masterFingerprint() == fingerprint)
        #expect(throws: KeyholderError.twoHoldersNeeded) { try keystore.unlock(Passphrase(StoreFixture.passphrase)) }
        #expect(throws: KeyholderError.twoHoldersNeeded) { try keystore.unlock(Passphrase(Self.passphrases["Anna"]!)) }
        let opened = try keystore.verify(.holders(Self.holder("Escrow DSB"), Self.holder("Anna")))
        #expect(opened.held == [2025])
        #expect(try keystore.keyholderNames().map(\.text) == ["Anna", "Ben", "Escrow DSB"])
    }

    @Test func aRefusedConversionChangesNothing() throws {
        let store = try StoreFixture()
        let keystore = store.intake.keystore
        let before = try RawBytes.fingerprint(RawBytes.databaseFiles(store.location.keystoreURL))
        #expect(throws: VaultError.wrongPassphrase) {
            try keystore.shareAmongKeyholders(.passphrase(Passphrase("falsche Passphrase")), holders: [Self.holder("Anna"), Self.holder("Ben")])
        }
        #expect(throws: KeyholderError.tooFewHolders) {
            try keystore.shareAmongKeyholders(.passphrase(Passphrase(StoreFixture.passphrase)), holders: [Self.holder("Anna")])
        }
        #expect(try RawBytes.fingerprint(RawBytes.databaseFiles(store.location.keystoreURL)) == before)
        #expect(try !keystore.isHeldByKeyholders())
    }

    @Test func aTamperedPairWrapInTheFileFailsAuthentication() throws {
        let store = try Self.converted()
        let keystore = store.intake.keystore
        try keystore.database.write { db in
            try db.execute(sql: """
                UPDATE keyholder_pair SET wrapped_master_secret = (SELECT wrapped_master_secret FROM keyholder_pair WHERE second = 'Escrow DSB' LIMIT 1)
                WHERE first = 'Anna' AND second = 'Ben'
                """)
        }
        #expect(throws: VaultError.authenticationFailed(what: "the master key of keyholders 'Anna' and 'Ben'")) {
            try keystore.unlock(.holders(Self.holder("Ben"), Self.holder("Anna")))
        }
        _ = try keystore.unlock(.holders(Self.holder("Ben"), Self.holder("Escrow DSB")))
    }

    @Test func aHolderKeyPutInAnotherHoldersPlaceIsFoundBeforeARotationSharesWithIt() throws {
        let store = try Self.converted()
        let keystore = store.intake.keystore
        let generation = try keystore.generation()
        // Whoever can write the file puts a key of their own in Ben's place, hoping that the next
        // rotation seals Ben's half of every pair to it.
        try keystore.database.write { db in
            try db.execute(sql: "UPDATE keyholder SET public_key = ? WHERE name = 'Ben'", arguments: [Data(KeyPair.generate().publicKey.bytes)])
        }
        #expect(throws: VaultError.authenticationFailed(what: "the record of keyholder 'Ben'")) {
            try keystore.rotateMasterKey(.holders(Self.holder("Anna"), Self.holder("Escrow DSB")))
        }
        #expect(try keystore.generation() == generation)
    }

    @Test func aHolderChangesTheirOwnPassphraseAlone() throws {
        let store = try Self.converted()
        let keystore = store.intake.keystore
        let before = try keystore.keyholderEnvelope().holders[1]
        #expect(throws: KeyholderError.wrongPassphrase(try KeyholderName("Ben"), position: 1)) {
            try keystore.changeKeyholderPassphrase(Self.holder("Ben", "nicht Bens Passphrase"), new: Passphrase("Bens neue Passphrase"))
        }
        #expect(try keystore.keyholderEnvelope().holders[1] == before)
        try keystore.changeKeyholderPassphrase(Self.holder("Ben"), new: Passphrase("Bens neue Passphrase"))
        #expect(throws: KeyholderError.wrongPassphrase(try KeyholderName("Ben"), position: 2)) {
            try keystore.unlock(.holders(Self.holder("Anna"), Self.holder("Ben")))
        }
        _ = try keystore.unlock(.holders(Self.holder("Anna"), Self.holder("Ben", "Bens neue Passphrase")))
        #expect(try !KeystoreRotationTests.contains(RawBytes.databaseFiles(store.location.keystoreURL), Data(before.wrappedSecret)))
    }

    @Test func twoHoldersRotateTheMasterKeyForAll() throws {
        let store = try Self.converted()
        let keystore = store.intake.keystore
        let fingerprint = try keystore.masterFingerprint()
        let rotated = try keystore.rotateMasterKey(.holders(Self.holder("Anna"), Self.holder("Ben")))
        #expect(rotated.generation == 2 && rotated.fingerprint != fingerprint)
        // Escrow was not present at the rotation and still unlocks with either other holder.
        let opened = try keystore.verify(.holders(Self.holder("Escrow DSB"), Self.holder("Ben")))
        #expect(opened.held == [2025])
        #expect(throws: KeyholderError.twoHoldersNeeded) { try keystore.rotateMasterKey(Passphrase(StoreFixture.passphrase)) }
    }

    @Test func twoHoldersNameNewHoldersAndTheFormerOnesOpenNothing() throws {
        let store = try Self.converted()
        let keystore = store.intake.keystore
        try keystore.shareAmongKeyholders(.holders(Self.holder("Anna"), Self.holder("Ben")),
                                          holders: [Self.holder("Anna", "Annas neue Passphrase"), Self.holder("Carla", "Carlas Passphrase")])
        #expect(try keystore.keyholderNames().map(\.text) == ["Anna", "Carla"])
        #expect(throws: KeyholderError.unknownHolder(position: 1)) { try keystore.unlock(.holders(Self.holder("Ben"), Self.holder("Anna"))) }
        #expect(throws: KeyholderError.wrongPassphrase(try KeyholderName("Anna"), position: 2)) {
            try keystore.unlock(.holders(Self.holder("Carla", "Carlas Passphrase"), Self.holder("Anna")))
        }
        _ = try keystore.unlock(.holders(Self.holder("Carla", "Carlas Passphrase"), Self.holder("Anna", "Annas neue Passphrase")))
    }

    @Test func aKeystoreFromBeforeKeyholdersStillOpens() throws {
        let location = StoreLocation(directory: try temporaryDirectory("old-keystore").appendingPathComponent("data"))
        try FileManager.default.createDirectory(at: location.keysDirectory, withIntermediateDirectories: true)
        let envelope = try KeystoreEnvelope.create(passphrase: Passphrase("eine alte Passphrase"), strength: .interactive)
        let queue = try DatabaseQueue(path: location.keystoreURL.path)
        try Keystore.migrator.migrate(queue, upTo: "v2 keystore generation")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO keystore_meta (id, store_id, salt, ops_limit, mem_limit, master_public_key, wrapped_master_secret,
                                           passphrase_check, receipt_key) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [Data([1, 2, 3]), Data(envelope.parameters.salt), Int64(envelope.parameters.opsLimit),
                                 Int64(envelope.parameters.memLimit), Data(envelope.masterPublicKey.bytes),
                                 Data(envelope.wrappedMasterSecret), Data(envelope.passphraseCheck), Data(repeating: 7, count: 32)])
        }
        try queue.close()
        let keystore = try Keystore.open(location)
        #expect(try keystore.schemaVersion() == "v6 release marks")
        #expect(try !keystore.isHeldByKeyholders() && keystore.keyholderNames().isEmpty)
        #expect(try keystore.envelope() == envelope)
        _ = try keystore.unlock(Passphrase("eine alte Passphrase"))
    }
}
