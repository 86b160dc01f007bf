import CSodium

/// Secret bytes in memory that is locked against swapping where allowed and wiped on release.
///
/// Every secret type of Vault stores its bytes here. Access is scoped to a closure so that the
/// bytes are never copied into an ordinary array by accident; `description` never shows them.
public final class SecureBytes: @unchecked Sendable, CustomStringConvertible {
    // Immutable after initialisation apart from the wipe in deinit, which runs when no one else holds it.
    private let pointer: UnsafeMutableRawBufferPointer

    /// The number of secret bytes.
    public var count: Int { pointer.count }

    init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        Sodium.ensureReady()
        precondition(count > 0, "empty secret")
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        _ = sodium_mlock(buffer.baseAddress!, buffer.count)
        do {
            try fill(buffer)
        } catch {
            // Cleaned up here, before `self` is initialised, so deinit never sees this buffer.
            sodium_munlock(buffer.baseAddress!, buffer.count)
            buffer.deallocate()
            throw error
        }
        pointer = buffer
    }

    /// Random secret bytes.
    convenience init(randomCount: Int) {
        self.init(count: randomCount) { randombytes_buf($0.baseAddress!, $0.count) }
    }

    /// Copies `bytes` in and wipes the caller's array afterwards.
    convenience init(consuming bytes: inout [UInt8]) {
        let count = bytes.count
        self.init(count: count) { dest in
            bytes.withUnsafeBytes { dest.copyMemory(from: $0) }
        }
        bytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) }
    }

    /// A typed-in secret (passphrase or password): a trailing newline from a file is dropped, an
    /// empty secret refused, and the caller's array wiped either way.
    static func secretLine(consuming bytes: inout [UInt8]) throws -> SecureBytes {
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw PassphraseError.empty }
        return SecureBytes(consuming: &bytes)
    }

    deinit {
        // sodium_munlock zeroes the memory before unlocking it.
        sodium_munlock(pointer.baseAddress!, pointer.count)
        pointer.deallocate()
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(pointer))
    }

    public var description: String { "SecureBytes(\(count) bytes, redacted)" }
}
