import Foundation
internal import GRDB

/// A release in the ledger: what was published, by whom, when, and exactly which figures.
///
/// `cells` holds the released cells as JSON (their domains, published values and statuses; never a
/// suppressed value). `revisions` holds, per period, how many rows had been added and removed when
/// the release was made, so a later release knows how far the data moved since.
public struct ReleaseRecord: Codable, StoredRecord, Sendable, Equatable {
    static let table = "release"
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
    /// The release's place in the release sequence (0 for the first); set by ``DataStore/recordRelease(_:counted:epoch:actor:)``.
    public var epoch: Int?

    enum CodingKeys: String, CodingKey {
        case id, day, role, user, report, indicator, periods, definition, cells
        case cellCount = "cell_count", suppressedCount = "suppressed_count", revisions, epoch
    }

    public init(id: String, day: String, role: String, user: String, report: String, indicator: String, periods: String,
                definition: Data, cells: Data, cellCount: Int, suppressedCount: Int, revisions: Data, epoch: Int? = nil) {
        self.epoch = epoch
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

/// How much a period's rows changed since the store began: added by entries, removed by withdrawals,
/// and declines purged. Kept after the period is purged: counts only, which the release ledger needs
/// as long as the period's published figures can be combined with later ones.
public struct PeriodRevision: Codable, StoredRecord, Sendable, Equatable {
    static let table = "period_revision"
    public var period: Int
    public var added: Int
    public var removed: Int
    /// Declines deleted by the retention rule for declines (all of the period's, at once).
    public var declinesPurged: Int

    enum CodingKeys: String, CodingKey {
        case period, added, removed, declinesPurged = "declines_purged"
    }

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
        try database.read { try ReleaseRecord.order(Column("epoch"), Column("day"), Column("id")).fetchAll($0) }
    }

    public func revisions() throws -> [Int: PeriodRevision] {
        try database.read { db in
            Dictionary(uniqueKeysWithValues: try PeriodRevision.fetchAll(db).map { ($0.period, $0) })
        }
    }

    /// Records a release and its audit entry in one transaction, as the next epoch.
    ///
    /// `counted` are the revision counters the figures were counted at and `epoch` the release's
    /// epoch the audit assumed; if an entry, withdrawal or other release came in since, nothing is
    /// written and ``StoreError/changedWhileCounting`` is thrown: the epochs of rows say which
    /// releases counted them, so a row entered after the count must not get the epoch of a release
    /// that did not count it, and a release must have been audited against every earlier one.
    public func recordRelease(_ release: ReleaseRecord, counted: [Int: PeriodRevision], epoch: Int, actor: Actor) throws {
        try auditedWrite(actor, action: "report released", day: release.day) { db in
            let now = Dictionary(uniqueKeysWithValues: try PeriodRevision.fetchAll(db).map { ($0.period, $0) })
            guard now == counted, try EntryEpoch.current(db) == epoch else { throw StoreError.changedWhileCounting }
            var release = release
            release.epoch = epoch
            try release.insert(db)
            return ((), [("release", release.id), ("report", release.report), ("periods", release.periods),
                         ("cells", String(release.cellCount)), ("suppressed", String(release.suppressedCount)),
                         ("digest", release.digest)])
        }
    }
}

/// A refused release in the ledger: what was asked, by whom, and the kind of cause; never a figure.
public struct RefusalRecord: Codable, StoredRecord, Sendable, Equatable {
    static let table = "refusal"
    public var id: String
    public var day: String
    public var role: String
    public var user: String
    public var report: String
    /// The report definition as JSON.
    public var definition: Data
    /// `by_hand`, `inconsistent_ledger` or `solver`: a kind, never a cell or a count.
    public var cause: String

    public init(id: String, day: String, role: String, user: String, report: String, definition: Data, cause: String) {
        self.id = id
        self.day = day
        self.role = role
        self.user = user
        self.report = report
        self.definition = definition
        self.cause = cause
    }
}

extension DataStore {
    /// Records a refusal and its audit entry in one transaction.
    public func recordRefusal(_ refusal: RefusalRecord, actor: Actor) throws {
        try auditedWrite(actor, action: "report refused", day: refusal.day) { db in
            try refusal.insert(db)
            return ((), [("refusal", refusal.id), ("report", refusal.report), ("cause", refusal.cause)])
        }
    }

    /// Every refusal, oldest first.
    public func refusals() throws -> [RefusalRecord] {
        try database.read { try RefusalRecord.order(Column("day"), Column("id")).fetchAll($0) }
    }
}
