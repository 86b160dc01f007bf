import Foundation
import Forms
import Store
import Vault

extension Installation {
    /// Creates a new store in `directories.data`: the keystore wrapped with the statistics
    /// passphrase, the data database, and the first administrator of the web application when
    /// one is given. Everything is checked before anything is created. Returns the master key
    /// fingerprint, to be kept outside the system.
    public static func create(_ directories: Directories, passphrase: Passphrase, strength: KeyDerivationStrength,
                              administrator: (name: String, password: Password)?) throws -> String {
        let location = directories.location
        guard !location.exists else { throw StoreError.alreadyExists(path: location.directory.path) }
        if let weakness = passphrase.weakness { throw refusal(weakness) }
        if let administrator {
            try UserStore.checkName(administrator.name)
            guard UserStore.passwordLengths.contains(administrator.password.byteCount) else {
                throw InputError(field: "admin-password",
                                 english: "the password must have \(UserStore.passwordLengths.lowerBound) to \(UserStore.passwordLengths.upperBound) characters",
                                 german: "Das Passwort muss \(UserStore.passwordLengths.lowerBound) bis \(UserStore.passwordLengths.upperBound) Zeichen haben.")
            }
        }
        try location.initialise(passphrase: passphrase, strength: strength)
        if let administrator {
            try UserStore.open(directory: directories.data).add(name: administrator.name, role: .admin, password: administrator.password)
        }
        return try Keystore.open(location).masterFingerprint()
    }

    /// The message for a passphrase too weak to protect every answer of the store.
    static func refusal(_ weakness: Passphrase.Weakness, field: String = "passphrase") -> InputError {
        var error = refusalText(weakness)
        error.field = field
        return error
    }

    private static func refusalText(_ weakness: Passphrase.Weakness) -> InputError {
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

    /// Whether the master public key has the fingerprint kept outside the system; checked without
    /// the passphrase, so that a substituted key is found before anyone types it.
    public func checkFingerprint(_ fingerprint: String) throws {
        guard try keystore.matchesFingerprint(fingerprint) else {
            throw StoreError.keyTampered("the master public key does not have the fingerprint given")
        }
    }

    /// Unlocks the keystore (passphrase or two keyholders) and checks every period key still held,
    /// changing nothing.
    public func verifyKeystore(_ unlock: KeystoreUnlock) throws -> (held: [Int], destroyed: [Int]) {
        try keystore.verify(unlock)
    }

    public func verifyKeystore(_ passphrase: Passphrase) throws -> (held: [Int], destroyed: [Int]) {
        try verifyKeystore(.passphrase(passphrase))
    }

    /// Wraps the master key under a new statistics passphrase (checked like at `init`); the old one
    /// opens nothing afterwards. Recorded in the audit log. A keystore held by keyholders has no
    /// passphrase to change: its holders are named anew instead.
    public func changePassphrase(current: Passphrase, new: Passphrase, by actor: Actor) throws {
        guard try !keystore.isHeldByKeyholders() else {
            throw InputError(field: "passphrase",
                             english: "this keystore is held by keyholders and has no statistics passphrase: each keyholder changes their own (vielfalt keystore passphrase --holder NAME); to change who holds it, two of them name the keyholders anew (vielfalt keystore holders set NAME NAME …)",
                             german: "Dieser Schlüsselspeicher wird von Schlüsselhaltern verwahrt und hat keine Passphrase der Statistikstelle: Jeder Schlüsselhalter ändert die eigene (vielfalt keystore passphrase --holder NAME); wer ihn verwahrt, ändern zwei von ihnen, indem sie die Schlüsselhalter neu benennen (vielfalt keystore holders set NAME NAME …).")
        }
        if let weakness = new.weakness { throw Self.refusal(weakness) }
        try deciding { try keystore.changePassphrase(current: current, new: new) }
        try data.recordEvent("keystore passphrase changed", by: actor)
    }

    /// Replaces the master key and seals every period key still held to the new one; recorded in
    /// the audit log with the new generation. Returns the new fingerprint, to be kept outside.
    public func rotateMasterKey(_ unlock: KeystoreUnlock, by actor: Actor) throws -> (generation: Int, fingerprint: String) {
        let rotated = try deciding { try keystore.rotateMasterKey(unlock) }
        try data.recordEvent("master key rotated", detail: [("generation", String(rotated.generation))], by: actor)
        logDone(.rotation, ["generation": .count(rotated.generation)])
        return rotated
    }

    public func rotateMasterKey(_ passphrase: Passphrase, by actor: Actor) throws -> (generation: Int, fingerprint: String) {
        try rotateMasterKey(.passphrase(passphrase), by: actor)
    }

    /// Makes the master key rotation a purge left pending (a purge runs without the passphrase),
    /// with an unlock that the caller has or is about to prove; audited. Call it inside `deciding`.
    /// Returns the new generation, nil when none was pending.
    @discardableResult
    func completePendingRotation(_ unlock: KeystoreUnlock, by actor: Actor) throws -> Int? {
        guard try keystore.isRotationPending() else { return nil }
        let rotated = try keystore.rotateMasterKey(unlock)
        try data.recordEvent("master key rotated", detail: [("generation", String(rotated.generation)), ("after", "purge")], by: actor)
        logDone(.rotation, ["generation": .count(rotated.generation), "after_purge": .count(1)])
        return rotated.generation
    }

    /// Whether the store opens with the published demo passphrase: then it holds no real answer,
    /// and the demo logins may be made.
    public func opensWith(_ passphrase: Passphrase) -> Bool {
        (try? keystore.unlock(passphrase)) != nil
    }
}
