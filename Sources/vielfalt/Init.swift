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
            if let weakness = secret.weakness { throw Self.refusal(weakness) }
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
            // Kept outside the system, it shows a substituted key later (`keystore verify --fingerprint`).
            print("master key fingerprint / Fingerabdruck des Hauptschlüssels: \(try Keystore.open(store.location).masterFingerprint())")
            note("keep this fingerprint outside the system (on paper, with the DPO) / diesen Fingerabdruck außerhalb des Systems aufbewahren")
            guard var bytes = adminPassword else {
                note("no administrator created (no terminal): run `vielfalt user add NAME --role admin` / kein Administrator angelegt")
                return
            }
            try UserStore.open(directory: store.location.directory).add(name: admin, role: .admin, password: Password(consuming: &bytes))
            note("first administrator / erste Administration: \(admin)")
        }
    }

    /// The message for a passphrase too weak to protect every answer of the store.
    static func refusal(_ weakness: Passphrase.Weakness) -> InputError {
        switch weakness {
        case .tooShort:
            InputError(field: "passphrase", english: "the passphrase must have at least \(Passphrase.minimumCharacters) characters",
                       german: "Die Passphrase muss mindestens \(Passphrase.minimumCharacters) Zeichen haben.")
        case .tooFewDistinctCharacters:
            InputError(field: "passphrase", english: "the passphrase must use at least 5 different characters",
                       german: "Die Passphrase muss mindestens 5 verschiedene Zeichen enthalten.")
        case .common:
            InputError(field: "passphrase", english: "this passphrase is too common (a demo, example or keyboard pattern): choose another",
                       german: "Diese Passphrase ist zu verbreitet (Demo, Beispiel oder Tastaturmuster): Bitte eine andere wählen.")
        }
    }
}

extension KeyDerivationStrength: ExpressibleByArgument {}
