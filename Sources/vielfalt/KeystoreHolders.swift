import ArgumentParser
import Operations

struct KeystoreHolders: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holders",
        abstract: "List the keyholders of two-person unlock (Vier-Augen-Prinzip), or name them anew.",
        subcommands: [KeystoreHoldersList.self, KeystoreHoldersSet.self],
        defaultSubcommand: KeystoreHoldersList.self)
}

struct KeystoreHoldersList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The keyholders, one name a line; needs no passphrase.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try Failure.guarded {
            let names = try store.installation().keyholders()
            if names.isEmpty {
                print("no keyholders: the statistics passphrase unlocks the keystore / keine Schlüsselhalter: Die Passphrase der Statistikstelle entsperrt den Schlüsselspeicher")
            } else {
                print("any two of these keyholders unlock the keystore / je zwei dieser Schlüsselhalter entsperren den Schlüsselspeicher:")
                for name in names { print(name) }
            }
        }
    }
}
