import ArgumentParser
import Store
import Vault

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new store: keystore (wrapped with the statistics passphrase) and data database.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(help: "Argon2id strength: interactive (tests only), moderate (default), sensitive.")
    var kdf: KeyDerivationStrength = .moderate

    func run() throws {
        try Failure.guarded {
            try store.location.initialise(passphrase: passphrase.read(confirm: true), strength: kdf)
            note("created a new store in \(store.location.directory.path) / neuer Datenbestand angelegt")
        }
    }
}

extension KeyDerivationStrength: ExpressibleByArgument {}
