import Forms
import Foundation
internal import GRDB

extension DataStore {
    /// Runs `body` in one transaction together with the audit entry that records it, then moves the
    /// head file on. `body` returns its result and the entry's detail (counts, periods; never content).
    /// Entries of a week already over (``EntryTally``) are written to the log first.
    func auditedWrite<T>(_ actor: Actor, action: String, day: String = AuditDay.today(),
                                _ body: (Database) throws -> (T, [(String, String)])) throws -> T {
        let (result, entry) = try database.write { db -> (T, AuditEntry) in
            // A finished week's entry count goes into the chain before anything later does.
            try EntryTally.close(before: day, in: db)
            let (result, detail) = try body(db)
            return (result, try AuditLog.append(actor, action: action, detail: detail, day: day, in: db))
        }
        try AuditLog.writeHead(location, entry: entry)
        return result
    }
}

extension DataStore {
    /// Appends an event that changes no data (a failed sign-in or release passphrase, a password
    /// change, sessions ended) to the audit log.
    public func recordEvent(_ action: String, detail: [(String, String)] = [], by actor: Actor, day: String = AuditDay.today()) throws {
        try auditedWrite(actor, action: action, day: day) { _ in ((), detail) }
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

    /// `text` if it is a day of the calendar as `YYYY-MM-DD` (so `2025-02-30` is refused); the
    /// error names `field`. Command line and web read `--as-of` and `asOf` through this one check.
    public static func parse(_ text: String, field: String) throws -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let invalid = InputError(field: field, english: "expected a day of the calendar as YYYY-MM-DD",
                                 german: "Erwartet wird ein Kalendertag als JJJJ-MM-TT.")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { throw invalid }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { throw invalid }
        return text
    }
}
