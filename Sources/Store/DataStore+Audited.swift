import Foundation
import GRDB

extension DataStore {
    /// Runs `body` in one transaction together with the audit entry that records it, then moves the
    /// head file on. `body` returns its result and the entry's detail (counts, periods; never content).
    public func auditedWrite<T>(_ actor: Actor, action: String, day: String = AuditDay.today(),
                                _ body: (Database) throws -> (T, [(String, String)])) throws -> T {
        let (result, entry) = try database.write { db -> (T, AuditEntry) in
            let (result, detail) = try body(db)
            return (result, try AuditLog.append(actor, action: action, detail: detail, day: day, in: db))
        }
        try AuditLog.writeHead(location, entry: entry)
        return result
    }
}

/// Days as the administration counts them: `YYYY-MM-DD` in Europe/Berlin.
public enum AuditDay {
    public static func today(_ now: Date = Date()) -> String { format(now) }

    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
