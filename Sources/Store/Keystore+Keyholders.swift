import Foundation
internal import GRDB
import Vault

/// Two-person unlock (Vier-Augen-Prinzip): the master secret held by named keyholders, any two of
/// whom open it (``Vault/KeyholderEnvelope``). Once converted, the keystore keeps no wrap of the
/// master secret under one passphrase: its columns are empty and the file is vacuumed, so no single
/// person, and no copy of the file made afterwards, can open it alone.
extension Keystore {
    /// The holders' names and parameters, and one wrap of the master secret for each pair; the
    /// single-passphrase columns may be empty from here on.
    static func migrateToKeyholders(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE keystore_meta_v3 (
                id INTEGER PRIMARY KEY CHECK (id = 1), store_id BLOB NOT NULL, salt BLOB, ops_limit INTEGER, mem_limit INTEGER,
                master_public_key BLOB NOT NULL, wrapped_master_secret BLOB, passphrase_check BLOB, receipt_key BLOB NOT NULL,
                generation INTEGER NOT NULL DEFAULT 1);
            INSERT INTO keystore_meta_v3 SELECT id, store_id, salt, ops_limit, mem_limit, master_public_key, wrapped_master_secret,
                passphrase_check, receipt_key, generation FROM keystore_meta;
            DROP TABLE keystore_meta;
            ALTER TABLE keystore_meta_v3 RENAME TO keystore_meta;
            CREATE TABLE keyholder (
                name TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, salt BLOB NOT NULL, ops_limit INTEGER NOT NULL,
                mem_limit INTEGER NOT NULL, public_key BLOB NOT NULL, wrapped_secret BLOB NOT NULL, passphrase_check BLOB NOT NULL,
                authenticator BLOB NOT NULL);
            CREATE TABLE keyholder_pair (
                first TEXT NOT NULL REFERENCES keyholder(name), second TEXT NOT NULL REFERENCES keyholder(name),
                sealed_half_first BLOB NOT NULL, sealed_half_second BLOB NOT NULL, wrapped_master_secret BLOB NOT NULL,
                PRIMARY KEY (first, second));
            """)
    }

    /// Whether two keyholders, not the statistics passphrase, unlock this keystore.
    public func isHeldByKeyholders() throws -> Bool {
        try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM keyholder") ?? 0 } > 0
    }

    /// The keyholders' names in the order they were named; empty for a keystore unlocked with the passphrase.
    public func keyholderNames() throws -> [KeyholderName] {
        try database.read { try String.fetchAll($0, sql: "SELECT name FROM keyholder ORDER BY position") }
            .map { try KeyholderName($0) }
    }

    /// The keyholder-protected part of the keystore.
    public func keyholderEnvelope() throws -> KeyholderEnvelope {
        try database.read { db in
            let holders = try Row.fetchAll(db, sql: "SELECT * FROM keyholder ORDER BY position").map { row in
                Keyholder(name: try KeyholderName(row["name"]),
                          parameters: try KeyDerivationParameters(salt: [UInt8](row["salt"] as Data),
                                                                  opsLimit: UInt64(max(row["ops_limit"] as Int64, 0)),
                                                                  memLimit: UInt64(max(row["mem_limit"] as Int64, 0))),
                          publicKey: try PublicKey(bytes: [UInt8](row["public_key"] as Data)),
                          wrappedSecret: [UInt8](row["wrapped_secret"] as Data), passphraseCheck: [UInt8](row["passphrase_check"] as Data),
                          authenticator: [UInt8](row["authenticator"] as Data))
            }
            let pairs = try Row.fetchAll(db, sql: "SELECT * FROM keyholder_pair").map { row in
                KeyholderPair(first: try KeyholderName(row["first"]), second: try KeyholderName(row["second"]),
                              sealedHalfFirst: [UInt8](row["sealed_half_first"] as Data),
                              sealedHalfSecond: [UInt8](row["sealed_half_second"] as Data),
                              wrappedMasterSecret: [UInt8](row["wrapped_master_secret"] as Data))
            }
            let master: Data = try Row.fetchOne(db, sql: "SELECT master_public_key FROM keystore_meta WHERE id = 1")?["master_public_key"] ?? Data()
            return KeyholderEnvelope(masterPublicKey: try PublicKey(bytes: [UInt8](master)), holders: holders, pairs: pairs)
        }
    }

    /// The Argon2id strength protecting the master secret: the passphrase's, or the weakest keyholder's.
    public func keyDerivationParameters() throws -> KeyDerivationParameters {
        guard try isHeldByKeyholders() else { return try envelope().parameters }
        let holders = try keyholderEnvelope().holders
        return holders.map(\.parameters).min { $0.memLimit < $1.memLimit || ($0.memLimit == $1.memLimit && $0.opsLimit < $1.opsLimit) }!
    }

    /// Hands the master key to `holders` (at least two, each with their own passphrase): `unlock`
    /// is the statistics passphrase, or two of the current keyholders. Afterwards any two of the new
    /// holders unlock, nothing else does: the passphrase wrap and every former holder are gone from
    /// the file, which is vacuumed. A refused unlock or holder list changes nothing.
    public func shareAmongKeyholders(_ unlock: KeystoreUnlock, holders: [HolderPassphrase]) throws {
        let unlocked = try self.unlock(unlock)
        let envelope = try KeyholderEnvelope.sharing(unlocked, among: holders, parameters: keyDerivationParameters())
        try database.write { db in try Self.store(envelope, in: db, clearingPassphrase: true) }
        try database.compact()
    }

    /// One keyholder's new passphrase, with their current one alone: the others and the pairs stay
    /// as they are, and the old wrap of their secret is vacuumed away. A wrong current passphrase
    /// or an unknown name changes nothing.
    public func changeKeyholderPassphrase(_ holder: HolderPassphrase, new: Passphrase) throws {
        guard let current = try keyholderEnvelope().holders.first(where: { $0.name == holder.name }) else {
            throw KeyholderError.unknownHolder(position: 1)
        }
        let changed = try current.rewrapped(current: holder.passphrase, new: new)
        try database.write { db in
            try db.execute(sql: """
                UPDATE keyholder SET salt = ?, ops_limit = ?, mem_limit = ?, wrapped_secret = ?, passphrase_check = ? WHERE name = ?
                """, arguments: [Data(changed.parameters.salt), Int64(changed.parameters.opsLimit), Int64(changed.parameters.memLimit),
                                 Data(changed.wrappedSecret), Data(changed.passphraseCheck), changed.name.text])
        }
        try database.compact()
    }

    static func store(_ envelope: KeyholderEnvelope, in db: Database, clearingPassphrase: Bool) throws {
        try db.execute(sql: "DELETE FROM keyholder_pair")
        try db.execute(sql: "DELETE FROM keyholder")
        for (position, holder) in envelope.holders.enumerated() {
            try db.execute(sql: """
                INSERT INTO keyholder (name, position, salt, ops_limit, mem_limit, public_key, wrapped_secret, passphrase_check, authenticator)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [holder.name.text, position + 1, Data(holder.parameters.salt), Int64(holder.parameters.opsLimit),
                                 Int64(holder.parameters.memLimit), Data(holder.publicKey.bytes), Data(holder.wrappedSecret),
                                 Data(holder.passphraseCheck), Data(holder.authenticator)])
        }
        for pair in envelope.pairs {
            try db.execute(sql: """
                INSERT INTO keyholder_pair (first, second, sealed_half_first, sealed_half_second, wrapped_master_secret)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [pair.first.text, pair.second.text, Data(pair.sealedHalfFirst), Data(pair.sealedHalfSecond),
                                 Data(pair.wrappedMasterSecret)])
        }
        try db.execute(sql: "UPDATE keystore_meta SET master_public_key = ? WHERE id = 1", arguments: [Data(envelope.masterPublicKey.bytes)])
        if clearingPassphrase {
            try db.execute(sql: """
                UPDATE keystore_meta SET salt = NULL, ops_limit = NULL, mem_limit = NULL, wrapped_master_secret = NULL,
                                         passphrase_check = NULL WHERE id = 1
                """)
        }
    }
}
