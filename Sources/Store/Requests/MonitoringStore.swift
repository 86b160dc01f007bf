import Foundation
internal import GRDB

/// One monitoring release as the integration office and the council see it: the monitoring's JSON
/// document (`MonitoringReport.json()`), made only of figures released through the ledger.
public struct MonitoringRecord: Codable, StoredRecord, Sendable, Equatable {
    static let table = "monitoring_release"

    public var id: String
    /// 1, 2, 3 … in the order released (set when stored): the days alone do not order two of one day.
    public var number: Int
    public var releasedOn: String
    public var releasedBy: String
    public var json: String

    public init(id: String, releasedOn: String, releasedBy: String, json: String) {
        self.id = id
        number = 0
        self.releasedOn = releasedOn
        self.releasedBy = releasedBy
        self.json = json
    }

    enum CodingKeys: String, CodingKey {
        case id, number, json
        case releasedOn = "released_on", releasedBy = "released_by"
    }
}

/// The monitoring releases in `users.sqlite` (table `monitoring_release`, migration
/// `v4-monitoring-releases`), beside the report requests and for the same reason: the data store
/// keeps ciphertext and the ledger, the web application's pages keep what was released.
public struct MonitoringStore: Sendable {
    let database: DatabaseQueue

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-monitoring-releases") { db in
            try db.create(table: "monitoring_release", options: .withoutRowID) { t in
                t.column("id", .text).primaryKey()
                t.column("number", .integer).notNull().unique()
                t.column("released_on", .text).notNull()
                t.column("released_by", .text).notNull()
                t.column("json", .text).notNull()
            }
        }
    }

    /// Stores a monitoring as the next in order and returns it with its number.
    @discardableResult
    public func add(_ record: MonitoringRecord) throws -> MonitoringRecord {
        try database.write { db in
            var numbered = record
            numbered.number = try (Int.fetchOne(db, sql: "SELECT MAX(number) FROM monitoring_release") ?? 0) + 1
            try numbered.insert(db)
            return numbered
        }
    }

    /// Newest first.
    public func all() throws -> [MonitoringRecord] {
        try database.read { db in try MonitoringRecord.order(Column("number").desc).fetchAll(db) }
    }

    /// The newest, or nil before the first monitoring release.
    public func latest() throws -> MonitoringRecord? {
        try database.read { db in try MonitoringRecord.order(Column("number").desc).fetchOne(db) }
    }

    public func find(_ id: String) throws -> MonitoringRecord? {
        guard ReportRequestStore.isWellFormed(id) else { return nil }
        return try database.read { try MonitoringRecord.fetchOne($0, key: id) }
    }
}
