import CSodium

/// The secret half of the keystore as it is stored: what the passphrase protects.
///
/// A master X25519 key pair is made at `init`. Its secret is wrapped with a key derived from the
/// statistics passphrase by Argon2id. Each period's secret key is sealed to the master public key,
/// so the entry side can open a new period without the passphrase, yet never decrypt one.
/// Destroying a period's sealed secret is crypto-shredding: no copy of its data can be opened again.
public struct KeystoreEnvelope: Sendable, Equatable {
    public let parameters: KeyDerivationParameters
    public let masterPublicKey: PublicKey
    /// `nonce || XChaCha20-Poly1305(master secret)` under the wrapping key.
    public let wrappedMasterSecret: [UInt8]
    /// A known plaintext under the wrapping key: tells a wrong passphrase from a tampered keystore.
    public let passphraseCheck: [UInt8]

    public init(parameters: KeyDerivationParameters, masterPublicKey: PublicKey,
                wrappedMasterSecret: [UInt8], passphraseCheck: [UInt8]) {
        self.parameters = parameters
        self.masterPublicKey = masterPublicKey
        self.wrappedMasterSecret = wrappedMasterSecret
        self.passphraseCheck = passphraseCheck
    }

    private static let checkText = Array("vielfalt keystore passphrase check v1".utf8)
    private static func masterAD(_ pk: PublicKey) -> [UInt8] { Array("vielfalt master secret v1".utf8) + pk.bytes }

    /// Makes a new master key pair and wraps it under `passphrase`.
    public static func create(passphrase: Passphrase, strength: KeyDerivationStrength) throws -> KeystoreEnvelope {
        try wrapping(KeyPair.generate(), under: passphrase, parameters: KeyDerivationParameters.generate(strength))
    }

    /// `master` wrapped under `passphrase` with `parameters` (whose salt must be fresh).
    static func wrapping(_ master: KeyPair, under passphrase: Passphrase,
                         parameters: KeyDerivationParameters) throws -> KeystoreEnvelope {
        let wrapping = try WrappingKey.derive(from: passphrase, parameters: parameters)
        let wrapped = master.secretKey.storage.withUnsafeBytes {
            AEAD.sealWithRandomNonce($0, ad: masterAD(master.publicKey), key: wrapping.storage)
        }
        let check = checkText.withUnsafeBytes { AEAD.sealWithRandomNonce($0, ad: [], key: wrapping.storage) }
        return KeystoreEnvelope(parameters: parameters, masterPublicKey: master.publicKey,
                                wrappedMasterSecret: wrapped, passphraseCheck: check)
    }

    /// Opens the master secret. Throws ``VaultError/wrongPassphrase`` or, when the passphrase is right
    /// but the wrapped secret does not verify, ``VaultError/authenticationFailed(what:)``.
    public func unlock(with passphrase: Passphrase) throws -> UnlockedKeystore {
        let wrapping = try WrappingKey.derive(from: passphrase, parameters: parameters)
        do {
            _ = try AEAD.openWithNonce(passphraseCheck, ad: [], key: wrapping.storage, what: "passphrase check")
        } catch {
            throw VaultError.wrongPassphrase
        }
        let secret = try SecretKey(storage: AEAD.openWithNonce(
            wrappedMasterSecret, ad: Self.masterAD(masterPublicKey), key: wrapping.storage, what: "master key"))
        guard secret.publicKey == masterPublicKey else {
            throw VaultError.authenticationFailed(what: "master key")
        }
        return UnlockedKeystore(master: secret, masterPublicKey: masterPublicKey)
    }

    /// Seals a new period's secret key to the master public key. Needs no passphrase.
    public func sealPeriodSecret(_ secret: SecretKey) -> [UInt8] {
        Self.sealPeriodSecret(secret, to: masterPublicKey)
    }

    /// The same, with only the master public key at hand (it is all that two-person mode keeps in the clear).
    public static func sealPeriodSecret(_ secret: SecretKey, to masterPublicKey: PublicKey) -> [UInt8] {
        SealedBox.seal(secret.storage, to: masterPublicKey)
    }
}

/// The keystore after a successful unlock: it opens period secret keys, then is wiped with its scope.
public struct UnlockedKeystore: Sendable {
    let master: SecretKey
    let masterPublicKey: PublicKey

    /// Opens a period's sealed secret key and checks that it belongs to `publicKey`.
    public func openPeriodSecret(_ sealed: [UInt8], publicKey: PublicKey, period: Int) throws -> SecretKey {
        let storage = try SealedBox.open(sealed, count: Int(crypto_box_SECRETKEYBYTES), secret: master,
                                         publicKey: masterPublicKey, what: "secret key of period \(period)")
        let secret = try SecretKey(storage: storage)
        guard secret.publicKey == publicKey else { throw VaultError.authenticationFailed(what: "secret key of period \(period)") }
        return secret
    }
}

/// The symmetric key Argon2id derives from the passphrase; it wraps the master secret.
struct WrappingKey {
    let storage: SecureBytes

    static func derive(from passphrase: Passphrase, parameters: KeyDerivationParameters) throws -> WrappingKey {
        let storage = try SecureBytes(count: AEAD.keyBytes) { out in
            let rc = passphrase.storage.withUnsafeBytes { pw in parameters.salt.withUnsafeBytes { salt in
                crypto_pwhash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(out.count),
                              pw.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(pw.count),
                              salt.baseAddress!.assumingMemoryBound(to: UInt8.self),
                              parameters.opsLimit, Int(parameters.memLimit), crypto_pwhash_ALG_ARGON2ID13)
            } }
            guard rc == 0 else { throw VaultError.keyDerivationFailed }
        }
        return WrappingKey(storage: storage)
    }
}
