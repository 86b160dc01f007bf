import Foundation
internal import GRDB

extension Keystore {
    /// Destroys a period's secret key and its withdrawal tombstones: overwritten, then removed, then
    /// the file is vacuumed and the WAL truncated, so no copy of the sealed secret is left in the
    /// keystore's files; a new keystore generation starts. Idempotent.
    ///
    /// After this, every copy of the period's data, backups of `vielfalt.sqlite` included, stays
    /// unreadable with this keystore.
    public func destroyPeriodKey(_ period: Int, day: String) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE period_key SET sealed_secret = zeroblob(length(sealed_secret)) WHERE period = ? AND sealed_secret IS NOT NULL",
                           arguments: [period])
            // Only the purge that destroys the key starts a generation: a rerun does not.
            if db.changesCount > 0 { try Self.startPurgeGeneration(db) }
            try db.execute(sql: "UPDATE period_key SET sealed_secret = NULL, destroyed_on = COALESCE(destroyed_on, ?) WHERE period = ?",
                           arguments: [day, period])
            // Nothing of the period is left to delete again after a restore: its tombstones go too.
            try WithdrawalTombstone.filter(Column("period") == period).deleteAll(db)
        }
        try database.compact()
    }
}

extension DatabaseQueue {
    /// Copies the WAL into the database and truncates it: the old page images it held (a withdrawn
    /// response's ciphertext among them) are gone, while `secure_delete` has zeroed the row in the
    /// database file itself. The store's one connection per process makes this complete at once.
    func truncateLog() throws {
        // Should another process read an older snapshot meanwhile, the checkpoint stops short; the
        // next withdrawal, purge or the last close of the file finishes it.
        try writeWithoutTransaction { db in _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Copies the WAL into the database, vacuums, and truncates the WAL: freed pages and old page
    /// images are gone from both files.
    func compact() throws {
        try writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}

extension DataStore {
    /// Deletes a period's responses, declines and batches (or only its declines), with an audit entry
    /// that names the keystore generation the purge started. Returns the numbers deleted. Vacuums
    /// afterwards.
    @discardableResult
    public func deletePeriod(_ period: Int, declinesOnly: Bool, keystoreGeneration: Int? = nil, actor: Actor,
                             day: String) throws -> (responses: Int, declines: Int) {
        let deleted = try auditedWrite(actor, action: declinesOnly ? "declines purged" : "period purged", day: day) { db in
            let declines = try SealedDecline.filter(Column("period") == period).deleteAll(db)
            var responses = 0
            if declinesOnly {
                // Counted, so that the ledger knows which published figures lost people (those with declines).
                try db.execute(sql: "UPDATE period_revision SET declines_purged = declines_purged + ? WHERE period = ?",
                               arguments: [declines, period])
                try db.execute(sql: """
                    DELETE FROM entry_batch WHERE period = ?
                      AND NOT EXISTS (SELECT 1 FROM response WHERE response.batch_id = entry_batch.id AND response.period = ?)
                      AND NOT EXISTS (SELECT 1 FROM withdrawal WHERE withdrawal.period = ?
                                      AND entry_batch.id IN (withdrawal.batch_id, withdrawal.withdrawal_batch_id))
                    """, arguments: [period, period, period])
            } else {
                responses = try SealedResponse.filter(Column("period") == period).deleteAll(db)
                try Withdrawal.filter(Column("period") == period).deleteAll(db)
                try EntryBatchRecord.filter(Column("period") == period).deleteAll(db)
            }
            let generation = keystoreGeneration.map { [("generation", String($0))] } ?? []
            return ((responses, declines), [("period", String(period)), ("responses", String(responses)), ("declines", String(declines))] + generation)
        }
        try database.compact()
        return deleted
    }

    /// The days of earlier purges, from the audit log: a purge may not be dated before the last one.
    public func lastPurgeDay() throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT MAX(day) FROM audit_entry WHERE action IN ('period purged', 'declines purged', 'audit log pruned')")
        }
    }
}

extension DataStore {
    /// The keystore generation the last purge started, as the audit log records it (0 if none did):
    /// a data backup knows of the purges made before it even when the keystore backup does not.
    public func lastPurgeGeneration() throws -> Int {
        let details = try database.read { try String.fetchAll($0, sql: "SELECT detail FROM audit_entry WHERE action = 'period purged'") }
        return details.compactMap { detail in
            detail.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("generation=") }.flatMap { Int($0.dropFirst("generation=".count)) }
        }.max() ?? 0
    }
}
