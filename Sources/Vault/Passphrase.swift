import CSodium
import Bilingual

/// The statistics unit's passphrase, held in wiped memory for as long as an unlock takes.
public struct Passphrase: Sendable, CustomStringConvertible {
    let storage: SecureBytes

    /// Takes the passphrase's UTF-8 bytes; the caller's array is wiped. A trailing newline (from a
    /// passphrase file) is dropped. Empty passphrases are refused.
    public init(consuming bytes: inout [UInt8]) throws {
        storage = try SecureBytes.secretLine(consuming: &bytes)
    }

    /// Convenience for tests and the demo. Swift strings cannot be wiped, so production paths read bytes.
    public init(_ string: String) throws {
        var bytes = Array(string.utf8)
        try self.init(consuming: &bytes)
    }

    public var description: String { "Passphrase(redacted)" }
}

/// A passphrase that cannot be used.
public enum PassphraseError: Error, Sendable, CustomStringConvertible {
    case empty
    public var description: String { "the passphrase is empty / die Passphrase ist leer" }
}

/// How hard Argon2id works to turn a passphrase into a key.
///
/// `moderate` (libsodium's recommendation for sensitive data: 256 MiB, about a second) is the
/// default for real stores. `interactive` (64 MiB) exists for tests and demos only.
public enum KeyDerivationStrength: String, Sendable, CaseIterable {
    case interactive, moderate, sensitive

    public var opsLimit: UInt64 {
        switch self {
        case .interactive: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE)
        case .moderate: UInt64(crypto_pwhash_OPSLIMIT_MODERATE)
        case .sensitive: UInt64(crypto_pwhash_OPSLIMIT_SENSITIVE)
        }
    }

    public var memLimit: UInt64 {
        switch self {
        case .interactive: UInt64(crypto_pwhash_MEMLIMIT_INTERACTIVE)
        case .moderate: UInt64(crypto_pwhash_MEMLIMIT_MODERATE)
        case .sensitive: UInt64(crypto_pwhash_MEMLIMIT_SENSITIVE)
        }
    }
}

/// Parameters of the Argon2id derivation, stored in the keystore in the clear.
public struct KeyDerivationParameters: Sendable, Equatable {
    public let salt: [UInt8]
    public let opsLimit: UInt64
    public let memLimit: UInt64

    public init(salt: [UInt8], opsLimit: UInt64, memLimit: UInt64) throws {
        guard salt.count == Int(crypto_pwhash_SALTBYTES) else { throw VaultError.malformed(what: "keystore salt") }
        guard opsLimit >= UInt64(crypto_pwhash_OPSLIMIT_MIN), memLimit >= UInt64(crypto_pwhash_MEMLIMIT_MIN) else {
            throw VaultError.malformed(what: "keystore key-derivation parameters")
        }
        self.salt = salt
        self.opsLimit = opsLimit
        self.memLimit = memLimit
    }

    /// Fresh parameters with a random salt.
    public static func generate(_ strength: KeyDerivationStrength) -> KeyDerivationParameters {
        try! KeyDerivationParameters(salt: Sodium.randomBytes(Int(crypto_pwhash_SALTBYTES)),
                                     opsLimit: strength.opsLimit, memLimit: strength.memLimit)
    }
}

extension PassphraseError: BilingualError {
    public var explanation: (english: String, german: String) {
        ("the passphrase is empty", "Die Passphrase ist leer.")
    }
    public var field: String? { "passphrase" }
    public var exitCode: CommandExitCode { .badInput }
    public var httpStatus: Int { 422 }
}
