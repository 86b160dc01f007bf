import CSodium

/// BLAKE2b-256, unkeyed: the hash of the audit log's chain.
public enum Digest {
    public static let byteCount = 32

    public static func blake2b(_ bytes: [UInt8]) -> [UInt8] {
        Sodium.ensureReady()
        var out = [UInt8](repeating: 0, count: byteCount)
        out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { b in
                _ = crypto_generichash(o.baseAddress!, byteCount, b.baseAddress, UInt64(b.count), nil, 0)
            }
        }
        return out
    }

    /// Lower-case hexadecimal, as written to the audit head file and shown in reports.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

import Foundation
