internal import GRDB

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
                // Rows still sealed in this batch; a withdrawal that empties it deletes the batch.
                t.column("remaining", .integer).notNull()
            }
            // Keyed by (period, random id): a period's rows lie together for reports and purges,
            // and in random order within it.
            try db.create(table: "response", options: [.withoutRowID]) { t in
                t.primaryKey {
                    t.column("period", .integer)
                    t.column("id", .blob)
                }
                t.column("batch_id", .blob).notNull().references("entry_batch")
                t.column("form_id", .text).notNull()
                t.column("form_version", .integer).notNull()
                t.column("receipt_hash", .blob)
                t.column("sealed", .blob).notNull()
            }
            try db.create(table: "decline", options: [.withoutRowID]) { t in
                t.primaryKey {
                    t.column("period", .integer)
                    t.column("id", .blob)
                }
                t.column("batch_id", .blob).notNull().references("entry_batch")
                t.column("form_id", .text).notNull()
                t.column("form_version", .integer).notNull()
                t.column("sealed", .blob).notNull()
            }
            // Partial: imports without receipts add nothing to it.
            try db.execute(sql: "CREATE UNIQUE INDEX response_receipt ON response (receipt_hash) WHERE receipt_hash IS NOT NULL")
        }
        migrator.registerMigration("v2 audit log") { db in
            try db.create(table: "audit_entry") { t in
                t.primaryKey("seq", .integer)
                t.column("day", .text).notNull()
                t.column("role", .text).notNull()
                t.column("user", .text).notNull()
                t.column("action", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("previous_hash", .blob).notNull()
                t.column("hash", .blob).notNull()
            }
        }
        migrator.registerMigration("v3 release ledger") { db in
            try db.create(table: "release") { t in
                t.primaryKey("id", .text)
                t.column("day", .text).notNull()
                t.column("role", .text).notNull()
                t.column("user", .text).notNull()
                t.column("report", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("periods", .text).notNull()
                t.column("definition", .blob).notNull()
                t.column("cells", .blob).notNull()
                t.column("cell_count", .integer).notNull()
                t.column("suppressed_count", .integer).notNull()
                t.column("revisions", .blob).notNull()
            }
            try db.create(table: "period_revision") { t in
                t.primaryKey("period", .integer)
                t.column("added", .integer).notNull()
                t.column("removed", .integer).notNull()
            }
        }
        migrator.registerMigration("v4 entry epochs, withdrawals and refusals") { db in
            // A release's place in the release sequence: rows entered or withdrawn in between are
            // modelled as people of their own by disclosure control (threat model 5).
            try db.alter(table: "release") { t in t.add(column: "epoch", .integer) }
            try db.execute(sql: "UPDATE release SET epoch = (SELECT COUNT(*) FROM release AS earlier WHERE earlier.rowid < release.rowid)")
            try db.alter(table: "entry_batch") { t in t.add(column: "sealed_epoch", .blob) }
            try db.alter(table: "period_revision") { t in t.add(column: "declines_purged", .integer).notNull().defaults(to: 0) }
            try db.create(table: "withdrawal", options: [.withoutRowID]) { t in
                t.primaryKey {
                    t.column("period", .integer)
                    t.column("id", .blob)
                }
                t.column("batch_id", .blob).notNull().references("entry_batch")
                t.column("form_id", .text).notNull()
                t.column("form_version", .integer).notNull()
                t.column("sealed_context", .blob).notNull()
                t.column("withdrawal_batch_id", .blob).notNull().references("entry_batch")
            }
            try db.create(table: "refusal") { t in
                t.primaryKey("id", .text)
                t.column("day", .text).notNull()
                t.column("role", .text).notNull()
                t.column("user", .text).notNull()
                t.column("report", .text).notNull()
                t.column("definition", .blob).notNull()
                t.column("cause", .text).notNull()
            }
        }
        EntryTally.migrate(&migrator)
        KeystoreBackup.migrate(&migrator)
        InvitationRecord.migrate(&migrator)
        AnswerSource.migrate(&migrator)
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
