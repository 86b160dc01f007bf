import GRDB

extension DataStore {
    /// The schema of `vielfalt.sqlite`. Add a new named migration for every change; never edit one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 sealed responses") { db in
            try db.create(table: "store_meta") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("store_id", .blob).notNull()
            }
            try db.create(table: "entry_batch", options: [.withoutRowID]) { t in
                t.primaryKey("id", .blob)
                t.column("period", .integer).notNull()
                t.column("ephemeral_public_key", .blob).notNull()
            }
            try db.create(table: "response", options: [.withoutRowID]) { t in
                t.primaryKey("id", .blob)
                t.column("period", .integer).notNull().indexed()
                t.column("batch_id", .blob).notNull().references("entry_batch")
                t.column("form_id", .text).notNull()
                t.column("form_version", .integer).notNull()
                t.column("receipt_hash", .blob).unique()
                t.column("sealed", .blob).notNull()
            }
            try db.create(table: "decline", options: [.withoutRowID]) { t in
                t.primaryKey("id", .blob)
                t.column("period", .integer).notNull().indexed()
                t.column("batch_id", .blob).notNull().references("entry_batch")
                t.column("form_id", .text).notNull()
                t.column("form_version", .integer).notNull()
                t.column("sealed", .blob).notNull()
            }
            try db.create(index: "response_batch", on: "response", columns: ["batch_id"])
            try db.create(index: "decline_batch", on: "decline", columns: ["batch_id"])
        }
        return migrator
    }

    func migrate() throws { try Self.migrateIfNeeded(database, migrator: Self.migrator) }

    /// Migrates only when a migration is missing, so that opening a store to read or to fail
    /// (a wrong passphrase, a bad import) leaves its files byte for byte as they were.
    static func migrateIfNeeded(_ database: DatabaseQueue, migrator: DatabaseMigrator) throws {
        if try database.read(migrator.hasCompletedMigrations) { return }
        try migrator.migrate(database)
    }
}
