import Foundation
internal import GRDB

/// A release as the keystore remembers it: its place in the order of releases, its id and the
/// digest of what it published (``ReleaseRecord/digest``). Published ids and digests only: no
/// figure, no answer, no secret.
///
/// The release ledger lives with the data, so restoring a data backup forgets every release made
/// after the backup, and the next release is no longer audited against them (threat model 5). The
/// keys directory is kept apart from the data and is not rolled back with it: its marks are what a
/// restore and the audit compare the ledger with.
public struct ReleaseMark: Codable, StoredRecord, Sendable, Equatable {
    static let table = "release_mark"
    /// 1 for the first release marked, counting up.
    public let seq: Int
    public let release: String
    /// Keyed by the digest, not the id: an id can come again once the ledger was rolled back.
    public let digest: String

    static func migrate(_ db: Database) throws {
        try db.create(table: table) { t in
            t.primaryKey("digest", .text)
            t.column("seq", .integer).notNull()
            t.column("release", .text).notNull()
        }
    }

    /// The marks whose release `ledger` does not hold (same digest), in their order.
    public static func forgotten(_ marks: [ReleaseMark], by ledger: [ReleaseRecord]) -> [ReleaseMark] {
        let held = Set(ledger.map(\.digest))
        return marks.filter { !held.contains($0.digest) }
    }
}

extension Keystore {
    /// Marks a release; one marked already keeps its place.
    public func markRelease(_ release: String, digest: String) throws {
        try database.write { db in
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM release_mark") ?? 0) + 1
            try db.execute(sql: "INSERT INTO release_mark (digest, seq, release) VALUES (?, ?, ?) ON CONFLICT(digest) DO NOTHING",
                           arguments: [digest, next, release])
        }
    }

    /// Removes the mark of a release the ledger did not record after all.
    public func unmarkRelease(digest: String) throws {
        try database.write { try $0.execute(sql: "DELETE FROM release_mark WHERE digest = ?", arguments: [digest]) }
    }

    /// Every release marked, oldest first.
    public func releaseMarks() throws -> [ReleaseMark] {
        try database.read { try ReleaseMark.order(Column("seq")).fetchAll($0) }
    }
}
