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
    /// `passphrase` (opens with the statistics passphrase) or `keyholders` (with any two of them).
    public var sealedFor: String

    public var heldPeriods: [Int] { held.split(separator: ",").compactMap { Int($0) } }

    enum CodingKeys: String, CodingKey {
        case id, day, generation, held = "held_periods", destroyedOn = "destroyed_on", sealedFor = "sealed_for"
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
        migrator.registerMigration("v6 keystore backups for keyholders") { db in
            try db.alter(table: table) { t in t.add(column: "sealed_for", .text).notNull().defaults(to: "passphrase") }
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
    func recordKeystoreBackup(generation: Int, held: [Int], sealedFor: String, actor: Actor, day: String) throws -> String {
        try auditedWrite(actor, action: "keystore backed up", day: day) { db in
            let id = "K\(try KeystoreBackup.fetchCount(db) + 1)"
            try KeystoreBackup(id: id, day: day, generation: generation, held: held.map(String.init).joined(separator: ","),
                               destroyedOn: nil, sealedFor: sealedFor).insert(db)
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

/// A SQLite file with its `-wal`, `-shm` and `-journal` companions.
enum RawFiles {
    static func of(_ url: URL) -> [URL] {
        ["", "-wal", "-shm", "-journal"].map { URL(fileURLWithPath: url.path + $0) }
    }
}
