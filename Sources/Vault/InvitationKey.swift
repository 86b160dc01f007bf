import CSodium

/// The key that turns an invitation code into what the data store may hold: the lookup hash of the
/// invitation and the key its sealed context opens with.
///
/// It is derived from the ``ReceiptKey`` (libsodium's KDF, its own context), so it lives where that
/// key lives, in the keystore apart from the data, and the entry side holds it without the
/// statistics passphrase. A stolen data directory therefore holds neither a code nor anything to
/// test guessed codes against; the keystore alone holds no code either.
public struct InvitationKey: Sendable, CustomStringConvertible {
    let storage: SecureBytes

    init(storage: SecureBytes) { self.storage = storage }

    /// The lookup hash stored as the invitation's key: BLAKE2b-256 keyed, over a domain and the code.
    public func lookupHash(_ code: InvitationCode) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        hash(domain: "vielfalt invitation lookup v1", code: code) { digest in out.withUnsafeMutableBytes { $0.copyMemory(from: digest) } }
        return out
    }

    /// Seals the invitation's context values (codes, as validated) under a key only the code opens.
    /// The values are padded to one size, so the ciphertext's length tells no unit from another.
    public func sealContext(_ values: [String], code: InvitationCode, binding: InvitationBinding) throws -> [UInt8] {
        var plain = try Self.encode(values)
        defer { plain.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        let key = contextKey(code)
        return plain.withUnsafeBytes { AEAD.sealWithRandomNonce($0, ad: binding.associatedData(lookupHash(code)), key: key) }
    }

    /// Opens what ``sealContext(_:code:binding:)`` sealed; a wrong code or a moved row fails
    /// authentication.
    public func openContext(_ sealed: [UInt8], code: InvitationCode, binding: InvitationBinding) throws -> [String] {
        let plain = try AEAD.openWithNonce(sealed, ad: binding.associatedData(lookupHash(code)), key: contextKey(code),
                                           what: "invitation context")
        return try plain.withUnsafeBytes { try Self.decode($0) }
    }

    /// The context key: BLAKE2b-256 keyed with this key, over another domain and the code.
    private func contextKey(_ code: InvitationCode) -> SecureBytes {
        SecureBytes(count: 32) { out in hash(domain: "vielfalt invitation context v1", code: code) { out.copyMemory(from: $0) } }
    }

    /// Hashes domain ‖ 0 ‖ code in wiped memory and hands the digest (wiped after) to `body`.
    private func hash(domain: String, code: InvitationCode, _ body: (UnsafeRawBufferPointer) -> Void) {
        let prefix = Array(domain.utf8) + [0]
        let message = SecureBytes(count: prefix.count + InvitationCode.characterCount) { m in
            m.copyBytes(from: prefix)
            code.normalised.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: m[prefix.count...]).copyMemory(from: $0) }
        }
        let digest = SecureBytes(count: 32) { out in
            message.withUnsafeBytes { m in storage.withUnsafeBytes { k in
                _ = crypto_generichash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), 32,
                                       m.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(m.count),
                                       k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
            } }
        }
        digest.withUnsafeBytes(body)
    }

    /// Padded size of a sealed context's plaintext; the values with their length bytes must fit.
    static let paddedBytes = 128

    static func encode(_ values: [String]) throws -> [UInt8] {
        var plain = [UInt8](repeating: 0, count: paddedBytes)
        var length = 0
        for value in values {
            let bytes = Array(value.utf8)
            guard bytes.count < 256, length + 1 + bytes.count < paddedBytes else {
                plain.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) }
                throw VaultError.valueTooLong(field: "context", limit: paddedBytes - 1 - values.count)
            }
            plain[length] = UInt8(bytes.count)
            plain.replaceSubrange(length + 1..<length + 1 + bytes.count, with: bytes)
            length += 1 + bytes.count
        }
        var padded = 0
        _ = plain.withUnsafeMutableBytes {
            sodium_pad(&padded, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), length, paddedBytes, paddedBytes)
        }
        return plain
    }

    static func decode(_ plain: UnsafeRawBufferPointer) throws -> [String] {
        var length = 0
        guard plain.count == paddedBytes,
              sodium_unpad(&length, plain.baseAddress!.assumingMemoryBound(to: UInt8.self), plain.count, paddedBytes) == 0 else {
            throw VaultError.malformed(what: "invitation context")
        }
        var values: [String] = []
        var index = 0
        while index < length {
            let count = Int(plain[index])
            guard index + 1 + count <= length else { throw VaultError.malformed(what: "invitation context") }
            values.append(String(decoding: plain[index + 1..<index + 1 + count], as: UTF8.self))
            index += 1 + count
        }
        return values
    }

    public var description: String { "InvitationKey(redacted)" }
}

/// What an invitation's sealed context is bound to besides its lookup hash: form, version, period.
public struct InvitationBinding: Sendable, Hashable {
    public let formID: String
    public let formVersion: Int
    public let period: Int

    public init(formID: String, formVersion: Int, period: Int) {
        self.formID = formID
        self.formVersion = formVersion
        self.period = period
    }

    func associatedData(_ lookupHash: [UInt8]) -> [UInt8] {
        var ad = Array("vielfalt invitation v1".utf8) + lookupHash
        ad.append(UInt8(truncatingIfNeeded: formID.utf8.count))
        ad += formID.utf8
        ad += withUnsafeBytes(of: UInt32(truncatingIfNeeded: formVersion).bigEndian, Array.init)
        ad += withUnsafeBytes(of: Int32(truncatingIfNeeded: period).bigEndian, Array.init)
        return ad
    }
}

extension ReceiptKey {
    /// The invitation key, derived from this key with libsodium's KDF under its own context, so
    /// that neither key tells anything about the other's hashes.
    public func invitationKey() -> InvitationKey {
        InvitationKey(storage: SecureBytes(count: Int(crypto_kdf_KEYBYTES)) { out in
            storage.withUnsafeBytes { k in
                _ = crypto_kdf_derive_from_key(out.baseAddress!.assumingMemoryBound(to: UInt8.self), out.count, 1, "vfinvite",
                                               k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        })
    }
}
