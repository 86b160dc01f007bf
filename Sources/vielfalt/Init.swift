import ArgumentParser
import Forms
import Operations
import Store
import Vault

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
            var administrator: (name: String, password: Password)?
            do {
                var bytes = try SecretInput.read(file: adminPasswordFile, environment: "VIELFALT_ADMIN_PASSWORD",
                                                 prompt: "Password for \(admin): ", confirm: true, field: "admin-password")
                administrator = (admin, try Password(consuming: &bytes))
            } catch let error as InputError where error.field == "secret" {
                administrator = nil
            }
            let fingerprint = try Installation.create(store.directories(), passphrase: secret, strength: kdf, administrator: administrator)
            note("created a new store: data in \(store.location.directory.path), keys in \(store.location.keysDirectory.path) / neuer Datenbestand angelegt: Daten in \(store.location.directory.path), Schlüssel in \(store.location.keysDirectory.path)")
            note("back the two up separately (vielfalt backup, vielfalt keystore backup) / beide getrennt sichern")
            // Kept outside the system, it shows a substituted key later (`keystore verify --fingerprint`).
            print("master key fingerprint / Fingerabdruck des Hauptschlüssels: \(fingerprint)")
            note("keep this fingerprint outside the system (on paper, with the DPO) / diesen Fingerabdruck außerhalb des Systems aufbewahren")
            if administrator == nil {
                note("no administrator created (no terminal): run `vielfalt user add NAME --role admin` / kein Administrator angelegt")
            } else {
                note("first administrator / erste Administration: \(admin)")
            }
        }
    }
}

extension KeyDerivationStrength: ExpressibleByArgument {}
