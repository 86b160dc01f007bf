import Foundation
internal import GRDB

/// The audit log's evidence of entries: one count per ISO week and clerk, answers and declines
/// together, written to the log once the week is over.
///
/// An entry per questionnaire with its day and its kind ("response stored", "decline recorded")
/// told anyone who knows the onboarding calendar who answered and who declined, and the log is
/// kept for ten years, past the data's own retention. The tally keeps what the log is for (who
/// entered how much, and when, to the week) and nothing that tells one entry from another. Until
/// the week is over, its count waits in `entry_tally`; the first audited write of a later week
/// (any entry, release, withdrawal or purge) moves it into the chain as `entries recorded`.
enum EntryTally {
    static let action = "entries recorded"

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-sec-1 entry tally") { db in
            try db.create(table: "entry_tally") { t in
                t.column("week", .text).notNull()
                t.column("role", .text).notNull()
                t.column("user", .text).notNull()
                t.column("entries", .integer).notNull()
                t.primaryKey(["week", "role", "user"])
            }
        }
    }

    /// `2026-W49`: the ISO week of a `YYYY-MM-DD` day.
    static func week(of day: String) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = .gmt
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return day
        }
        let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
    }

    /// Counts one entry of `actor` in the week of `day`.
    static func count(_ actor: Actor, day: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO entry_tally (week, role, user, entries) VALUES (?, ?, ?, 1)
            ON CONFLICT (week, role, user) DO UPDATE SET entries = entries + 1
            """, arguments: [week(of: day), actor.role, actor.user])
    }

    /// Moves the counts of weeks before the week of `day` into the audit log; returns the last entry written.
    @discardableResult
    static func close(before day: String, in db: Database) throws -> AuditEntry? {
        let current = week(of: day)
        let rows = try Row.fetchAll(db, sql: "SELECT week, role, user, entries FROM entry_tally WHERE week < ? ORDER BY week, role, user",
                                    arguments: [current])
        var last: AuditEntry?
        for row in rows {
            let week: String = row["week"], entries: Int = row["entries"]
            last = try AuditLog.append(Actor(role: row["role"], user: row["user"]), action: action,
                                       detail: [("week", week), ("entries", String(entries))], day: day, in: db)
        }
        try db.execute(sql: "DELETE FROM entry_tally WHERE week < ?", arguments: [current])
        return last
    }
}

extension DataStore {
    /// Runs `body` (an entry or a decline) in one transaction that counts it in the week's tally
    /// instead of writing an audit entry of its own; `body`'s detail is not recorded per entry.
    func talliedWrite<T>(_ actor: Actor, day: String = AuditDay.today(),
                                _ body: (Database) throws -> (T, [(String, String)])) throws -> T {
        let (result, closed) = try database.write { db -> (T, AuditEntry?) in
            let closed = try EntryTally.close(before: day, in: db)
            let (result, _) = try body(db)
            try EntryTally.count(actor, day: day, in: db)
            return (result, closed)
        }
        if let closed { try AuditLog.writeHead(location, entry: closed) }
        return result
    }
}
