import CSodium

/// One keyholder as the keystore holds them: an X25519 key pair of their own whose secret is
/// wrapped under their passphrase (Argon2id with their own salt), and a check value that tells
/// their wrong passphrase from a tampered keystore.
public struct Keyholder: Sendable, Equatable {
    public let name: KeyholderName
    public let parameters: KeyDerivationParameters
    public let publicKey: PublicKey
    /// `nonce || XChaCha20-Poly1305(holder secret)`; the associated data binds name and public key.
    public let wrappedSecret: [UInt8]
    public let passphraseCheck: [UInt8]
    /// BLAKE2b keyed with the master secret over the master public key, the name and the public
    /// key (not the passphrase's parameters, which the holder changes alone). The pairs of a new master key are sealed to the holders' public keys as stored;
    /// without this, whoever can write the keystore could put a key of their own in another
    /// holder's place before a rotation and then hold both halves of a pair.
    public let authenticator: [UInt8]

    public init(name: KeyholderName, parameters: KeyDerivationParameters, publicKey: PublicKey,
                wrappedSecret: [UInt8], passphraseCheck: [UInt8], authenticator: [UInt8]) {
        self.name = name
        self.parameters = parameters
        self.publicKey = publicKey
        self.wrappedSecret = wrappedSecret
        self.passphraseCheck = passphraseCheck
        self.authenticator = authenticator
    }

    private static let checkText = Array("vielfalt keyholder passphrase check v1".utf8)
    private static func checkAD(_ name: KeyholderName) -> [UInt8] { Array("vielfalt keyholder check v1".utf8) + Array(name.text.utf8) }
    private static func secretAD(_ name: KeyholderName, _ pk: PublicKey) -> [UInt8] {
        Array("vielfalt keyholder secret v1".utf8) + pk.bytes + Array(name.text.utf8)
    }

    /// The same holder vouched for by `master` (a new one at a rotation).
    func authenticated(by master: KeyPair) -> Keyholder {
        Keyholder(name: name, parameters: parameters, publicKey: publicKey, wrappedSecret: wrappedSecret,
                  passphraseCheck: passphraseCheck, authenticator: authenticator(master.secretKey, master.publicKey))
    }

    /// Whether `master` vouched for this holder as stored.
    func isAuthentic(_ unlocked: UnlockedKeystore) -> Bool {
        let expected = authenticator(unlocked.master, unlocked.masterPublicKey)
        return expected.count == authenticator.count && sodium_memcmp(expected, authenticator, expected.count) == 0
    }

    private func authenticator(_ secret: SecretKey, _ master: PublicKey) -> [UInt8] {
        let message = Array("vielfalt keyholder record v1".utf8) + master.bytes + Array(name.text.utf8) + [0] + publicKey.bytes
        var out = [UInt8](repeating: 0, count: 32)
        secret.storage.withUnsafeBytes { k in
            _ = crypto_generichash(&out, out.count, message, UInt64(message.count),
                                   k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
        }
        return out
    }

    /// A new keyholder: a fresh key pair wrapped under `passphrase` with a fresh salt (not yet
    /// vouched for: ``KeyholderEnvelope`` does that with the master key it shares).
    static func make(_ name: KeyholderName, passphrase: Passphrase, parameters: KeyDerivationParameters) throws -> Keyholder {
        let pair = KeyPair.generate()
        let fresh = parameters.renewed()
        let key = try WrappingKey.derive(from: passphrase, parameters: fresh)
        let wrapped = pair.secretKey.storage.withUnsafeBytes {
            AEAD.sealWithRandomNonce($0, ad: secretAD(name, pair.publicKey), key: key.storage)
        }
        let check = checkText.withUnsafeBytes { AEAD.sealWithRandomNonce($0, ad: checkAD(name), key: key.storage) }
        return Keyholder(name: name, parameters: fresh, publicKey: pair.publicKey, wrappedSecret: wrapped, passphraseCheck: check,
                         authenticator: [])
    }

    /// The same holder with their secret wrapped under `new` (a fresh salt, the same strength):
    /// needs only their current passphrase, since nothing of the pairs changes.
    public func rewrapped(current: Passphrase, new: Passphrase) throws -> Keyholder {
        let secret = try openSecret(current, position: 1)
        let fresh = parameters.renewed()
        let key = try WrappingKey.derive(from: new, parameters: fresh)
        let wrapped = secret.storage.withUnsafeBytes { AEAD.sealWithRandomNonce($0, ad: Self.secretAD(name, publicKey), key: key.storage) }
        let check = Self.checkText.withUnsafeBytes { AEAD.sealWithRandomNonce($0, ad: Self.checkAD(name), key: key.storage) }
        return Keyholder(name: name, parameters: fresh, publicKey: publicKey, wrappedSecret: wrapped, passphraseCheck: check,
                         authenticator: authenticator)
    }

    /// This holder's secret key; `position` (1 or 2) says which of the two at the unlock they are.
    func openSecret(_ passphrase: Passphrase, position: Int) throws -> SecretKey {
        let key = try WrappingKey.derive(from: passphrase, parameters: parameters)
        do {
            _ = try AEAD.openWithNonce(passphraseCheck, ad: Self.checkAD(name), key: key.storage, what: "passphrase check")
        } catch {
            throw KeyholderError.wrongPassphrase(name, position: position)
        }
        let what = "the secret of keyholder '\(name)'"
        let secret = try SecretKey(storage: AEAD.openWithNonce(wrappedSecret, ad: Self.secretAD(name, publicKey), key: key.storage, what: what))
        guard secret.publicKey == publicKey else { throw VaultError.authenticationFailed(what: what) }
        return secret
    }
}

/// The master secret for one unordered pair of keyholders: wrapped under a pair key made from two
/// random halves, each sealed to one holder's public key. Only the two together open it; and since
/// the halves are sealed to public keys, the pairs can be made anew (a new master key, a new pair)
/// by any two holders without the others present.
public struct KeyholderPair: Sendable, Equatable {
    /// The two names in canonical order (``KeyholderName/canonical(_:_:)``).
    public let first: KeyholderName
    public let second: KeyholderName
    public let sealedHalfFirst: [UInt8]
    public let sealedHalfSecond: [UInt8]
    /// `nonce || XChaCha20-Poly1305(master secret)` under the pair key; the associated data binds
    /// the master public key and both names.
    public let wrappedMasterSecret: [UInt8]

