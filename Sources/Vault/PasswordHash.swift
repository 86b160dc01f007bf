import CSodium

/// A login password, held in wiped memory from the moment it is read until it is hashed or checked.
///
/// Like ``Passphrase`` it never prints itself. Empty passwords are refused; the web application adds
/// its own length rules when a password is set.
public struct Password: Sendable, CustomStringConvertible {
    let storage: SecureBytes

    /// Takes the password's UTF-8 bytes; the caller's array is wiped. A trailing newline (from a
    /// password file) is dropped.
    public init(consuming bytes: inout [UInt8]) throws {
        storage = try SecureBytes.secretLine(consuming: &bytes)
    }

    /// For form fields and tests: Swift strings cannot be wiped, so keep their lifetime short.
    public init(_ string: String) throws {
        var bytes = Array(string.utf8)
        try self.init(consuming: &bytes)
    }

    /// The length in UTF-8 bytes, for length rules.
    public var byteCount: Int { storage.count }

    public var description: String { "Password(redacted)" }
}

/// How hard Argon2id works on a login password.
///
/// `interactive` (64 MiB, 2 passes) is libsodium's recommendation for online logins and well above
/// OWASP's minimum for Argon2id. `minimum` exists only so that tests with many logins stay fast;
/// verification reads the parameters from the stored hash, so either kind verifies anywhere.
public enum PasswordHashStrength: String, Sendable, CaseIterable {
    case interactive, moderate, minimum

    var opsLimit: UInt64 {
        switch self {
        case .interactive: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE)
        case .moderate: UInt64(crypto_pwhash_OPSLIMIT_MODERATE)
        case .minimum: UInt64(crypto_pwhash_OPSLIMIT_MIN)
        }
    }

    var memLimit: Int {
        switch self {
        case .interactive: Int(crypto_pwhash_MEMLIMIT_INTERACTIVE)
        case .moderate: Int(crypto_pwhash_MEMLIMIT_MODERATE)
        case .minimum: Int(crypto_pwhash_MEMLIMIT_MIN)
        }
    }
}

/// An Argon2id password hash in libsodium's self-describing string form (`$argon2id$v=19$m=…`).
///
/// The string holds algorithm, parameters, salt and hash, and is what a user table stores. Build one
/// with ``init(hashing:strength:)`` or from a stored string with ``init(encoded:)``; check a login
/// with ``verify(_:)``, which runs in time independent of where a guess differs.
public struct PasswordHash: Sendable, Equatable, CustomStringConvertible {
    /// The encoded hash, for storage.
    public let encoded: String

    /// Hashes `password` with a fresh random salt. Throws ``VaultError/keyDerivationFailed`` when
    /// Argon2id cannot get its memory.
    public init(hashing password: Password, strength: PasswordHashStrength = .interactive) throws {
        Sodium.ensureReady()
        var out = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        let status = password.storage.withUnsafeBytes { secret in
            crypto_pwhash_str(&out, secret.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(secret.count),
                              strength.opsLimit, strength.memLimit)
        }
        guard status == 0 else { throw VaultError.keyDerivationFailed }
        encoded = String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A stored hash. Throws ``VaultError/malformed(what:)`` unless it is an Argon2id string.
    public init(encoded: String) throws {
        guard encoded.hasPrefix("$argon2id$"), encoded.utf8.count < crypto_pwhash_strbytes(),
              encoded.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw VaultError.malformed(what: "password hash")
        }
        self.encoded = encoded
    }

    /// Whether `password` is the one this hash was made from.
    public func verify(_ password: Password) -> Bool {
        Sodium.ensureReady()
        var stored = Array(encoded.utf8CString)
        stored.append(contentsOf: repeatElement(0, count: max(0, crypto_pwhash_strbytes() - stored.count)))
        return password.storage.withUnsafeBytes { secret in
            crypto_pwhash_str_verify(stored, secret.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(secret.count)) == 0
        }
    }

    /// Whether the hash was made with other parameters than `strength` asks for today.
    public func needsRehash(_ strength: PasswordHashStrength = .interactive) -> Bool {
        var stored = Array(encoded.utf8CString)
        stored.append(contentsOf: repeatElement(0, count: max(0, crypto_pwhash_strbytes() - stored.count)))
        return crypto_pwhash_str_needs_rehash(stored, strength.opsLimit, strength.memLimit) != 0
    }

    public var description: String { "PasswordHash(redacted)" }
}
