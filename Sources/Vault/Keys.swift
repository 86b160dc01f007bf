import CSodium

/// An X25519 public key of a retention period (or of the keystore's master key pair).
///
/// Public keys are not secret: the entry side holds them to encrypt, and they are stored in the clear.
public struct PublicKey: Sendable, Hashable {
    /// The 32 key bytes.
    public let bytes: [UInt8]

    /// Checks the length; a wrong-sized key is a corrupted keystore.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == Int(crypto_box_PUBLICKEYBYTES) else {
            throw VaultError.malformed(what: "public key")
        }
        self.bytes = bytes
    }
}

/// An X25519 secret key. It cannot be printed, is wiped when released, and never leaves Vault as bytes.
public struct SecretKey: Sendable, CustomStringConvertible {
    let storage: SecureBytes

    init(storage: SecureBytes) throws {
        guard storage.count == Int(crypto_box_SECRETKEYBYTES) else {
            throw VaultError.malformed(what: "secret key")
        }
        self.storage = storage
    }

    /// The public key that belongs to this secret key.
    public var publicKey: PublicKey {
        var pk = [UInt8](repeating: 0, count: Int(crypto_box_PUBLICKEYBYTES))
        storage.withUnsafeBytes { sk in
            _ = pk.withUnsafeMutableBufferPointer {
                crypto_scalarmult_base($0.baseAddress!, sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        // Cannot fail: the size is fixed above.
        return try! PublicKey(bytes: pk)
    }

    public var description: String { "SecretKey(redacted)" }
}

/// A fresh X25519 key pair.
public struct KeyPair: Sendable {
    public let publicKey: PublicKey
    public let secretKey: SecretKey

    /// Generates a key pair from the system's CSPRNG.
    public static func generate() -> KeyPair {
        Sodium.ensureReady()
        var pk = [UInt8](repeating: 0, count: Int(crypto_box_PUBLICKEYBYTES))
        let sk = SecureBytes(count: Int(crypto_box_SECRETKEYBYTES)) { skPtr in
            _ = pk.withUnsafeMutableBufferPointer {
                crypto_box_keypair($0.baseAddress!, skPtr.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        return KeyPair(publicKey: try! PublicKey(bytes: pk), secretKey: try! SecretKey(storage: sk))
    }
}

/// A 256-bit symmetric key for XChaCha20-Poly1305: a batch's data key or the keystore's wrapping key.
public struct DataKey: Sendable, CustomStringConvertible {
    let storage: SecureBytes

    init(storage: SecureBytes) {
        precondition(storage.count == Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES))
        self.storage = storage
    }

    /// A random key.
    public static func random() -> DataKey {
        DataKey(storage: SecureBytes(randomCount: Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)))
    }

    public var description: String { "DataKey(redacted)" }
}

/// The key that turns a receipt code into the keyed BLAKE2b hash stored beside its response.
///
/// It is not a decryption key: the entry side holds it to record and withdraw receipts. It keeps a
/// stolen database from being searched for a code without the keystore.
public struct ReceiptKey: Sendable, CustomStringConvertible {
    let storage: SecureBytes

    /// A fresh random key, made once by `init` of a store.
    public static func generate() -> ReceiptKey {
        ReceiptKey(storage: SecureBytes(randomCount: Int(crypto_generichash_KEYBYTES)))
    }

    /// Restores the key from the keystore; the caller's array is wiped.
    public init(consuming bytes: inout [UInt8]) throws {
        guard bytes.count == Int(crypto_generichash_KEYBYTES) else {
            throw VaultError.malformed(what: "receipt key")
        }
        storage = SecureBytes(consuming: &bytes)
    }

    private init(storage: SecureBytes) { self.storage = storage }

    /// The bytes to store in the keystore. Only the keystore writer calls this.
    public func exportForKeystore() -> [UInt8] {
        storage.withUnsafeBytes { Array($0) }
    }

    public var description: String { "ReceiptKey(redacted)" }
}
