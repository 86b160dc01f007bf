import Foundation
internal import GRDB

/// The request queue in `users.sqlite` (table `report_request`, migration `v2-report-requests`).
///
/// Never in `vielfalt.sqlite`: the data store holds only ciphertext and the release ledger, and
/// the web application's bookkeeping stays apart from it like its logins.
public struct ReportRequestStore: Sendable {
    let database: DatabaseQueue

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-report-requests") { db in
            try db.create(table: "report_request", options: .withoutRowID) { t in
                t.column("id", .text).primaryKey()
                t.column("kind", .text).notNull().check { ["baseline", "trend"].contains($0) }
                t.column("indicator", .text).notNull()
                t.column("grouping", .text).notNull()
                t.column("periods", .text).notNull()
                t.column("requested_by", .text).notNull()
                t.column("requested_on", .text).notNull()
                t.column("status", .text).notNull().check { ["requested", "released", "refused"].contains($0) }
                t.column("reason_en", .text)
                t.column("reason_de", .text)
                t.column("release_id", .text)
                t.column("released_by", .text)
                t.column("decided_on", .text)
                t.column("json", .text)
                t.column("csv_de", .text)
                t.column("csv_en", .text)
                t.column("html_de", .text)
                t.column("html_en", .text)
            }
        }
        // The renderings were stored beside the report; they are made from it on demand now.
        migrator.registerMigration("v3-report-requests-keep-each-report-once") { db in
            try db.alter(table: "report_request") { t in
                for column in ["csv_de", "csv_en", "html_de", "html_en"] { t.drop(column: column) }
            }
        }
    }

    /// A random id of 16 lower-case hex digits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<8).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Whether `text` could be an id at all (so that nothing else reaches a query).
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == 16 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    public func add(_ request: ReportRequest) throws {
        try database.write { try request.insert($0) }
    }

    /// Open requests first, then the decided ones, newest first within each.
    public func all() throws -> [ReportRequest] {
        try database.read { db in
            try ReportRequest.fetchAll(db).sorted { a, b in
                if (a.status == .requested) != (b.status == .requested) { return a.status == .requested }
                return (a.decidedOn ?? a.requestedOn, a.id) > (b.decidedOn ?? b.requestedOn, b.id)
            }
        }
    }

    public func find(_ id: String) throws -> ReportRequest? {
        guard Self.isWellFormed(id) else { return nil }
        return try database.read { try ReportRequest.fetchOne($0, key: id) }
    }

    /// Stores the outcome, but only for a request still open (two clicks never release twice).
    @discardableResult
    public func decide(_ id: String, _ change: (inout ReportRequest) -> Void) throws -> Bool {
        try database.write { db in
            guard var request = try ReportRequest.fetchOne(db, key: id), request.status == .requested else { return false }
            change(&request)
            try request.update(db)
            return true
        }
    }
}
