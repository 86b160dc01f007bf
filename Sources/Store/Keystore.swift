import Foundation
internal import GRDB
import Vault

/// A period's key as the keystore holds it: public key in the clear, secret sealed to the master key.
public struct PeriodKeyRecord: Codable, StoredRecord, Sendable {
    static let table = "period_key"
    public var period: Int
    public var publicKey: Data
    /// Nil once the period was purged (crypto-shredded).
    public var sealedSecret: Data?
    /// The day the secret was destroyed, `YYYY-MM-DD`.
    public var destroyedOn: String?

    enum CodingKeys: String, CodingKey {
        case period, publicKey = "public_key", sealedSecret = "sealed_secret", destroyedOn = "destroyed_on"
    }
}

/// The keystore, `keystore.sqlite`: kept apart from the data so that a copy of one opens nothing.
///
/// The entry side reads public keys and the receipt key from it and may add the key of a new period;
/// only ``unlock(_:)`` with the statistics passphrase gives access to period secrets.
public final class Keystore: Sendable {
    let database: DatabaseQueue
    public let location: StoreLocation

    private init(database: DatabaseQueue, location: StoreLocation) {
        self.database = database
        self.location = location
    }

    /// Creates a keystore with a new master key under `passphrase`.
    public static func create(_ location: StoreLocation, passphrase: Passphrase, strength: KeyDerivationStrength,
                              storeID: Data) throws -> Keystore {
        let envelope = try KeystoreEnvelope.create(passphrase: passphrase, strength: strength)
        try StoreLocation.createPrivateFile(location.keystoreURL)
        let keystore = Keystore(database: try DatabaseQueue(path: location.keystoreURL.path, configuration: DataStore.configuration()),
                                location: location)
        try migrator.migrate(keystore.database)
        let receiptKey = ReceiptKey.generate()
        try keystore.database.write { db in
            try db.execute(sql: """
                INSERT INTO keystore_meta (id, store_id, salt, ops_limit, mem_limit, master_public_key,
                                           wrapped_master_secret, passphrase_check, receipt_key)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [storeID, Data(envelope.parameters.salt), Int64(envelope.parameters.opsLimit),
                                 Int64(envelope.parameters.memLimit), Data(envelope.masterPublicKey.bytes),
                                 Data(envelope.wrappedMasterSecret), Data(envelope.passphraseCheck),
                                 Data(receiptKey.exportForKeystore())])
        }
        return keystore
    }

    public static func open(_ location: StoreLocation) throws -> Keystore {
        guard FileManager.default.fileExists(atPath: location.keystoreURL.path) else {
            throw StoreError.notFound(path: location.keysDirectory.path)
        }
        do {
            let keystore = Keystore(database: try DatabaseQueue(path: location.keystoreURL.path, configuration: DataStore.configuration()),
                                    location: location)
            try DataStore.migrateIfNeeded(keystore.database, migrator: migrator)
            return keystore
        } catch let error as DatabaseError {
            throw StoreError.damaged(path: location.keystoreURL.lastPathComponent, reason: error.message ?? "\(error.resultCode)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 keystore") { db in
            try db.create(table: "keystore_meta") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("store_id", .blob).notNull()
                t.column("salt", .blob).notNull()
                t.column("ops_limit", .integer).notNull()
                t.column("mem_limit", .integer).notNull()
                t.column("master_public_key", .blob).notNull()
                t.column("wrapped_master_secret", .blob).notNull()
                t.column("passphrase_check", .blob).notNull()
                t.column("receipt_key", .blob).notNull()
            }
            try db.create(table: "period_key") { t in
                t.primaryKey("period", .integer)
                t.column("public_key", .blob).notNull()
                t.column("sealed_secret", .blob)
                t.column("destroyed_on", .text)
            }
        }
        migrator.registerMigration("v2 keystore generation") { db in
            try db.alter(table: "keystore_meta") { t in t.add(column: "generation", .integer).notNull().defaults(to: 1) }
        }
        migrator.registerMigration("v3 keystore holders", migrate: migrateToKeyholders)
        migrator.registerMigration("v4 withdrawal tombstones", migrate: WithdrawalTombstone.migrate)
        migrator.registerMigration("v5 purge generations", migrate: migrateToPurgeGenerations)
        migrator.registerMigration("v6 release marks", migrate: ReleaseMark.migrate)
        return migrator
    }

    private func meta() throws -> Row {
        guard let row = try database.read({ try Row.fetchOne($0, sql: "SELECT * FROM keystore_meta WHERE id = 1") }) else {
            throw StoreError.damaged(path: location.keystoreURL.lastPathComponent, reason: "keystore header missing")
        }
        return row
    }

    public func storeID() throws -> Data { try meta()["store_id"] }

    /// The passphrase-protected part of the keystore; a keystore held by keyholders has none.
    public func envelope() throws -> KeystoreEnvelope {
        let row = try meta()
        guard let salt: Data = row["salt"], let wrapped: Data = row["wrapped_master_secret"], let check: Data = row["passphrase_check"],
              let ops: Int64 = row["ops_limit"], let mem: Int64 = row["mem_limit"] else {
            throw KeyholderError.twoHoldersNeeded
        }
        let master: Data = row["master_public_key"]
        return KeystoreEnvelope(
            parameters: try KeyDerivationParameters(salt: [UInt8](salt), opsLimit: UInt64(max(ops, 0)), memLimit: UInt64(max(mem, 0))),
            masterPublicKey: try PublicKey(bytes: [UInt8](master)),
            wrappedMasterSecret: [UInt8](wrapped), passphraseCheck: [UInt8](check))
    }

    public func receiptKey() throws -> ReceiptKey {
        let data: Data = try meta()["receipt_key"]
        var bytes = [UInt8](data)
        return try ReceiptKey(consuming: &bytes)
    }

    /// Unlocks the master key with the statistics passphrase, or with two keyholders when the
    /// keystore is held by keyholders (either the other way is refused). A wrong passphrase throws
    /// ``Vault/VaultError/wrongPassphrase`` or ``Vault/KeyholderError/wrongPassphrase(_:position:)``;
    /// a period key that does not match its sealed secret throws ``StoreError/keyTampered(_:)``
    /// before anything can be decrypted or released with it.
    public func unlock(_ unlock: KeystoreUnlock) throws -> UnlockedKeystore {
        let unlocked: UnlockedKeystore
        switch (unlock, try isHeldByKeyholders()) {
        case (.passphrase(let passphrase), false): unlocked = try envelope().unlock(with: passphrase)
        case (.holders(let one, let other), true): unlocked = try keyholderEnvelope().unlock(one, other)
        case (.passphrase, true): throw KeyholderError.twoHoldersNeeded
        case (.holders, false): throw KeyholderError.notHeldByKeyholders
        }
        try checkPeriodKeys(unlocked)
        return unlocked
    }

    public func unlock(_ passphrase: Passphrase) throws -> UnlockedKeystore { try unlock(.passphrase(passphrase)) }

    /// The master public key, in the clear in either mode.
    public func masterPublicKey() throws -> PublicKey {
        let data: Data = try meta()["master_public_key"]
        return try PublicKey(bytes: [UInt8](data))
    }

    public func periodKeys() throws -> [PeriodKeyRecord] {
        try database.read { try PeriodKeyRecord.order(Column("period")).fetchAll($0) }
    }

    /// The public key of `period`, made on first use. Needs no passphrase: the new secret is sealed
    /// to the master public key at once and never held by the entry side.
    public func publicKey(forPeriod period: Int) throws -> PublicKey {
        if let existing = try database.read({ try PeriodKeyRecord.fetchOne($0, key: period) }) {
            guard existing.sealedSecret != nil else { throw StoreError.periodDestroyed(period: period) }
            return try PublicKey(bytes: [UInt8](existing.publicKey))
        }
        let master = try masterPublicKey()
        let pair = KeyPair.generate()
        let record = PeriodKeyRecord(period: period, publicKey: Data(pair.publicKey.bytes),
                                     sealedSecret: Data(KeystoreEnvelope.sealPeriodSecret(pair.secretKey, to: master)), destroyedOn: nil)
        try database.write { db in
            // Another process may have made it meanwhile: keep the first.
            try Stored(record).insert(db, onConflict: .ignore)
        }
        return try publicKey(forPeriod: period)
    }

    /// The secret key of `period`, opened with an unlocked keystore.
    public func secretKey(forPeriod period: Int, unlocked: UnlockedKeystore) throws -> SecretKey {
        guard let record = try database.read({ try PeriodKeyRecord.fetchOne($0, key: period) }) else {
            throw StoreError.damaged(path: location.keystoreURL.lastPathComponent, reason: "no key for period \(period)")
        }
        guard let sealed = record.sealedSecret else { throw StoreError.periodDestroyed(period: period) }
        return try unlocked.openPeriodSecret([UInt8](sealed), publicKey: PublicKey(bytes: [UInt8](record.publicKey)),
                                             period: period)
    }
}

extension Keystore {
    /// Unlocks the keystore and opens every period secret that is still held: proves the passphrase
    /// (or the two keyholders) and the integrity of the keys without touching any data. Returns the
    /// periods checked.
    public func verify(_ unlock: KeystoreUnlock) throws -> (held: [Int], destroyed: [Int]) {
        let unlocked = try self.unlock(unlock)
        var held: [Int] = [], destroyed: [Int] = []
        for record in try periodKeys() {
            if record.sealedSecret == nil { destroyed.append(record.period); continue }
            _ = try secretKey(forPeriod: record.period, unlocked: unlocked)
            held.append(record.period)
        }
        return (held, destroyed)
    }

    public func verify(_ passphrase: Passphrase) throws -> (held: [Int], destroyed: [Int]) { try verify(.passphrase(passphrase)) }
}
