import Foundation

/// Where a store's files live: the data (`vielfalt.sqlite`, `users.sqlite`, `audit.head`) in one
/// directory, the keystore (`keystore.sqlite`) in another.
///
/// Keys never travel with the data: a plain copy of the data directory, the backup an operator
/// makes without asking, holds no key material, so a period purged after the copy was taken stays
/// unreadable in it. By default the keys live beside the data, in `<data>-keys` (`./data` and
/// `./data-keys`). A store made before keys lived apart keeps its keystore inside the data
/// directory until it is moved; the data protection officer's audit flags that.
public struct StoreLocation: Sendable {
    public let directory: URL
    /// The directory of `keystore.sqlite`.
    public let keysDirectory: URL

    public init(directory: URL, keys: URL? = nil) {
        self.directory = directory
        keysDirectory = keys ?? Self.defaultKeys(for: directory)
    }

    /// `<data>-keys` beside the data directory, unless an older store keeps its keystore inside.
    public static func defaultKeys(for data: URL) -> URL {
        if FileManager.default.fileExists(atPath: data.appendingPathComponent(keystoreName).path) { return data }
        let name = data.standardizedFileURL.lastPathComponent
        return data.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("\(name)-keys")
    }

    static let keystoreName = "keystore.sqlite"

    public var dataURL: URL { directory.appendingPathComponent("vielfalt.sqlite") }
    public var keystoreURL: URL { keysDirectory.appendingPathComponent(Self.keystoreName) }

    /// Whether the keystore lives apart from the data, so that a copy of the data holds no key.
    public var keysApart: Bool {
        keysDirectory.standardizedFileURL.path != directory.standardizedFileURL.path
    }

    /// Whether either database file exists already.
    public var exists: Bool {
        FileManager.default.fileExists(atPath: dataURL.path) || FileManager.default.fileExists(atPath: keystoreURL.path)
    }

    /// Creates the directory (0700) if needed and an empty file with mode 0600, refusing to reuse one.
    ///
    /// SQLite gives its -wal and -shm files the mode of the database file, so they are 0600 too.
    static func createPrivateFile(_ url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let fd = open(url.path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else { throw StoreError.alreadyExists(path: url.path) }
        close(fd)
    }
}
