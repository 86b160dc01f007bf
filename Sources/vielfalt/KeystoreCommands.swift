import ArgumentParser
import Operations

struct KeystoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keystore",
        abstract: "Check the statistics unit's keystore, change its passphrase, rotate its master key, name its keyholders.",
        subcommands: [KeystoreVerify.self, KeystorePassphrase.self, KeystoreRotate.self, KeystoreBackupCommand.self, KeystoreHolders.self])
}

struct KeystoreVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Unlock the keystore and check every period key, changing nothing (exit 3 on a wrong passphrase).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions

    @Option(help: "The master key fingerprint `init` printed, kept outside the system: a different one means the key was substituted (exit 3).")
    var fingerprint: String?

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            // Checked before the passphrase is asked for: a substituted key is found without it.
            if let fingerprint { try installation.checkFingerprint(fingerprint) }
            let result = try installation.verifyKeystore(unlock.read(installation))
            let held = result.held.map(String.init).joined(separator: ", ")
            let destroyed = result.destroyed.map(String.init).joined(separator: ", ")
            print("keystore ok / Schlüsselspeicher in Ordnung: period keys held: \(held.isEmpty ? "none" : held); destroyed: \(destroyed.isEmpty ? "none" : destroyed)"
                  + (fingerprint == nil ? "" : "; fingerprint matches / Fingerabdruck stimmt"))
        }
    }
}
