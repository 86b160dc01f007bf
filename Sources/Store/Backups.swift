import Foundation
internal import GRDB
import Vault

/// A keystore backup as the data store remembers it: made on `day` at keystore `generation`,
/// holding the keys of `heldPeriods`; `destroyedOn` once the data protection officer has recorded
/// its destruction. A key destroyed since is still in the backup: that is what the audit checks.
public struct KeystoreBackup: Codable, StoredRecord, Sendable, Equatable {
    static let table = "keystore_backup"
    public let id: String
    public let day: String
    public let generation: Int
    /// The periods whose secret keys the backup holds, comma-separated.
    let held: String
    public var destroyedOn: String?

    public var heldPeriods: [Int] { held.split(separator: ",").compactMap { Int($0) } }

    enum CodingKeys: String, CodingKey {
        case id, day, generation, held = "held_periods", destroyedOn = "destroyed_on"
    }

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5 keystore backups") { db in
            try db.create(table: table) { t in
                t.primaryKey("id", .text)
                t.column("day", .text).notNull()
                t.column("generation", .integer).notNull()
                t.column("held_periods", .text).notNull()
                t.column("destroyed_on", .text)
            }
        }
    }
}

extension DataStore {
    /// A consistent copy of `vielfalt.sqlite` into `directory` (made, 0700; the file 0600), taken
    /// with SQLite's backup API while the store stays in use. It holds no key: keys live apart.
    public func backup(into directory: URL, actor: Actor) throws {
        try Self.copy(database, to: directory.appendingPathComponent(location.dataURL.lastPathComponent))
        try recordEvent("data backed up", by: actor)
    }

    static func copy(_ source: DatabaseQueue, to url: URL) throws {
        try StoreLocation.createPrivateFile(url)
        let target = try DatabaseQueue(path: url.path)
        try source.backup(to: target)
        try target.close()
    }

    /// Records a keystore backup and returns its id (`K` and a number).
    func recordKeystoreBackup(generation: Int, held: [Int], actor: Actor, day: String) throws -> String {
        try auditedWrite(actor, action: "keystore backed up", day: day) { db in
            let id = "K\(try KeystoreBackup.fetchCount(db) + 1)"
            try KeystoreBackup(id: id, day: day, generation: generation, held: held.map(String.init).joined(separator: ","),
                               destroyedOn: nil).insert(db)
            return (id, [("backup", id), ("generation", String(generation))])
        }
    }

    /// The keystore backups made, oldest first.
    public func keystoreBackups() throws -> [KeystoreBackup] {
        try database.read { try KeystoreBackup.order(Column("day"), Column("id")).fetchAll($0) }
    }

    /// Records that a keystore backup was destroyed; false for an unknown or already destroyed one.
    public func recordKeystoreBackupDestroyed(_ id: String, actor: Actor, day: String = AuditDay.today()) throws -> Bool {
        // An unknown id changes nothing, not even the log.
        guard try database.read({ try KeystoreBackup.fetchOne($0, key: id)?.destroyedOn == nil && KeystoreBackup.fetchOne($0, key: id) != nil })
        else { return false }
        return try auditedWrite(actor, action: "keystore backup destroyed", day: day) { db in
            guard var backup = try KeystoreBackup.fetchOne(db, key: id), backup.destroyedOn == nil else {
                return (false, [("backup", id), ("known", "no")])
            }
            backup.destroyedOn = day
            try backup.update(db)
            return (true, [("backup", id)])
        }
    }
}

extension Keystore {
    /// Writes the keystore, sealed under the statistics passphrase, to `url` (a new file, 0600) and
    /// records the backup in `data`. A wrong passphrase writes nothing. Returns the backup's id.
    public func backup(to url: URL, passphrase: Passphrase, data: DataStore, actor: Actor,
                       day: String = AuditDay.today()) throws -> String {
        _ = try unlock(passphrase)
        let plain = location.keysDirectory.appendingPathComponent(".backup-\(UUID().uuidString).sqlite")
        defer { for file in RawFiles.of(plain) { unlink(file.path) } }
        try DataStore.copy(database, to: plain)
        let parameters = try envelope().parameters
        let sealed = try PassphraseSealedFile.seal(file: plain, passphrase: passphrase,
                                                   opsLimit: parameters.opsLimit, memLimit: parameters.memLimit)
        try StoreLocation.createPrivateFile(url)
        try Data(sealed).write(to: url)
        let held = try periodKeys().filter { $0.sealedSecret != nil }.map(\.period)
        return try data.recordKeystoreBackup(generation: generation(), held: held, actor: actor, day: day)
    }
}

/// A SQLite file with its `-wal`, `-shm` and `-journal` companions.
enum RawFiles {
    static func of(_ url: URL) -> [URL] {
        ["", "-wal", "-shm", "-journal"].map { URL(fileURLWithPath: url.path + $0) }
    }
}

extension Keystore {
    /// Writes the keystore sealed in a backup file to `location`'s keys directory (a new file);
    /// a wrong passphrase or an altered file writes nothing.
    public static func restore(from file: URL, passphrase: Passphrase, to location: StoreLocation) throws {
        let sealed: [UInt8]
        do { sealed = [UInt8](try Data(contentsOf: file)) } catch {
            throw StoreError.notFound(path: file.path)
        }
        try StoreLocation.createPrivateFile(location.keystoreURL)
        do {
            try PassphraseSealedFile.open(sealed, passphrase: passphrase, into: location.keystoreURL)
        } catch {
            unlink(location.keystoreURL.path)
            throw error
        }
        _ = try open(location).unlock(passphrase)
    }
}
