import Foundation
import GRDB
import Testing
import TestSupport
@testable import Store
import Vault

/// What the hash chain must cover beyond its own entries: which prunes it accepts, and the ledger.
@Suite struct AuditChainCoverageTests {
    /// An insider deletes the first entries and appends a "pruned" entry naming the cut, with a
    /// matching head file: everything a real prune writes, only earlier than retention allows.
    static func forgePrune(_ data: DataStore, role: String, day: String, before: String) throws -> Int {
        try data.database.write { db in
            let entries = try AuditEntry.order(Column("seq")).fetchAll(db)
            let cut = entries[1]
            try db.execute(sql: "DELETE FROM audit_entry WHERE seq <= ?", arguments: [cut.seq])
            let last = try #require(try AuditEntry.order(Column("seq").desc).fetchOne(db))
            var entry = AuditEntry(seq: last.seq + 1, day: day, role: role, user: "x", action: "audit log pruned",
                                   detail: "entries=2; before=\(before); through_seq=\(cut.seq); through_hash=\(Digest.hexString(cut.hash))",
                                   previousHash: last.hash, hash: Data())
            entry.hash = AuditLog.hash(of: entry)
            try entry.insert(db)
            try Data("\(entry.seq) \(Digest.hexString(entry.hash))\n".utf8).write(to: AuditLog.headURL(data.location))
            return entry.seq
        }
    }

    static func store() throws -> DataStore {
        let fixture = try RetentionFixture(hires: 60)
        let data = fixture.data
        // Enough entries to cut some and keep some.
        for index in 0..<3 {
            try data.auditedWrite(Actor(role: "hr", user: "x"), action: "test \(index)", day: "2026-11-2\(index)") { _ in ((), []) }
        }
        return data
    }

    @Test(arguments: [("dpo", "2026-11-25", "2025-11-25"),   // a year of entries cut: too young
                      ("admin", "2036-11-25", "2026-11-01"), // old enough, but not the DPO's
                      ("dpo", "2046-11-25", "2036-11-25")])  // a cut day after kept entries: not a real cut
    func aPruneBeforeRetentionIsFound(role: String, day: String, before: String) throws {
        let data = try Self.store()
        let seq = try Self.forgePrune(data, role: role, day: day, before: before)
        #expect(try AuditLog.verify(data).problem == .pruneNotDue(seq: seq))
    }

    @Test func aPruneAfterRetentionVerifies() throws {
        let data = try Self.store()
        _ = try Self.forgePrune(data, role: "dpo", day: "2036-11-25", before: "2026-01-01")
        #expect(try AuditLog.verify(data).problem == nil)
    }

    static func release(_ id: String) -> ReleaseRecord {
        ReleaseRecord(id: id, day: "2026-11-25", role: "statistics", user: "s", report: "baseline", indicator: "migration_background",
                      periods: "2025", definition: Data("{}".utf8), cells: Data(#"[{"count":12}]"#.utf8), cellCount: 1,
                      suppressedCount: 0, revisions: Data("{}".utf8))
    }

    @Test func aChangedReleaseIsFound() throws {
        let data = try Self.store()
        try data.recordRelease(Self.release("r1"), counted: data.revisions(), epoch: 0, actor: Actor(role: "statistics", user: "s"))
        try data.recordRelease(Self.release("r2"), counted: data.revisions(), epoch: 1, actor: Actor(role: "statistics", user: "s"))
        #expect(try AuditLog.verify(data).problem == nil)
        // The epoch says which people a release counted: moving it would mislead the next audit.
        try data.database.write { try $0.execute(sql: "UPDATE release SET epoch = 5 WHERE id = 'r2'") }
        #expect(try AuditLog.verify(data).problem == .releaseAltered("r2"))
        try data.database.write { try $0.execute(sql: "UPDATE release SET epoch = 1 WHERE id = 'r2'") }
        try data.database.write { try $0.execute(sql: #"UPDATE release SET cells = '[{"count":13}]' WHERE id = 'r1'"#) }
        #expect(try AuditLog.verify(data).problem == .releaseAltered("r1"))
    }

    @Test func aDeletedOrSlippedInReleaseIsFound() throws {
        let data = try Self.store()
        try data.recordRelease(Self.release("r1"), counted: data.revisions(), epoch: 0, actor: Actor(role: "statistics", user: "s"))
        try data.database.write { try $0.execute(sql: "DELETE FROM release WHERE id = 'r1'") }
        #expect(try AuditLog.verify(data).problem == .releaseMissing("r1"))
        var restored = Self.release("r1")
        restored.epoch = 0
        try data.database.write { try restored.insert($0) }
        try data.database.write { try Self.release("r9").insert($0) }
        #expect(try AuditLog.verify(data).problem == .releaseUnrecorded("r9"))
    }
}
