import Foundation
import Forms
import Retention
import Store
import Vault

extension Installation {
    /// Copies the data (`vielfalt.sqlite`) and the logins and requests (`users.sqlite`) into
    /// `directory`, consistently and while the installation is in use; no key goes with them.
    public func backupData(into directory: URL, by actor: Actor) throws {
        try data.backup(into: directory, actor: actor)
        try users.backup(into: directory)
    }

    /// Writes the keystore, sealed under the statistics passphrase (or, once keyholders hold it,
    /// so that any two of them open it), to a new file. The backup is recorded with the keystore's
    /// generation; once a period key is destroyed after it, the DPO audit flags it until its
    /// destruction is recorded. Returns its id (`K1`, `K2`, …).
    public func backupKeystore(to file: URL, unlock: KeystoreUnlock, by actor: Actor) throws -> String {
        try deciding { try keystore.backup(to: file, unlock: unlock, data: data, actor: actor) }
    }

    public func backupKeystore(to file: URL, passphrase: Passphrase, by actor: Actor) throws -> String {
        try backupKeystore(to: file, unlock: .passphrase(passphrase), by: actor)
    }

    /// Records that a keystore backup was destroyed; an unknown or already destroyed id is an error.
    public func recordKeystoreBackupDestroyed(_ id: String, by actor: Actor) throws {
        guard try data.recordKeystoreBackupDestroyed(id, actor: actor) else {
            throw InputError(field: "backup", english: "no keystore backup '\(id)' is waiting to be destroyed",
                             german: "Keine Schlüsselsicherung „\(id)“ wartet auf ihre Vernichtung.")
        }
    }

    /// The keystore backups made, oldest first.
    public func keystoreBackups() throws -> [KeystoreBackup] { try data.keystoreBackups() }
}

extension Installation {
    /// Restores a data backup (`vielfalt backup`) and a keystore backup (`vielfalt keystore
    /// backup`) into new directories, then purges as of today.
    ///
    /// Every purge follows from the retention policy and the day, so purging as of today deletes
    /// again whatever was purged after the backups were made (SDM 60: deletion again after a
    /// restore); the purge also destroys the keys of those periods that the keystore backup still
    /// held. Withdrawals made after the data backup are not in it and cannot be re-applied.
    public static func restore(data backup: URL, keystore file: URL, passphrase: Passphrase, into directories: Directories,
                               by actor: Actor) throws -> Purge.Outcome {
        try restore(data: backup, keystore: file, unlock: .passphrase(passphrase), into: directories, by: actor)
    }

    /// The same for a keystore backup sealed for keyholders: two of those it names unlock it.
    public static func restore(data backup: URL, keystore file: URL, unlock: KeystoreUnlock, into directories: Directories,
                               by actor: Actor) throws -> Purge.Outcome {
        let location = directories.location
        guard !location.exists else { throw StoreError.alreadyExists(path: location.directory.path) }
        let files = ["vielfalt.sqlite", "users.sqlite"].map { backup.appendingPathComponent($0) }
        guard FileManager.default.fileExists(atPath: files[0].path) else { throw StoreError.notFound(path: backup.path) }
        try Keystore.restore(from: file, unlock: unlock, to: location)
        try FileManager.default.createDirectory(at: directories.data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for source in files where FileManager.default.fileExists(atPath: source.path) {
            let target = directories.data.appendingPathComponent(source.lastPathComponent)
            try FileManager.default.copyItem(at: source, to: target)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        }
        let installation = try open(directories)
        guard try installation.data.storeID() == installation.keystore.storeID() else {
            // Backups of two different stores: nothing restored stays behind.
            let made = [location.dataURL, location.keystoreURL, directories.data.appendingPathComponent("users.sqlite")]
            for url in made { for suffix in ["", "-wal", "-shm"] { unlink(url.path + suffix) } }
            throw StoreError.keystoreMismatch
        }
        try installation.data.recordEvent("store restored", by: actor)
        return try installation.purge(by: actor)
    }
}
