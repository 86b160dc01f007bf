import ArgumentParser
import Forms
import Operations
import Vault

struct KeystorePassphrase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passphrase",
        abstract: "Change the statistics passphrase, or one keyholder's own (--holder); the old one opens nothing afterwards (audited).",
        discussion: "Asks for the current passphrase, then the new one twice. With files: --passphrase-file (current) and --new-passphrase-file.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions
    @Option(help: "Read the new passphrase from this file (first line).") var newPassphraseFile: String?
    @Option(help: "Two-person unlock: the keyholder whose own passphrase changes (needs only theirs).") var holder: String?

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let name = try holder.map { try KeyholderName($0, field: "holder") }
            var current = try SecretInput.read(file: passphrase.passphraseFile, environment: "VIELFALT_PASSPHRASE",
                                               prompt: name.map { "Passphrase of \($0): " } ?? "Passphrase: ", confirm: false, field: "passphrase")
            let currentPassphrase = try Passphrase(consuming: &current)
            var bytes = try SecretInput.read(file: newPassphraseFile, environment: "VIELFALT_NEW_PASSPHRASE", prompt: "New passphrase: ",
                                             confirm: true, field: "new-passphrase")
            let new = try Passphrase(consuming: &bytes)
            if let name {
                try installation.changeKeyholderPassphrase(HolderPassphrase(name: name, passphrase: currentPassphrase), new: new,
                                                           by: store.actor("statistics"))
            } else {
                try installation.changePassphrase(current: currentPassphrase, new: new, by: store.actor("statistics"))
            }
            print("passphrase changed / Passphrase geändert")
        }
    }
}

struct KeystoreRotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Replace the master key; every period key still held is sealed to the new one (audited).",
        discussion: "Prints the new master key fingerprint: keep it outside the system in place of the old one.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let rotated = try installation.rotateMasterKey(unlock.read(installation), by: store.actor("statistics"))
            print("master key rotated, generation \(rotated.generation) / Hauptschlüssel erneuert, Generation \(rotated.generation)")
            print("master key fingerprint / Fingerabdruck des Hauptschlüssels: \(rotated.fingerprint)")
        }
    }
}
