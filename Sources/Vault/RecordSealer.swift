import CSodium

/// What a sealed record is bound to: a ciphertext opens only under exactly this binding.
///
/// The associated data of every field names the response, the field, the form and its version, and
/// the period, so that a ciphertext copied to another record, field, form or period fails to open.
public struct RecordBinding: Sendable, Hashable {
    public let responseID: ResponseID
    public let formID: String
    public let formVersion: Int
    public let period: Int

    public init(responseID: ResponseID, formID: String, formVersion: Int, period: Int) {
        self.responseID = responseID
        self.formID = formID
        self.formVersion = formVersion
        self.period = period
    }

    func associatedDataPrefix() -> [UInt8] {
        var ad = Array("vielfalt field v1".utf8)
        ad += responseID.bytes
        ad.append(UInt8(truncatingIfNeeded: formID.utf8.count))
        ad += formID.utf8
        ad += withUnsafeBytes(of: UInt32(truncatingIfNeeded: formVersion).bigEndian, Array.init)
        ad += withUnsafeBytes(of: Int32(truncatingIfNeeded: period).bigEndian, Array.init)
        return ad
    }
}

/// The layout of a sealed record: one random nonce, then one fixed-size ciphertext per field.
///
/// Every value is padded to ``paddedBytes`` before encryption, so a ciphertext's length does not tell
/// `no` from `not_german`. Field *i* uses the record nonce with its first two bytes xored with *i*:
/// unique per field under the batch key, without storing 24 bytes per field.
public enum RecordSealer {
    /// Padded plaintext size of each field; a value must be shorter than this.
    public static let paddedBytes = 32
    static let fieldBytes = paddedBytes + AEAD.tagBytes

    /// Size in bytes of a sealed record with `fieldCount` fields.
    public static func sealedSize(fieldCount: Int) -> Int { AEAD.nonceBytes + fieldCount * fieldBytes }

    static func seal(values: [String], fieldNames: [String], binding: RecordBinding, key: DataKey) throws -> [UInt8] {
        precondition(values.count == fieldNames.count)
        for (name, value) in zip(fieldNames, values) where value.utf8.count >= paddedBytes {
            throw VaultError.valueTooLong(field: name, limit: paddedBytes - 1)
        }
        var out = [UInt8](repeating: 0, count: sealedSize(fieldCount: values.count))
        var plain = [UInt8](repeating: 0, count: paddedBytes)
        defer { plain.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        var fields = FieldAssociatedData(binding: binding)
        out.withUnsafeMutableBytes { o in
            randombytes_buf(o.baseAddress!, AEAD.nonceBytes)
            var nonce = Array(o[0..<AEAD.nonceBytes])
            key.storage.withUnsafeBytes { k in
                for (i, value) in values.enumerated() {
                    pad(value, into: &plain)
                    Self.setFieldNonce(&nonce, base: o, index: i)
                    let start = AEAD.nonceBytes + i * fieldBytes
                    fields.with(fieldNames[i]) { a in plain.withUnsafeBytes { p in nonce.withUnsafeBytes { n in
                        AEAD.seal(p, ad: a, nonce: n, key: k,
                                  into: UnsafeMutableRawBufferPointer(rebasing: o[start..<start + fieldBytes]))
                    } } }
                }
            }
        }
        return out
    }

    /// Opens each field and hands its unpadded bytes to `body`; the plaintext buffer is wiped after.
    static func open(_ sealed: [UInt8], fieldNames: [String], binding: RecordBinding, key: DataKey,
                     body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        try sealed.withUnsafeBytes { try open($0, fieldNames: fieldNames, binding: binding, key: key, body: body) }
    }

    static func open(_ sealed: UnsafeRawBufferPointer, fieldNames: [String], binding: RecordBinding, key: DataKey,
                     body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        guard sealed.count == sealedSize(fieldCount: fieldNames.count) else {
            throw VaultError.malformed(what: "sealed record")
        }
        var fields = FieldAssociatedData(binding: binding)
        var nonce = Array(sealed[0..<AEAD.nonceBytes])
        var plain = [UInt8](repeating: 0, count: paddedBytes)
        defer { plain.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        try { (s: UnsafeRawBufferPointer) in
            for (i, name) in fieldNames.enumerated() {
                Self.setFieldNonce(&nonce, base: s, index: i)
                let start = AEAD.nonceBytes + i * fieldBytes
                let ok = fields.with(name) { a in nonce.withUnsafeBytes { n in
                    key.storage.withUnsafeBytes { k in plain.withUnsafeMutableBytes { p in
                        AEAD.open(UnsafeRawBufferPointer(rebasing: s[start..<start + fieldBytes]),
                                  ad: a, nonce: n, key: k, into: p)
                    } } } }
                guard ok else { throw VaultError.authenticationFailed(what: "field '\(name)'") }
                var length = 0
                let unpadded = plain.withUnsafeBytes { p in
                    sodium_unpad(&length, p.baseAddress!.assumingMemoryBound(to: UInt8.self), paddedBytes, paddedBytes)
                }
                guard unpadded == 0 else { throw VaultError.malformed(what: "padding of field '\(name)'") }
                try plain.withUnsafeBytes { try body(i, UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
            }
        }(sealed)
    }

    private static func pad(_ value: String, into buffer: inout [UInt8]) {
        let bytes = Array(value.utf8)
        for i in 0..<buffer.count { buffer[i] = i < bytes.count ? bytes[i] : 0 }
        var padded = 0
        _ = buffer.withUnsafeMutableBytes {
            sodium_pad(&padded, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), bytes.count, paddedBytes, paddedBytes)
        }
    }

    /// Field i's nonce: the record nonce with its first two bytes xored with i.
    private static func setFieldNonce(_ nonce: inout [UInt8], base: UnsafeRawBufferPointer, index: Int) {
        nonce[0] = base[0] ^ UInt8(truncatingIfNeeded: index)
        nonce[1] = base[1] ^ UInt8(truncatingIfNeeded: index >> 8)
    }

    private static func setFieldNonce(_ nonce: inout [UInt8], base: UnsafeMutableRawBufferPointer, index: Int) {
        setFieldNonce(&nonce, base: UnsafeRawBufferPointer(base), index: index)
    }
}

/// The associated data of a record's fields: the binding's prefix, then the field name, in one
/// reused buffer (sealing a million records must not allocate per field).
struct FieldAssociatedData {
    private var buffer: [UInt8]
    private let prefixCount: Int

    init(binding: RecordBinding) {
        buffer = binding.associatedDataPrefix()
        prefixCount = buffer.count
    }

    mutating func with<R>(_ field: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        buffer.removeSubrange(prefixCount...)
        buffer.append(contentsOf: field.utf8)
        return try buffer.withUnsafeBytes(body)
    }
}
