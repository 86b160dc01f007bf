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

    /// Constant-time comparison, so that a timing side channel cannot guess a receipt byte by byte.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in
            sodium_memcmp(pa.baseAddress, pb.baseAddress, a.count) == 0
        } }
    }
}
