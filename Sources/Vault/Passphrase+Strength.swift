/// The floor a new keystore's passphrase must clear.
///
/// Argon2id makes every offline guess cost a second, which protects a passphrase of some length
/// and nothing that is guessed in the first thousand tries. The rule is deliberately small: a
/// length floor, a few distinct characters, and no passphrase from a short list of the obvious
/// (published demo and example passphrases, keyboard rows, the words of the domain).
extension Passphrase {
    public static let minimumCharacters = 12

    public enum Weakness: Sendable, Equatable {
        case tooShort, tooFewDistinctCharacters, common
    }

    /// Why the passphrase is too weak for a new keystore, or nil. Reads the bytes in place.
    public var weakness: Weakness? {
        storage.withUnsafeBytes { bytes -> Weakness? in
            // UTF-8 continuation bytes (10xxxxxx) do not start a character.
            let characters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            guard characters >= Self.minimumCharacters else { return .tooShort }
            guard Set(bytes).count >= 5 else { return .tooFewDistinctCharacters }
            let folded = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            var common = false
            for word in Self.commonPassphrases where word.utf8.count == folded.count {
                common = common || word.utf8.elementsEqual(folded)
            }
            return common ? .common : nil
        }
    }

    static let commonPassphrases = [
        "vielfalt-demo", "vielfalt-demo!", "vielfalt2025", "vielfalt2026", "vielfalt12345", "vielfaltvielfalt",
        "statistikstelle", "statistikstelle1", "statistik1234", "statistik2025", "statistik2026",
        "passwort1234", "passwort12345", "passwortpasswort", "password1234", "password12345", "passwordpassword",
        "geheim123456", "geheimgeheim", "123456789012", "1234567890123", "12345678901234", "qwertzuiopü+",
        "qwertzuiop12", "qwertyuiop12", "asdfghjkl123", "hallo1234567", "willkommen123", "sommer2025!!",
        "changeme1234", "letmein12345", "iloveyou1234", "administrator", "administrator1",
    ]
}
