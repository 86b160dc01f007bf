import Foundation
import GRDB

/// A release in the ledger: what was published, by whom, when, and exactly which figures.
///
/// `cells` holds the released cells as JSON (their domains, published values and statuses; never a
/// suppressed value). `revisions` holds, per period, how many rows had been added and removed when
/// the release was made, so a later release knows how far the data moved since.
public struct ReleaseRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "release"
    public var id: String
    public var day: String
    public var role: String
    public var user: String
    public var report: String
    public var indicator: String
    /// Comma-separated hiring years.
    public var periods: String
    /// The report definition as JSON.
    public var definition: Data
    public var cells: Data
    public var cellCount: Int
    public var suppressedCount: Int
    public var revisions: Data

    enum CodingKeys: String, CodingKey {
        case id, day, role, user, report, indicator, periods, definition, cells
        case cellCount = "cell_count", suppressedCount = "suppressed_count", revisions
    }

    public init(id: String, day: String, role: String, user: String, report: String, indicator: String, periods: String,
                definition: Data, cells: Data, cellCount: Int, suppressedCount: Int, revisions: Data) {
        self.id = id
        self.day = day
        self.role = role
        self.user = user
        self.report = report
        self.indicator = indicator
        self.periods = periods
        self.definition = definition
        self.cells = cells
        self.cellCount = cellCount
        self.suppressedCount = suppressedCount
        self.revisions = revisions
    }
}

/// How much a period's rows changed since the store began: added by entries, removed by withdrawals.
public struct PeriodRevision: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "period_revision"
    public var period: Int
    public var added: Int
    public var removed: Int

    /// Counts a change in the current transaction.
    static func record(period: Int, added: Int = 0, removed: Int = 0, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO period_revision (period, added, removed) VALUES (?, ?, ?)
            ON CONFLICT(period) DO UPDATE SET added = added + excluded.added, removed = removed + excluded.removed
            """, arguments: [period, added, removed])
    }
}

extension DataStore {
    /// Every release, oldest first.
    public func releases() throws -> [ReleaseRecord] {
        try database.read { try ReleaseRecord.order(Column("day"), Column("id")).fetchAll($0) }
    }

    public func revisions() throws -> [Int: PeriodRevision] {
        try database.read { db in
            Dictionary(uniqueKeysWithValues: try PeriodRevision.fetchAll(db).map { ($0.period, $0) })
        }
    }

    /// Records a release and its audit entry in one transaction.
    public func recordRelease(_ release: ReleaseRecord, actor: Actor) throws {
        try auditedWrite(actor, action: "report released", day: release.day) { db in
            try release.insert(db)
            return ((), [("release", release.id), ("report", release.report), ("periods", release.periods),
                         ("cells", String(release.cellCount)), ("suppressed", String(release.suppressedCount)),
                         ("digest", release.digest)])
        }
    }
}
