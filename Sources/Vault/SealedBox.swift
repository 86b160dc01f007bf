import CSodium

/// `crypto_box_seal`: a secret sealed to a public key, opened only with its secret key. It seals
/// period secrets to the master key and, in two-person mode, each half of a pair key to its holder.
enum SealedBox {
    static func seal(_ secret: SecureBytes, to publicKey: PublicKey) -> [UInt8] {
        var sealed = [UInt8](repeating: 0, count: crypto_box_sealbytes() + secret.count)
        secret.withUnsafeBytes { sk in
            _ = sealed.withUnsafeMutableBytes { out in
                publicKey.bytes.withUnsafeBytes { pk in
                    crypto_box_seal(out.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                    sk.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(sk.count),
                                    pk.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        return sealed
    }

    /// Opens into wiped memory; a box of another size or one that does not verify is `what` failing.
    static func open(_ sealed: [UInt8], count: Int, secret: SecretKey, publicKey: PublicKey, what: String) throws -> SecureBytes {
        guard sealed.count == crypto_box_sealbytes() + count else { throw VaultError.malformed(what: what) }
        return try SecureBytes(count: count) { out in
            let rc = sealed.withUnsafeBytes { c in secret.storage.withUnsafeBytes { sk in
                publicKey.bytes.withUnsafeBytes { pk in
                    crypto_box_seal_open(out.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                         c.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(c.count),
                                         pk.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                         sk.baseAddress!.assumingMemoryBound(to: UInt8.self))
                } } }
            guard rc == 0 else { throw VaultError.authenticationFailed(what: what) }
        }
    }
}
