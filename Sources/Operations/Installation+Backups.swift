import Foundation
import Forms
import Store
import Vault

extension Installation {
    /// Copies the data (`vielfalt.sqlite`) and the logins and requests (`users.sqlite`) into
    /// `directory`, consistently and while the installation is in use; no key goes with them.
    public func backupData(into directory: URL, by actor: Actor) throws {
        try data.backup(into: directory, actor: actor)
        try users.backup(into: directory)
    }

    /// Writes the keystore, sealed under the statistics passphrase, to a new file. The backup is
    /// recorded with the keystore's generation; once a period key is destroyed after it, the DPO
    /// audit flags it until its destruction is recorded. Returns its id (`K1`, `K2`, …).
    public func backupKeystore(to file: URL, passphrase: Passphrase, by actor: Actor) throws -> String {
        try deciding { try keystore.backup(to: file, passphrase: passphrase, data: data, actor: actor) }
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
