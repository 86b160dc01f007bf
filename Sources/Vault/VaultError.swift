import Bilingual

/// What can go wrong inside Vault, in words an operator can act on.
///
/// Each error carries an English and a German message; the command line prints the English one,
/// the web application the one in the reader's language. None of them ever contains key material,
/// plaintext or a receipt code.
public enum VaultError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The passphrase does not open the keystore.
    case wrongPassphrase
    /// A ciphertext failed authentication: it was altered, swapped or belongs elsewhere.
    case authenticationFailed(what: String)
    /// A stored key or ciphertext has the wrong size or shape.
    case malformed(what: String)
    /// A value is too long to be sealed in a fixed-size field.
    case valueTooLong(field: String, limit: Int)
    /// A receipt code is not in the printed format.
    case invalidReceiptCode
    /// A paper questionnaire's receipt code whose check character does not match: a typo.
    case mistypedReceiptCode
    /// An invitation code is not in the printed format.
    case invalidInvitationCode
    /// An invitation code's check character does not match: a typo.
    case mistypedInvitationCode
    /// Argon2id could not run (usually: not enough memory for the configured limit).
    case keyDerivationFailed

    public var description: String { english }

    public var english: String {
        switch self {
        case .wrongPassphrase: "wrong passphrase: the keystore could not be unlocked"
        case .authenticationFailed(let what): "tampered or corrupted data: \(what) failed authentication"
        case .malformed(let what): "corrupted data: \(what) has the wrong size or format"
        case .valueTooLong(let field, let limit): "value of field '\(field)' is longer than \(limit) bytes"
        case .invalidReceiptCode: "not a receipt code: expected 20 letters and digits in four groups of five"
        case .mistypedReceiptCode: "the receipt code has a typo: please compare it with the paper form character by character"
        case .invalidInvitationCode: "not an invitation code: expected 20 letters and digits in five groups of four"
        case .mistypedInvitationCode: "the invitation code has a typo: please compare it with the letter character by character"
        case .keyDerivationFailed: "the passphrase key could not be derived (not enough memory?)"
        }
    }

    public var german: String {
        switch self {
        case .wrongPassphrase: "Falsche Passphrase: Der Schlüsselspeicher konnte nicht entsperrt werden."
        case .authenticationFailed(let what): "Manipulierte oder beschädigte Daten: \(what) ist nicht authentisch."
        case .malformed(let what): "Beschädigte Daten: \(what) hat eine falsche Größe oder Form."
        case .valueTooLong(let field, let limit): "Der Wert des Feldes „\(field)“ ist länger als \(limit) Byte."
        case .invalidReceiptCode: "Kein gültiger Quittungscode: erwartet sind 20 Buchstaben und Ziffern in vier Fünfergruppen."
        case .mistypedReceiptCode: "Der Quittungscode enthält einen Tippfehler: Bitte vergleichen Sie ihn Zeichen für Zeichen mit dem Papierbogen."
        case .invalidInvitationCode: "Kein gültiger Einladungscode: erwartet sind 20 Buchstaben und Ziffern in fünf Vierergruppen."
        case .mistypedInvitationCode: "Der Einladungscode enthält einen Tippfehler: Bitte vergleichen Sie ihn Zeichen für Zeichen mit dem Brief."
        case .keyDerivationFailed: "Der Schlüssel konnte nicht aus der Passphrase abgeleitet werden (zu wenig Speicher?)."
        }
    }
}

extension VaultError: BilingualError {
    public var explanation: (english: String, german: String) { (english, german) }

    public var exitCode: CommandExitCode {
        switch self {
        case .invalidReceiptCode, .mistypedReceiptCode, .invalidInvitationCode, .mistypedInvitationCode, .valueTooLong: .badInput
        default: .refusedOrTampered
        }
    }

    public var httpStatus: Int {
        switch self {
        case .wrongPassphrase, .invalidReceiptCode, .mistypedReceiptCode, .invalidInvitationCode, .mistypedInvitationCode, .valueTooLong: 422
        default: 500
        }
    }
}
