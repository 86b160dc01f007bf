import Foundation

/// The name of a keyholder in two-person mode: shown in the audit and typed at every unlock, so it
/// is kept short and plain (1 to 64 letters, digits, spaces, `.`, `-`, `_`; Unicode NFC).
public struct KeyholderName: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// Checks the name; `field` says where it was given, since a refused name is not echoed (it may
    /// be a passphrase typed into the wrong field).
    public init(_ text: String, field: String = "holder") throws {
        let name = text.precomposedStringWithCanonicalMapping
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-" || $0 == "_" }
        guard (1...64).contains(name.count), allowed, name.first != " ", name.last != " " else {
            throw KeyholderError.invalidName(field: field)
        }
        self.text = name
    }

    public var description: String { text }

    /// The order in which a pair's names are bound into its key: by UTF-8 bytes, the same everywhere.
    static func canonical(_ a: KeyholderName, _ b: KeyholderName) -> Bool {
        Array(a.text.utf8).lexicographicallyPrecedes(Array(b.text.utf8))
    }
}

/// One keyholder's name with the passphrase they typed.
public struct HolderPassphrase: Sendable {
    public let name: KeyholderName
    public let passphrase: Passphrase

    public init(name: KeyholderName, passphrase: Passphrase) {
        self.name = name
        self.passphrase = passphrase
    }
}

/// What a person brings to open the keystore: the statistics passphrase, or, when the keystore is
/// held by keyholders (Vier-Augen-Prinzip), two keyholders with their passphrases.
public enum KeystoreUnlock: Sendable {
    case passphrase(Passphrase)
    case holders(HolderPassphrase, HolderPassphrase)
}
