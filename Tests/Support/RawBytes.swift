import Foundation

/// Looks at files as an attacker with a stolen copy would: raw bytes, no SQL.
public enum RawBytes {
    /// The database file and its -wal and -shm companions, those that exist.
    public static func databaseFiles(_ url: URL) -> [URL] {
        [url, URL(fileURLWithPath: url.path + "-wal"), URL(fileURLWithPath: url.path + "-shm")]
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The canaries found in any of `files`, as "file: canary".
    public static func findings(_ canaries: [String], in files: [URL]) throws -> [String] {
        var found: [String] = []
        for file in files {
            let bytes = try Data(contentsOf: file)
            for canary in canaries where bytes.range(of: Data(canary.utf8)) != nil {
                found.append("\(file.lastPathComponent): \(canary)")
            }
        }
        return found
    }

    /// A fingerprint of the files' contents, to show that a failed operation changed nothing.
    public static func fingerprint(_ files: [URL]) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in files { result[file.lastPathComponent] = try Data(contentsOf: file) }
        return result
    }
}
