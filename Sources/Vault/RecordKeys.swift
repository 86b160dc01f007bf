import CSodium

/// Record keys for the Cell Key Method: a fixed pseudo-random number per response.
///
/// The key of a response is BLAKE2b keyed with a secret derived from the master key, over the
/// response id: the same response gets the same key in every table and every run, so the same cell
/// gets the same noise, and no one without the keystore can compute a key.
public struct RecordKeys: Sendable {
    private let secret: SecureBytes

    init(secret: SecureBytes) { self.secret = secret }

    /// The record key of a response or decline, uniform over `UInt32`.
    public func key(for id: ResponseID) -> UInt32 {
        var out = [UInt8](repeating: 0, count: 16)
        secret.withUnsafeBytes { k in
            _ = out.withUnsafeMutableBufferPointer { o in id.bytes.withUnsafeBufferPointer { i in
                crypto_generichash(o.baseAddress!, 16, i.baseAddress!, UInt64(i.count),
                                   k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
            } }
        }
        return out.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension UnlockedKeystore {
    /// The record keys of this store (derived from the master secret; nothing more is stored).
    public func recordKeys() -> RecordKeys {
        let domain = Array("vielfalt cell key v1".utf8)
        let secret = SecureBytes(count: 32) { out in
            master.storage.withUnsafeBytes { m in
                _ = domain.withUnsafeBufferPointer { d in
                    crypto_generichash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), 32, d.baseAddress!, UInt64(d.count),
                                       m.baseAddress!.assumingMemoryBound(to: UInt8.self), m.count)
                }
            }
        }
        return RecordKeys(secret: secret)
    }
}
