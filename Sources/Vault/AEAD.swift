import CSodium

/// XChaCha20-Poly1305-IETF with a caller-chosen nonce; the only AEAD Vielfalt uses.
enum AEAD {
    static let keyBytes = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    static let nonceBytes = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    static let tagBytes = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)

    /// Encrypts `plaintext` into `output` (which must hold plaintext + tag bytes).
    static func seal(_ plaintext: UnsafeRawBufferPointer, ad: UnsafeRawBufferPointer,
                     nonce: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer,
                     into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= plaintext.count + tagBytes && nonce.count == nonceBytes && key.count == keyBytes)
        var written: UInt64 = 0
        crypto_aead_xchacha20poly1305_ietf_encrypt(
            output.baseAddress!.assumingMemoryBound(to: UInt8.self), &written,
            plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
            ad.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(ad.count), nil,
            nonce.baseAddress!.assumingMemoryBound(to: UInt8.self),
            key.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }

    /// Decrypts and authenticates; returns false when the tag does not verify.
    static func open(_ ciphertext: UnsafeRawBufferPointer, ad: UnsafeRawBufferPointer,
                     nonce: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer,
                     into output: UnsafeMutableRawBufferPointer) -> Bool {
        guard ciphertext.count >= tagBytes, output.count >= ciphertext.count - tagBytes,
              nonce.count == nonceBytes, key.count == keyBytes else { return false }
        var written: UInt64 = 0
        return crypto_aead_xchacha20poly1305_ietf_decrypt(
            output.baseAddress?.assumingMemoryBound(to: UInt8.self), &written, nil,
            ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(ciphertext.count),
            ad.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(ad.count),
            nonce.baseAddress!.assumingMemoryBound(to: UInt8.self),
            key.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 0
    }

    /// Seals a whole message with a random nonce: `nonce || ciphertext || tag`.
    static func sealWithRandomNonce(_ plaintext: UnsafeRawBufferPointer, ad: [UInt8], key: SecureBytes) -> [UInt8] {
        let nonce = Sodium.randomBytes(nonceBytes)
        var out = [UInt8](repeating: 0, count: nonceBytes + plaintext.count + tagBytes)
        out.withUnsafeMutableBytes { o in
            o.copyBytes(from: nonce)
            ad.withUnsafeBytes { adp in nonce.withUnsafeBytes { np in key.withUnsafeBytes { kp in
                seal(plaintext, ad: adp, nonce: np, key: kp,
                     into: UnsafeMutableRawBufferPointer(rebasing: o[nonceBytes...]))
            } } }
        }
        return out
    }

    /// Opens `nonce || ciphertext || tag` into wiped secure memory.
    static func openWithNonce(_ message: [UInt8], ad: [UInt8], key: SecureBytes, what: String) throws -> SecureBytes {
        guard message.count >= nonceBytes + tagBytes + 1 else { throw VaultError.malformed(what: what) }
        return try SecureBytes(count: message.count - nonceBytes - tagBytes) { out in
            let ok = message.withUnsafeBytes { m in ad.withUnsafeBytes { adp in key.withUnsafeBytes { kp in
                open(UnsafeRawBufferPointer(rebasing: m[nonceBytes...]), ad: adp,
                     nonce: UnsafeRawBufferPointer(rebasing: m[..<nonceBytes]), key: kp, into: out)
            } } }
            guard ok else { throw VaultError.authenticationFailed(what: what) }
        }
    }
}
