import Foundation
internal import GRDB
import Vault

extension Keystore {
    /// Wraps the master key under a new passphrase. A wrong current passphrase changes nothing;
    /// afterwards the old one opens nothing in this file, whose old envelope is vacuumed away.
    public func changePassphrase(current: Passphrase, new: Passphrase) throws {
        let unlocked = try unlock(current)
        let envelope = try envelope().rewrapped(unlocked, under: new)
        try database.write { db in try Self.store(envelope, in: db) }
        try database.compact()
    }

    /// Replaces the master key: a new key pair under the same passphrase (or shared among the same
    /// keyholders, from their public keys, so two of them suffice), every period secret still held
    /// sealed again to it, one generation more. A keystore copied before holds the old master key;
    /// it opens only what that copy itself holds. Returns the new master key's fingerprint.
    @discardableResult
    public func rotateMasterKey(_ unlock: KeystoreUnlock) throws -> (generation: Int, fingerprint: String) {
        let unlocked = try self.unlock(unlock)
        let reseal: ([UInt8], PublicKey, Int) throws -> [UInt8]
        let write: (Database) throws -> Void
        if try isHeldByKeyholders() {
            let envelope = try keyholderEnvelope().rotated()
            reseal = { try envelope.resealed($0, publicKey: $1, period: $2, from: unlocked) }
            write = { try Self.store(envelope, in: $0, clearingPassphrase: true) }
        } else {
            guard case .passphrase(let passphrase) = unlock else { throw KeyholderError.notHeldByKeyholders }
            let envelope = try envelope().rotated(under: passphrase)
            reseal = { try envelope.resealed($0, publicKey: $1, period: $2, from: unlocked) }
            write = { try Self.store(envelope, in: $0) }
        }
        let resealed = try periodKeys().compactMap { record -> (Int, Data)? in
            guard let sealed = record.sealedSecret else { return nil }
            return (record.period, Data(try reseal([UInt8](sealed), PublicKey(bytes: [UInt8](record.publicKey)), record.period)))
        }
        try database.write { db in
            try write(db)
            for (period, sealed) in resealed {
                try db.execute(sql: "UPDATE period_key SET sealed_secret = ? WHERE period = ?", arguments: [sealed, period])
            }
            try db.execute(sql: "UPDATE keystore_meta SET generation = generation + 1, rotation_pending = 0 WHERE id = 1")
        }
        try database.compact()
        return (try generation(), try masterFingerprint())
    }

    @discardableResult
    public func rotateMasterKey(_ passphrase: Passphrase) throws -> (generation: Int, fingerprint: String) {
        try rotateMasterKey(.passphrase(passphrase))
    }

    /// One at `init`, one more at every master key rotation and every purge that destroyed a key.
    public func generation() throws -> Int {
        try database.read { try Int.fetchOne($0, sql: "SELECT generation FROM keystore_meta WHERE id = 1") } ?? 1
    }

    private static func store(_ envelope: KeystoreEnvelope, in db: Database) throws {
        try db.execute(sql: """
            UPDATE keystore_meta SET salt = ?, ops_limit = ?, mem_limit = ?, master_public_key = ?,
                                     wrapped_master_secret = ?, passphrase_check = ? WHERE id = 1
            """, arguments: [Data(envelope.parameters.salt), Int64(envelope.parameters.opsLimit), Int64(envelope.parameters.memLimit),
                             Data(envelope.masterPublicKey.bytes), Data(envelope.wrappedMasterSecret), Data(envelope.passphraseCheck)])
    }
}