    public init(first: KeyholderName, second: KeyholderName, sealedHalfFirst: [UInt8], sealedHalfSecond: [UInt8],
                wrappedMasterSecret: [UInt8]) {
        self.first = first
        self.second = second
        self.sealedHalfFirst = sealedHalfFirst
        self.sealedHalfSecond = sealedHalfSecond
        self.wrappedMasterSecret = wrappedMasterSecret
    }

    static let halfBytes = 32

    private static func binding(_ label: String, _ master: PublicKey, _ a: KeyholderName, _ b: KeyholderName) -> [UInt8] {
        // Names cannot hold a NUL byte, so the separator keeps "ab"+"c" apart from "a"+"bc".
        Array(label.utf8) + master.bytes + Array(a.text.utf8) + [0] + Array(b.text.utf8)
    }

    /// The master secret wrapped for `a` and `b` (in canonical order).
    static func make(_ master: KeyPair, _ a: Keyholder, _ b: Keyholder) -> KeyholderPair {
        let halfA = SecureBytes(randomCount: halfBytes), halfB = SecureBytes(randomCount: halfBytes)
        let key = pairKey(halfA, halfB, context: binding("vielfalt keyholder pair key v1", master.publicKey, a.name, b.name))
        let wrapped = master.secretKey.storage.withUnsafeBytes {
            AEAD.sealWithRandomNonce($0, ad: binding("vielfalt master secret, keyholder pair v1", master.publicKey, a.name, b.name), key: key)
        }
        return KeyholderPair(first: a.name, second: b.name, sealedHalfFirst: SealedBox.seal(halfA, to: a.publicKey),
                             sealedHalfSecond: SealedBox.seal(halfB, to: b.publicKey), wrappedMasterSecret: wrapped)
    }

    /// Opens the master secret with both holders' secrets.
    func open(_ a: Keyholder, _ secretA: SecretKey, _ b: Keyholder, _ secretB: SecretKey, masterPublicKey: PublicKey) throws -> SecretKey {
        let what = "the master key of keyholders '\(a.name)' and '\(b.name)'"
        let halfA = try SealedBox.open(sealedHalfFirst, count: Self.halfBytes, secret: secretA, publicKey: a.publicKey, what: what)
        let halfB = try SealedBox.open(sealedHalfSecond, count: Self.halfBytes, secret: secretB, publicKey: b.publicKey, what: what)
        let key = Self.pairKey(halfA, halfB, context: Self.binding("vielfalt keyholder pair key v1", masterPublicKey, a.name, b.name))
        let master = try SecretKey(storage: AEAD.openWithNonce(
            wrappedMasterSecret, ad: Self.binding("vielfalt master secret, keyholder pair v1", masterPublicKey, a.name, b.name),
            key: key, what: what))
        guard master.publicKey == masterPublicKey else { throw VaultError.authenticationFailed(what: what) }
        return master
    }

    /// BLAKE2b-256 keyed with both halves over the pair's binding: neither half alone says anything.
    private static func pairKey(_ halfA: SecureBytes, _ halfB: SecureBytes, context: [UInt8]) -> SecureBytes {
        let both = SecureBytes(count: 2 * halfBytes) { out in
            halfA.withUnsafeBytes { out.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: halfBytes) }
            halfB.withUnsafeBytes { (out.baseAddress! + halfBytes).copyMemory(from: $0.baseAddress!, byteCount: halfBytes) }
        }
        return SecureBytes(count: AEAD.keyBytes) { out in
            both.withUnsafeBytes { k in context.withUnsafeBytes { c in
                _ = crypto_generichash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), out.count,
                                       c.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(c.count),
                                       k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
            } }
        }
    }
}
