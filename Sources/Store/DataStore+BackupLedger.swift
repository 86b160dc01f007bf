import Foundation

extension DataStore {
    /// The release ledger of a data backup's `vielfalt.sqlite`, read from a private copy so that
    /// the backup itself stays byte for byte the same (opening migrates an older schema).
    public static func releases(inBackup file: URL) throws -> [ReleaseRecord] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vielfalt-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let location = StoreLocation(directory: scratch, keys: scratch)
        try FileManager.default.copyItem(at: file, to: location.dataURL)
        return try DataStore.open(location).releases()
    }
}
