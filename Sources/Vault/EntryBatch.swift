import CSodium
import Foundation

/// Write-only encryption for one entry or import: seals records to a period's public key.
///
/// A batch makes an ephemeral X25519 key pair, agrees a data key with the period's public key and
/// wipes the ephemeral secret at once. Only the holder of the period's secret key can derive the
/// data key again (``BatchOpener``). One key agreement per batch instead of per response keeps the
/// report's cost per record at a few AEAD opens (see the README's measurements).
///
/// A batch holds its data key until it is released; keep it only for the entry or import it serves.
public final class EntryBatch: Sendable {
    public let period: Int
    /// Stored with the batch so that the statistics unit can derive the data key.
    public let ephemeralPublicKey: PublicKey
    private let key: DataKey

    public init(period: Int, periodKey: PublicKey) throws {
        let ephemeral = KeyPair.generate()
        self.period = period
        self.ephemeralPublicKey = ephemeral.publicKey
        self.key = try BatchKeyAgreement.derive(secret: ephemeral.secretKey, peer: periodKey,
                                                ephemeral: ephemeral.publicKey, recipient: periodKey, period: period)
    }

    /// Seals one record's field values (in `fieldNames` order).
    public func seal(values: [String], fieldNames: [String], binding: RecordBinding) throws -> [UInt8] {
        precondition(binding.period == period, "record sealed into a batch of another period")
        return try RecordSealer.seal(values: values, fieldNames: fieldNames, binding: binding, key: key)
    }
}

/// The statistics unit's side of a batch: derives the data key with the period secret and opens records.
public struct BatchOpener: Sendable {
    public let period: Int
    private let key: DataKey

    public init(period: Int, periodSecret: SecretKey, ephemeralPublicKey: PublicKey) throws {
        self.period = period
        let recipient = periodSecret.publicKey
        self.key = try BatchKeyAgreement.derive(secret: periodSecret, peer: ephemeralPublicKey,
                                                ephemeral: ephemeralPublicKey, recipient: recipient, period: period)
    }

    /// Opens a sealed record, handing each field's plaintext bytes to `body` (wiped afterwards).
    public func open(_ sealed: [UInt8], fieldNames: [String], binding: RecordBinding,
                     body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        try RecordSealer.open(sealed, fieldNames: fieldNames, binding: binding, key: key, body: body)
    }

    /// Opens a sealed record held in `Data` without copying it first.
    public func open(_ sealed: Data, fieldNames: [String], binding: RecordBinding,
                     body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        try sealed.withUnsafeBytes { bytes in
            try RecordSealer.open(bytes, fieldNames: fieldNames, binding: binding, key: key, body: body)
        }
    }

    /// Opens a sealed record into strings. Use ``open(_:fieldNames:binding:body:)`` on hot paths.
    public func openValues(_ sealed: [UInt8], fieldNames: [String], binding: RecordBinding) throws -> [String] {
        var values = [String](repeating: "", count: fieldNames.count)
        try open(sealed, fieldNames: fieldNames, binding: binding) { i, bytes in
            values[i] = String(decoding: bytes, as: UTF8.self)
        }
        return values
    }
}

enum BatchKeyAgreement {
    /// BLAKE2b-256 over the X25519 shared secret, both public keys and the period: the batch data key.
    static func derive(secret: SecretKey, peer: PublicKey, ephemeral: PublicKey, recipient: PublicKey,
                       period: Int) throws -> DataKey {
        var shared = [UInt8](repeating: 0, count: Int(crypto_scalarmult_BYTES))
        defer { shared.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        let rc = secret.storage.withUnsafeBytes { sk in peer.bytes.withUnsafeBytes { pk in
            shared.withUnsafeMutableBytes {
                crypto_scalarmult($0.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                  sk.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                  pk.baseAddress!.assumingMemoryBound(to: UInt8.self))
            } } }
        guard rc == 0 else { throw VaultError.malformed(what: "batch public key") }
        var input = shared + ephemeral.bytes + recipient.bytes
        input += withUnsafeBytes(of: Int32(truncatingIfNeeded: period).bigEndian, Array.init)
        defer { input.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        let domain = Array("vielfalt batch key v1".utf8)
        let storage = SecureBytes(count: AEAD.keyBytes) { out in
            _ = input.withUnsafeBytes { i in domain.withUnsafeBytes { d in
                crypto_generichash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), out.count,
                                   i.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(i.count),
                                   d.baseAddress!.assumingMemoryBound(to: UInt8.self), d.count)
            } }
        }
        return DataKey(storage: storage)
    }
}
