import CSodium
import Foundation

/// A whole file sealed under a passphrase: what a keystore backup is on disk.
///
/// Layout: `VFKB1` · salt · opsLimit · memLimit (little endian) · nonce · XChaCha20-Poly1305 of the
/// file, with everything before the nonce as associated data, so the Argon2id parameters cannot be
/// swapped for weaker ones. The key is derived afresh (new salt) for every file.
public enum PassphraseSealedFile {
    static let magic = Array("VFKB1".utf8)

    /// Seals the file at `url` under `passphrase` with the given strength. The file is read straight
    /// into locked memory that is wiped afterwards: a keystore holds the receipt key in the clear.
    public static func seal(file url: URL, passphrase: Passphrase, opsLimit: UInt64, memLimit: UInt64) throws -> [UInt8] {
        let contents = try readSecret(url)
        let parameters = try KeyDerivationParameters(salt: Sodium.randomBytes(16), opsLimit: opsLimit, memLimit: memLimit)
        let header = Self.header(parameters)
        let key = try WrappingKey.derive(from: passphrase, parameters: parameters)
        return header + contents.withUnsafeBytes { AEAD.sealWithRandomNonce($0, ad: header, key: key.storage) }
    }

    /// Opens a sealed file into the existing, empty file at `url`, from locked memory that is wiped
    /// afterwards. A wrong passphrase and an altered file both fail authentication and write nothing;
    /// a file of another kind is ``VaultError/malformed(what:)``.
    public static func open(_ sealed: [UInt8], passphrase: Passphrase, into url: URL) throws {
        let headerSize = magic.count + 16 + 16
        guard sealed.count > headerSize, Array(sealed.prefix(magic.count)) == magic else {
            throw VaultError.malformed(what: "the keystore backup")
        }
        let salt = Array(sealed[magic.count..<(magic.count + 16)])
        let ops = Self.number(sealed, at: magic.count + 16), mem = Self.number(sealed, at: magic.count + 24)
        let parameters = try KeyDerivationParameters(salt: salt, opsLimit: ops, memLimit: mem)
        let key = try WrappingKey.derive(from: passphrase, parameters: parameters)
        let opened = try AEAD.openWithNonce(Array(sealed[headerSize...]), ad: Array(sealed.prefix(headerSize)), key: key.storage,
                                            what: "the keystore backup (wrong passphrase or altered file)")
        try writeOpened(opened, into: url)
    }

    /// Writes opened contents from locked memory into the existing file at `url`.
    static func writeOpened(_ opened: SecureBytes, into url: URL) throws {
        let fd = Foundation.open(url.path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw VaultError.malformed(what: "the file to restore into") }
        defer { close(fd) }
        try opened.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { throw VaultError.malformed(what: "the file to restore into") }
                offset += written
            }
        }
    }

    /// A whole file read into locked memory.
    static func readSecret(_ url: URL) throws -> SecureBytes {
        let fd = Foundation.open(url.path, O_RDONLY)
        guard fd >= 0 else { throw VaultError.malformed(what: "the file to seal") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { throw VaultError.malformed(what: "the file to seal") }
        return try SecureBytes(count: Int(info.st_size)) { buffer in
            var offset = 0
            while offset < buffer.count {
                let got = read(fd, buffer.baseAddress! + offset, buffer.count - offset)
                guard got > 0 else { throw VaultError.malformed(what: "the file to seal") }
                offset += got
            }
        }
    }

    private static func header(_ parameters: KeyDerivationParameters) -> [UInt8] {
        magic + parameters.salt + bytes(parameters.opsLimit) + bytes(parameters.memLimit)
    }

    private static func bytes(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    private static func number(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }
}
