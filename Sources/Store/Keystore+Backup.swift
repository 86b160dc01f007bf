import Foundation
import Vault

/// Keystore backups: the keystore file sealed under the statistics passphrase, or, once keyholders
/// hold the keystore, sealed so that any two of them open it (``Vault/KeyholderSealedFile``) and
/// no one alone, as the keystore itself.
extension Keystore {
    /// Writes the keystore, sealed, to `url` (a new file, 0600) and records the backup in `data`.
    /// A refused unlock writes nothing. Returns the backup's id.
    public func backup(to url: URL, unlock: KeystoreUnlock, data: DataStore, actor: Actor,
                       day: String = AuditDay.today()) throws -> String {
        let unlocked = try self.unlock(unlock)
        let plain = location.keysDirectory.appendingPathComponent(".backup-\(UUID().uuidString).sqlite")
        defer { for file in RawFiles.of(plain) { unlink(file.path) } }
        try DataStore.copy(database, to: plain)
        let sealed: [UInt8], sealedFor: String
        if case .passphrase(let passphrase) = unlock {
            let parameters = try envelope().parameters
            sealed = try PassphraseSealedFile.seal(file: plain, passphrase: passphrase, opsLimit: parameters.opsLimit, memLimit: parameters.memLimit)
            sealedFor = "passphrase"
        } else {
            sealed = try KeyholderSealedFile.seal(file: plain, envelope: keyholderEnvelope(), unlocked: unlocked)
            sealedFor = "keyholders"
        }
        try StoreLocation.createPrivateFile(url)
        try Data(sealed).write(to: url)
        let held = try periodKeys().filter { $0.sealedSecret != nil }.map(\.period)
        return try data.recordKeystoreBackup(generation: generation(), held: held, sealedFor: sealedFor, actor: actor, day: day)
    }

    public func backup(to url: URL, passphrase: Passphrase, data: DataStore, actor: Actor, day: String = AuditDay.today()) throws -> String {
        try backup(to: url, unlock: .passphrase(passphrase), data: data, actor: actor, day: day)
    }

    /// Writes the keystore sealed in a backup file to `location`'s keys directory (a new file): a
    /// backup sealed for keyholders needs two of those it names, one sealed under the passphrase
    /// that passphrase. A refused unlock or an altered file writes nothing.
    public static func restore(from file: URL, unlock: KeystoreUnlock, to location: StoreLocation) throws {
        let sealed: [UInt8]
        do { sealed = [UInt8](try Data(contentsOf: file)) } catch {
            throw StoreError.notFound(path: file.path)
        }
        try StoreLocation.createPrivateFile(location.keystoreURL)
        do {
            switch (unlock, KeyholderSealedFile.isSealedForKeyholders(sealed)) {
            case (.passphrase(let passphrase), false):
                try PassphraseSealedFile.open(sealed, passphrase: passphrase, into: location.keystoreURL)
            case (.holders(let one, let other), true):
                let unlocked = try KeyholderSealedFile.envelope(sealed).unlock(one, other)
                try KeyholderSealedFile.open(sealed, unlocked: unlocked, into: location.keystoreURL)
            case (.passphrase, true): throw KeyholderError.twoHoldersNeeded
            case (.holders, false): throw KeyholderError.notHeldByKeyholders
            }
        } catch {
            unlink(location.keystoreURL.path)
            throw error
        }
        _ = try open(location).unlock(unlock)
    }

    public static func restore(from file: URL, passphrase: Passphrase, to location: StoreLocation) throws {
        try restore(from: file, unlock: .passphrase(passphrase), to: location)
    }
}
