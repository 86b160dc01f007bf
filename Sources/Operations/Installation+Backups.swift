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
        logDone(.dataBackup)
    }

    /// Writes the keystore, sealed under the statistics passphrase (or, once keyholders hold it,
    /// so that any two of them open it), to a new file. The backup is recorded with the keystore's
    /// generation; once a period key is destroyed after it, the DPO audit flags it until its
    /// destruction is recorded. A master key rotation left pending by a purge is made first.
    /// Returns its id (`K1`, `K2`, …).
    public func backupKeystore(to file: URL, unlock: KeystoreUnlock, by actor: Actor) throws -> String {
        try deciding {
            // A backup made after a purge holds the new master key, not the one the purge left behind.
            try completePendingRotation(unlock, by: actor)
            let id = try keystore.backup(to: file, unlock: unlock, data: data, actor: actor)
            logDone(.keystoreBackup, ["backup": .id(id), "generation": .count(try keystore.generation())])
            return id
        }
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
