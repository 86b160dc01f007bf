internal import GRDB

/// A row type of one of Store's tables. The public record types stay free of GRDB, so that no
/// module above Store knows which database engine keeps them (a second backend can come later);
/// inside Store they read and write through ``Stored`` as if they were GRDB records.
protocol StoredRecord: Codable, Sendable {
    /// The table the record is a row of.
    static var table: String { get }
}

/// A ``StoredRecord`` as GRDB sees it: the record's own coding keys are the columns.
struct Stored<Record: StoredRecord>: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { Record.table }
    var record: Record

    init(_ record: Record) { self.record = record }
    init(from decoder: any Decoder) throws { record = try Record(from: decoder) }
    func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }
}

/// A query over a ``StoredRecord``'s table that fetches records, not GRDB rows.
struct StoredRequest<Record: StoredRecord> {
    var request: QueryInterfaceRequest<Stored<Record>>

    func filter(_ predicate: some SQLSpecificExpressible) -> Self { Self(request: request.filter(predicate)) }
    func order(_ orderings: any SQLOrderingTerm...) -> Self { Self(request: request.order(orderings)) }
    func fetchAll(_ db: Database) throws -> [Record] { try request.fetchAll(db).map(\.record) }
    func fetchOne(_ db: Database) throws -> Record? { try request.fetchOne(db)?.record }
    func fetchCount(_ db: Database) throws -> Int { try request.fetchCount(db) }
    func fetchCursor(_ db: Database) throws -> some Cursor<Record> { try request.fetchCursor(db).map(\.record) }
    @discardableResult
    func deleteAll(_ db: Database) throws -> Int { try request.deleteAll(db) }
}

extension StoredRecord {
    static func all() -> StoredRequest<Self> { StoredRequest(request: Stored<Self>.all()) }
    static func filter(_ predicate: some SQLSpecificExpressible) -> StoredRequest<Self> { all().filter(predicate) }
    static func order(_ orderings: any SQLOrderingTerm...) -> StoredRequest<Self> { StoredRequest(request: Stored<Self>.order(orderings)) }
    static func fetchAll(_ db: Database) throws -> [Self] { try all().fetchAll(db) }
    static func fetchCount(_ db: Database) throws -> Int { try all().fetchCount(db) }
    static func fetchOne(_ db: Database, key: some DatabaseValueConvertible) throws -> Self? {
        try Stored<Self>.fetchOne(db, key: key)?.record
    }

    func insert(_ db: Database) throws { try Stored(self).insert(db) }
    func update(_ db: Database) throws { try Stored(self).update(db) }
    @discardableResult
    func delete(_ db: Database) throws -> Bool { try Stored(self).delete(db) }
}
