import CSodium

/// The key that turns a withdrawn response's id into its tombstone: what the keystore keeps so that
/// a restored data backup can have its withdrawals made again.
///
/// It is derived from the ``ReceiptKey`` (libsodium's KDF, its own context), so it lives where that
/// key lives, in the keystore apart from the data, and a withdrawal needs no passphrase to record a
/// tombstone. Without the keystore a tombstone cannot be told from a random string, so a copy of the
/// keys directory alone names no response, and a copy of the data alone holds no tombstone.
public struct WithdrawalTombstoneKey: Sendable, CustomStringConvertible {
    let storage: SecureBytes

    init(storage: SecureBytes) { self.storage = storage }

    public static let tombstoneByteCount = 32

    /// BLAKE2b-256 keyed with this key, over a domain of its own and the response id.
    public func tombstone(_ id: ResponseID) -> [UInt8] {
        let message = Array("vielfalt withdrawal tombstone v1".utf8) + [0] + id.bytes
        var out = [UInt8](repeating: 0, count: Self.tombstoneByteCount)
        storage.withUnsafeBytes { k in
            _ = out.withUnsafeMutableBytes { o in message.withUnsafeBytes { m in
                crypto_generichash(o.baseAddress!.assumingMemoryBound(to: UInt8.self), o.count,
                                   m.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(m.count),
                                   k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
            } }
        }
        return out
    }

    public var description: String { "WithdrawalTombstoneKey(redacted)" }
}

extension ReceiptKey {
    /// The tombstone key, derived so that neither key tells anything about the other.
    public func withdrawalTombstoneKey() -> WithdrawalTombstoneKey {
        WithdrawalTombstoneKey(storage: SecureBytes(count: Int(crypto_kdf_KEYBYTES)) { out in
            storage.withUnsafeBytes { k in
                _ = crypto_kdf_derive_from_key(out.baseAddress!.assumingMemoryBound(to: UInt8.self), out.count, 1, "vftombst",
                                               k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        })
    }
}
