import Bilingual

/// Why two-person unlock or a change of keyholders was refused. The messages name the keyholder by
/// position, and by name only when the name is one of the keystore's: a name that is not may be a
/// passphrase typed into the wrong field.
public enum KeyholderError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidName(field: String)
    case tooFewHolders
    case duplicateHolder(KeyholderName)
    /// `position` 1 or 2: which of the two keyholders at the unlock.
    case unknownHolder(position: Int)
    case sameHolderTwice(KeyholderName)
    case wrongPassphrase(KeyholderName, position: Int)
    /// One passphrase given where two keyholders must unlock.
    case twoHoldersNeeded
    /// Keyholders given for a keystore that opens with the one statistics passphrase.
    case notHeldByKeyholders

    public var description: String { explanation.english }

    private static func ordinal(_ position: Int) -> (english: String, german: String) {
        position == 1 ? ("first", "erste") : ("second", "zweite")
    }
}

extension KeyholderError: BilingualError {
    public var explanation: (english: String, german: String) {
        switch self {
        case .invalidName(let field):
            ("field '\(field)': a keyholder's name must have 1 to 64 characters (letters, digits, spaces inside, '.', '-', '_')",
             "Feld „\(field)“: Der Name einer Schlüsselhalterin oder eines Schlüsselhalters muss 1 bis 64 Zeichen haben (Buchstaben, Ziffern, Leerzeichen im Namen, „.“, „-“, „_“).")
        case .tooFewHolders:
            ("two-person unlock needs at least 2 keyholders", "Das Vier-Augen-Prinzip braucht mindestens 2 Schlüsselhalter.")
        case .duplicateHolder(let name):
            ("the keyholder '\(name)' is named twice (names must differ, also in case)",
             "Schlüsselhalter „\(name)“ ist doppelt genannt (Namen müssen sich unterscheiden, auch in Groß-/Kleinschreibung).")
        case .unknownHolder(let position):
            ("the \(Self.ordinal(position).english) keyholder's name is not a keyholder of this keystore (see vielfalt keystore holders); nothing was decrypted",
             "Der Name des \(Self.ordinal(position).german)n Schlüsselhalters gehört zu keinem Schlüsselhalter dieses Schlüsselspeichers (siehe vielfalt keystore holders); nichts wurde entschlüsselt.")
        case .sameHolderTwice(let name):
            ("'\(name)' was given as both keyholders: two different keyholders must unlock; nothing was decrypted",
             "„\(name)“ wurde als beide Schlüsselhalter angegeben: Zwei verschiedene Schlüsselhalter müssen entsperren; nichts wurde entschlüsselt.")
        case .wrongPassphrase(let name, let position):
            ("wrong passphrase of the \(Self.ordinal(position).english) keyholder, '\(name)': the keystore was not unlocked, nothing was decrypted",
             "Falsche Passphrase des \(Self.ordinal(position).german)n Schlüsselhalters „\(name)“: Der Schlüsselspeicher wurde nicht entsperrt, nichts wurde entschlüsselt.")
        case .twoHoldersNeeded:
            ("this keystore is held by keyholders (two-person unlock): two of them must give their name and passphrase; nothing was decrypted",
             "Dieser Schlüsselspeicher wird von Schlüsselhaltern verwahrt (Vier-Augen-Prinzip): Zwei von ihnen müssen Namen und Passphrase angeben; nichts wurde entschlüsselt.")
        case .notHeldByKeyholders:
            ("this keystore opens with the statistics passphrase, not with keyholders",
             "Dieser Schlüsselspeicher wird mit der Passphrase der Statistikstelle entsperrt, nicht von Schlüsselhaltern.")
        }
    }

    public var field: String? {
        switch self {
        case .invalidName(let field): field
        case .unknownHolder(let position): position == 1 ? "holder" : "second_holder"
        case .wrongPassphrase(_, let position): position == 1 ? "passphrase" : "second_passphrase"
        case .sameHolderTwice: "second_holder"
        case .tooFewHolders, .duplicateHolder: "holder"
        case .twoHoldersNeeded, .notHeldByKeyholders: "passphrase"
        }
    }

    public var exitCode: CommandExitCode {
        if case .wrongPassphrase = self { return .refusedOrTampered }
        return .badInput
    }

    public var httpStatus: Int { 422 }
}
