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
