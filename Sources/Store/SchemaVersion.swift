internal import GRDB

/// Which schema a store's files are at: the last named migration applied to each. Migrations run
/// when a file is opened, so after an upgrade the audit shows the new name.
extension DataStore {
    public func schemaVersion() throws -> String {
        try database.read { try Self.migrator.appliedMigrations($0).last ?? "none" }
    }
}

extension Keystore {
    public func schemaVersion() throws -> String {
        try database.read { try Self.migrator.appliedMigrations($0).last ?? "none" }
    }
}
