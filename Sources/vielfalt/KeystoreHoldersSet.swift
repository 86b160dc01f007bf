import ArgumentParser
import Foundation
import Forms
import Operations
import Vault

struct KeystoreHoldersSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Hand the master key to named keyholders, any two of whom unlock it from then on (audited).",
        discussion: """
            Unlocks with the current passphrase (or two current keyholders), then asks each keyholder's new \
            passphrase twice, checked like at init. Afterwards the statistics passphrase and former keyholders \
            open nothing. With files: --holder-passphrase-file once per name, in the same order.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions

    @Argument(help: "The keyholders' names (at least two): letters, digits, spaces, '.', '-', '_'.")
    var names: [String]

    @Option(help: "Read a keyholder's new passphrase from this file; once per name, in order.")
    var holderPassphraseFile: [String] = []

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let holders = try names.enumerated().map { try KeyholderName($1, field: "holder \($0 + 1)") }
            guard holders.count >= 2 else { throw KeyholderError.tooFewHolders }
            guard holderPassphraseFile.isEmpty || holderPassphraseFile.count == holders.count else {
                throw InputError(field: "holder-passphrase-file", english: "give one passphrase file per keyholder (\(holders.count)), or none",
                                 german: "Eine Passphrase-Datei je Schlüsselhalter angeben (\(holders.count)) oder keine.")
            }
            let current = try unlock.read(installation)
            let named = try holders.enumerated().map { index, name in
                var bytes = try SecretInput.read(file: holderPassphraseFile.isEmpty ? nil : holderPassphraseFile[index], environment: nil,
                                                 prompt: "New passphrase of \(name): ", confirm: true, field: "passphrase of \(name)")
                return HolderPassphrase(name: name, passphrase: try Passphrase(consuming: &bytes))
            }
            try installation.setKeyholders(named, unlock: current, by: store.actor("statistics"))
            print("keyholders set, any two unlock / Schlüsselhalter benannt, je zwei entsperren: \(holders.map(\.text).joined(separator: ", "))")
        }
    }
}
