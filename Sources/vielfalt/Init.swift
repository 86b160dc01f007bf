import ArgumentParser
import Store
import Vault
import WebApp
import Forms

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new store: keystore (wrapped with the statistics passphrase) and data database.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(help: "Argon2id strength: interactive (tests only), moderate (default), sensitive.")
    var kdf: KeyDerivationStrength = .moderate

    @Option(help: "Login name of the first administrator of the web application.")
    var admin = "admin"

    @Option(help: "Read the administrator's password from this file (else VIELFALT_ADMIN_PASSWORD, else a prompt).")
    var adminPasswordFile: String?

    func run() throws {
        try Failure.guarded {
            guard !store.location.exists else { throw StoreError.alreadyExists(path: store.location.directory.path) }
            let secret = try passphrase.read(confirm: true)
            // The administrator's password is read and checked before anything is created.
            var adminPassword: [UInt8]?
            do {
                adminPassword = try SecretInput.read(file: adminPasswordFile, environment: "VIELFALT_ADMIN_PASSWORD",
                                                     prompt: "Password for \(admin): ", confirm: true, field: "admin-password")
            } catch let error as InputError where error.field == "secret" {
                adminPassword = nil
            }
            if let bytes = adminPassword, !UserStore.passwordLengths.contains(bytes.count) {
                throw InputError(field: "admin-password", english: "the password must have \(UserStore.passwordLengths.lowerBound) to \(UserStore.passwordLengths.upperBound) characters",
                                 german: "Das Passwort muss \(UserStore.passwordLengths.lowerBound) bis \(UserStore.passwordLengths.upperBound) Zeichen haben.")
            }
            try store.location.initialise(passphrase: secret, strength: kdf)
            note("created a new store in \(store.location.directory.path) / neuer Datenbestand angelegt")
            guard var bytes = adminPassword else {
                note("no administrator created (no terminal): run `vielfalt user add NAME --role admin` / kein Administrator angelegt")
                return
            }
            try UserStore.open(directory: store.location.directory).add(name: admin, role: .admin, password: Password(consuming: &bytes))
            note("first administrator / erste Administration: \(admin)")
        }
    }
}

extension KeyDerivationStrength: ExpressibleByArgument {}
