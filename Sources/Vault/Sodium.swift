import CSodium

/// One-time libsodium initialisation; every public entry point of Vault calls `ensureReady()`.
enum Sodium {
    private static let initialised: Bool = sodium_init() >= 0

    static func ensureReady() {
        precondition(initialised, "libsodium could not be initialised")
    }

    /// Fresh random bytes from the operating system's CSPRNG.
    static func randomBytes(_ count: Int) -> [UInt8] {
        ensureReady()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return bytes
    }
}

/// The system's cryptographic generator, drawn from in blocks: `SystemRandomNumberGenerator` asks
/// the kernel for every number, which is a million system calls for shuffling a million entries.
/// The numbers are the same kind (libsodium's `randombytes_buf`, the kernel's CSPRNG).
public struct BufferedSystemRandom: RandomNumberGenerator {
    private var block: [UInt64] = []
    private var position = 0

    public init() {}

    public mutating func next() -> UInt64 {
        if position == block.count {
            let bytes = Sodium.randomBytes(8 * 4096)
            block = bytes.withUnsafeBytes { raw in (0..<4096).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) } }
            position = 0
        }
        defer { position += 1 }
        return block[position]
    }
}
