import ArgumentParser
import Foundation
import Operations

/// `vielfalt backup`: the data, consistently, while the web application runs; never a key.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy vielfalt.sqlite and users.sqlite consistently into a new directory (no key material; audited).",
        discussion: "Back the keystore up separately with `vielfalt keystore backup`; keep the two apart.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Directory to write the copies into (created, mode 0700; the files must not exist).") var out: String

    func run() throws {
        try Failure.guarded {
            try store.installation().backupData(into: URL(fileURLWithPath: out), by: store.actor("admin"))
            print("data backed up to \(out) / Daten gesichert nach \(out)")
        }
    }
}

/// `vielfalt keystore backup` and `vielfalt keystore backup destroyed ID`.
struct KeystoreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write the keystore sealed under the passphrase, or record a keystore backup's destruction.",
        subcommands: [KeystoreBackupCreate.self, KeystoreBackupDestroyed.self], defaultSubcommand: KeystoreBackupCreate.self)
}

struct KeystoreBackupCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Write the keystore, sealed under the statistics passphrase (or for its keyholders), to a new file (audited; prints its id).",
        discussion: "Once a period key is destroyed after the backup was made, the DPO audit flags the backup until its destruction is recorded.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "The new file (mode 0600).") var out: String

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let id = try installation.backupKeystore(to: URL(fileURLWithPath: out), unlock: unlock.read(installation),
                                                     by: store.actor("statistics"))
            print("keystore backup \(id) written to \(out) / Schlüsselsicherung \(id) geschrieben nach \(out)")
        }
    }
}

struct KeystoreBackupDestroyed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroyed", abstract: "Record that a keystore backup was destroyed (DPO; audited).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The backup's id, e.g. K1.") var id: String

    func run() throws {
        try Failure.guarded {
            try store.installation().recordKeystoreBackupDestroyed(id, by: store.actor("dpo"))
            print("keystore backup \(id) recorded as destroyed / Schlüsselsicherung \(id) als vernichtet festgehalten")
        }
    }
}
