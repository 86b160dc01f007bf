import CSodium
import Foundation

/// A whole file sealed so that any two keyholders, and no one alone, open it: what a keystore
/// backup is on disk once keyholders hold the keystore.
///
/// Layout: `VFKB2` · salt (16 bytes) · the keyholder envelope (``KeyholderEnvelope/serialized()``,
/// length-prefixed) · nonce · XChaCha20-Poly1305 of the file, with everything before the nonce as
/// associated data. The key is BLAKE2b keyed with the master secret over the salt: opening it
/// takes two keyholders unlocking the envelope in the header, which is the keystore's own as it
/// was when the backup was made (its holders and their passphrases of that day).
public enum KeyholderSealedFile {
    static let magic = Array("VFKB2".utf8)

    /// Whether `bytes` begin like a file sealed for keyholders.
    public static func isSealedForKeyholders(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }

    /// Seals the file at `url` for the holders of `envelope`; `unlocked` is its master key, opened by two of them.
    public static func seal(file url: URL, envelope: KeyholderEnvelope, unlocked: UnlockedKeystore) throws -> [UInt8] {
        guard unlocked.masterPublicKey == envelope.masterPublicKey else { throw VaultError.authenticationFailed(what: "master key") }
        let contents = try PassphraseSealedFile.readSecret(url)
        let salt = Sodium.randomBytes(16), holders = envelope.serialized()
        let header = magic + salt + length(holders.count) + holders
        let key = fileKey(unlocked, salt: salt)
        return header + contents.withUnsafeBytes { AEAD.sealWithRandomNonce($0, ad: header, key: key) }
    }

    /// The keyholders in a sealed file's header, to unlock with two of them.
    public static func envelope(_ sealed: [UInt8]) throws -> KeyholderEnvelope {
        let (holders, _) = try parts(sealed)
        return try KeyholderEnvelope(serialized: holders)
    }

    /// Opens a sealed file into the existing, empty file at `url` from locked memory; `unlocked`
    /// is the header's envelope opened by two keyholders. An altered file writes nothing.
    public static func open(_ sealed: [UInt8], unlocked: UnlockedKeystore, into url: URL) throws {
        let (holders, headerSize) = try parts(sealed)
        let salt = Array(sealed[magic.count..<(magic.count + 16)])
        guard try KeyholderEnvelope(serialized: holders).masterPublicKey == unlocked.masterPublicKey else {
            throw VaultError.authenticationFailed(what: "the keystore backup")
        }
        let opened = try AEAD.openWithNonce(Array(sealed[headerSize...]), ad: Array(sealed.prefix(headerSize)),
                                            key: fileKey(unlocked, salt: salt), what: "the keystore backup (altered file)")
        try PassphraseSealedFile.writeOpened(opened, into: url)
    }

    private static func parts(_ sealed: [UInt8]) throws -> (holders: [UInt8], headerSize: Int) {
        let start = magic.count + 16 + 4
        guard sealed.count > start, isSealedForKeyholders(sealed) else { throw VaultError.malformed(what: "the keystore backup") }
        let count = (0..<4).reduce(0) { $0 | Int(sealed[magic.count + 16 + $1]) << (8 * $1) }
        guard sealed.count - start > count else { throw VaultError.malformed(what: "the keystore backup") }
        return (Array(sealed[start..<(start + count)]), start + count)
    }

    private static func length(_ count: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: UInt32(count) >> (8 * $0)) } }

    private static func fileKey(_ unlocked: UnlockedKeystore, salt: [UInt8]) -> SecureBytes {
        let message = Array("vielfalt keystore backup for keyholders v1".utf8) + salt
        return SecureBytes(count: AEAD.keyBytes) { out in
            unlocked.master.storage.withUnsafeBytes { k in message.withUnsafeBytes { m in
                _ = crypto_generichash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), out.count,
                                       m.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(m.count),
                                       k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
            } }
        }
    }
}
