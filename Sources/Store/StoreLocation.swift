import Foundation

/// Where a store's files live: by default `./data/vielfalt.sqlite` and `./data/keystore.sqlite`.
public struct StoreLocation: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    public var dataURL: URL { directory.appendingPathComponent("vielfalt.sqlite") }
    public var keystoreURL: URL { directory.appendingPathComponent("keystore.sqlite") }

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
