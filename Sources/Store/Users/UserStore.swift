import Foundation
import Forms
internal import GRDB
import Vault

/// One row of `users.sqlite`: a login name, its role, its Argon2id hash and whether it is disabled.
public struct UserRecord: Codable, StoredRecord, Sendable, Equatable {
    static let table = "user"
    public var name: String
    public var role: Role
    public var passwordHash: String
    public var disabled: Bool

    enum CodingKeys: String, CodingKey {
        case name, role, passwordHash = "password_hash", disabled
    }
}

/// The logins of the web application and the integration office's report requests, kept in their
/// own `users.sqlite` beside the data store.
///
/// Users are apart from the data on purpose: the data store holds only ciphertext, and nobody who
/// administers logins needs to open it. The file is created with mode 0600 and runs in WAL mode; its
/// schema changes only through the named migrations in ``migrator``.
///
/// ## Topics
/// - ``open(directory:strength:)``
/// - ``add(name:role:password:)``, ``disable(name:)``, ``list()``
/// - ``authenticate(name:password:)``, ``activeUser(named:)``
public final class UserStore: Sendable {
    public static let fileName = "users.sqlite"
    /// ASVS 2.1.1 and 2.1.2: at least 12 characters, at most 128 allowed.
    public static let passwordLengths = 12...128

    let database: DatabaseQueue
    /// The integration office's report requests, kept in the same file (see ``ReportRequestStore``).
    public var requests: ReportRequestStore { ReportRequestStore(database: database) }
    /// The monitoring releases, kept in the same file (see ``MonitoringStore``).
    public var monitoring: MonitoringStore { MonitoringStore(database: database) }
    let strength: PasswordHashStrength
    /// Checked against when a name is unknown, so that unknown and known names cost the same time.
    private let decoy: PasswordHash

    private init(database: DatabaseQueue, strength: PasswordHashStrength) throws {
        self.database = database
        self.strength = strength
        decoy = try PasswordHash(hashing: Password("decoy-password-never-used"), strength: strength)
    }

    /// Opens `users.sqlite` in `directory`, creating it (0600) and its schema when missing.
    public static func open(directory: URL, strength: PasswordHashStrength = .interactive) throws -> UserStore {
        let url = directory.appendingPathComponent(fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let fd = Foundation.open(url.path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if fd >= 0 { close(fd) }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        try migrator.migrate(queue)
        return try UserStore(database: queue, strength: strength)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-users") { db in
            try db.create(table: "user") { t in
                t.column("name", .text).primaryKey()
                t.column("role", .text).notNull()
                    .check { Role.allCases.map(\.rawValue).contains($0) }
                t.column("password_hash", .text).notNull()
                t.column("disabled", .boolean).notNull().defaults(to: false)
            }
        }
        ReportRequestStore.migrate(&migrator)
        MonitoringStore.migrate(&migrator)
        return migrator
    }

    /// Whether no user exists yet: the first `vielfalt user add` then sets up an admin.
    public func isEmpty() throws -> Bool {
        try database.read { try UserRecord.fetchCount($0) == 0 }
    }

    public func list() throws -> [UserRecord] {
        try database.read { try UserRecord.order(Column("name")).fetchAll($0) }
    }

    /// Adds a user. Names are 2–64 lower-case letters, digits, dots, hyphens or underscores.
    public func add(name: String, role: Role, password: Password) throws {
        try Self.checkName(name)
        guard Self.passwordLengths.contains(password.byteCount) else {
            throw InputError(field: "password", english: "the password must have 12 to 128 characters",
                             german: "Das Passwort muss 12 bis 128 Zeichen lang sein.")
        }
        let hash = try PasswordHash(hashing: password, strength: strength)
        try database.write { db in
            guard try UserRecord.fetchOne(db, key: name) == nil else { throw Self.nameTaken }
            try UserRecord(name: name, role: role, passwordHash: hash.encoded, disabled: false).insert(db)
        }
    }

    /// Disables a user; their sessions end at their next request. The last active admin cannot be
    /// disabled, so that someone can always manage users. Returns false for an unknown name.
    @discardableResult
    public func disable(name: String) throws -> Bool {
        try database.write { db in
            guard var user = try UserRecord.fetchOne(db, key: name) else { return false }
            if user.role == .admin, !user.disabled {
                let admins = try UserRecord.filter(Column("role") == Role.admin.rawValue && Column("disabled") == false).fetchCount(db)
                guard admins > 1 else { throw Self.lastAdmin }
            }
            user.disabled = true
            try user.update(db)
            return true
        }
    }

    /// The active user of this name, or nil when unknown or disabled.
    public func activeUser(named name: String) throws -> User? {
        try database.read { db in
            guard let record = try UserRecord.fetchOne(db, key: name), !record.disabled else { return nil }
            return User(name: record.name, role: record.role)
        }
    }

    /// Checks a login. Unknown, disabled and wrong all give nil after the same Argon2id work.
    public func authenticate(name: String, password: Password) throws -> User? {
        let record = try database.read { try UserRecord.fetchOne($0, key: name) }
        guard let record, let hash = try? PasswordHash(encoded: record.passwordHash) else {
            _ = decoy.verify(password)
            return nil
        }
        guard hash.verify(password), !record.disabled else { return nil }
        return User(name: record.name, role: record.role)
    }

    /// Sets a new password after checking the current one (Argon2id both). The new one follows the
    /// rules of ``add(name:role:password:)`` and must differ from the current one.
    public func changePassword(name: String, current: Password, new: Password) throws {
        guard Self.passwordLengths.contains(new.byteCount) else {
            throw InputError(field: "new_password", english: "the password must have 12 to 128 characters",
                             german: "Das Passwort muss 12 bis 128 Zeichen lang sein.")
        }
        guard try authenticate(name: name, password: current) != nil else {
            throw InputError(field: "current_password", english: "the current password is wrong",
                             german: "Das bisherige Passwort ist falsch.")
        }
        guard try authenticate(name: name, password: new) == nil else {
            throw InputError(field: "new_password", english: "the new password must differ from the current one",
                             german: "Das neue Passwort muss sich vom bisherigen unterscheiden.")
        }
        let hash = try PasswordHash(hashing: new, strength: strength)
        try database.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE name = ?", arguments: [hash.encoded, name])
        }
    }

    /// Whether a user of this name exists, active or not.
    public func exists(_ name: String) throws -> Bool {
        try database.read { try UserRecord.fetchOne($0, key: name) != nil }
    }

    /// Refusals that depend on the users held, not on the input's form (the API answers 409).
    public static let nameTaken = InputError(field: "name", english: "a user of this name exists already",
                                      german: "Einen Benutzer dieses Namens gibt es schon.")
    public static let lastAdmin = InputError(field: "name", english: "the last active admin cannot be disabled",
                                      german: "Die letzte aktive Administration kann nicht deaktiviert werden.")

    public static func checkName(_ name: String) throws {
        guard (2...64).contains(name.count),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) })
        else {
            throw InputError(field: "name", english: "names have 2 to 64 lower-case letters, digits, dots, hyphens or underscores",
                             german: "Namen bestehen aus 2 bis 64 Kleinbuchstaben, Ziffern, Punkten, Binde- oder Unterstrichen.")
        }
    }
}

extension UserStore {
    /// A consistent copy of `users.sqlite` (logins and report requests) into `directory`.
    public func backup(into directory: URL) throws {
        try DataStore.copy(database, to: directory.appendingPathComponent(Self.fileName))
    }
}
