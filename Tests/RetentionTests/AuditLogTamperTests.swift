import Forms
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Retention
@testable import Store

/// Every way of changing the log behind the application's back is found, by verify and by the audit.
@Suite struct AuditLogTamperTests {
    enum Tamper: String, CaseIterable {
        case edit, delete, reorder, truncate, truncateWithHead, removeHead
    }

    @Test(arguments: Tamper.allCases)
    func tamperingIsDetected(_ tamper: Tamper) throws {
        let fixture = try RetentionFixture(hires: 60)
        try fixture.addLogEntries()
        let data = fixture.data
        let entries = try AuditLog.entries(data)
        try #require(entries.count >= 4)
        try data.database.write { db in
            switch tamper {
            case .edit:
                try db.execute(sql: "UPDATE audit_entry SET detail = 'declines=0; period=2021' WHERE seq = 3")
            case .delete:
                try db.execute(sql: "DELETE FROM audit_entry WHERE seq = 2")
            case .reorder:
                try db.execute(sql: "UPDATE audit_entry SET seq = -1 WHERE seq = 2")
                try db.execute(sql: "UPDATE audit_entry SET seq = 2 WHERE seq = 3")
                try db.execute(sql: "UPDATE audit_entry SET seq = 3 WHERE seq = -1")
            case .truncate, .truncateWithHead:
                try db.execute(sql: "DELETE FROM audit_entry WHERE seq = ?", arguments: [entries.count])
            case .removeHead:
                break
            }
        }
        if tamper == .truncateWithHead {
            // The attacker rewrites the head file by hand to name the new last entry.
            let last = entries[entries.count - 2]
            try Data("\(last.seq) \(Digest.hexString(last.hash))\n".utf8).write(to: AuditLog.headURL(fixture.location))
        }
        if tamper == .removeHead { try FileManager.default.removeItem(at: AuditLog.headURL(fixture.location)) }

        let expected: AuditLog.Verification.Problem = switch tamper {
        case .edit: .brokenAt(seq: 3)
        case .delete: .gapAt(seq: 2)
        case .reorder: .brokenAt(seq: 2)
        case .truncate: .headMismatch(headSeq: entries.count, logSeq: entries.count - 1)
        case .truncateWithHead: .headMismatch(headSeq: entries.count - 1, logSeq: entries.count - 1)
        case .removeHead: .headMissing
        }
        if tamper == .truncateWithHead {
            // An attacker who rewrites the head file as well is caught only by an anchor kept from an
            // earlier audit (``AuditAnchorTests``): the chain itself is consistent again.
            #expect(try AuditLog.verify(data).problem == nil)
            #expect(try AuditLog.verify(data).headHash != entries.last.map { Digest.hexString($0.hash) })
            return
        }
        #expect(try AuditLog.verify(data).problem == expected)
        let report = try fixture.audit(asOf: "2026-11-25")
        #expect(!report.compliant)
        #expect(report.findings.contains { $0.severity == "critical" && $0.text.en == "audit log: \(expected)" })
    }
}

/// A head hash kept outside the system catches the rewrite the head file cannot.
@Suite struct AuditAnchorTests {
    @Test func aLogRewrittenWithItsHeadFileNoLongerHoldsAnEarlierAnchor() throws {
        let fixture = try RetentionFixture(hires: 60)
        try fixture.addLogEntries()
        let data = fixture.data
        let before = try AuditLog.verify(data)
        let anchor = try AuditAnchor(parsing: try #require(before.anchor))
        let bare = try AuditAnchor(parsing: try #require(before.headHash).uppercased())
        #expect(try AuditLog.verify(data, anchors: [anchor, bare]).problem == nil)

        // The insider edits entry 2 and recomputes every later hash and the head file.
        try data.database.write { db in
            var previous: Data?
            for var entry in try AuditEntry.order(Column("seq")).fetchAll(db) where entry.seq >= 2 {
                if entry.seq == 2 { entry.detail = "declines=0; period=2021" }
                if let previous { entry.previousHash = previous }
                entry.hash = AuditLog.hash(of: entry)
                try entry.update(db)
                previous = entry.hash
            }
        }
        let last = try #require(try AuditLog.entries(data).last)
        try Data("\(last.seq) \(Digest.hexString(last.hash))\n".utf8).write(to: AuditLog.headURL(fixture.location))

        #expect(try AuditLog.verify(data).problem == nil)
        #expect(try AuditLog.verify(data, anchors: [anchor]).problem == .anchorMissing(anchor.description))
        #expect(try AuditLog.verify(data, anchors: [bare]).problem == .anchorMissing(bare.description))
        // An anchor from before the edited entry still holds: the chain up to it is untouched.
        let first = try #require(try AuditLog.entries(data).first)
        #expect(try AuditLog.verify(data, anchors: [AuditAnchor(parsing: "1:\(Digest.hexString(first.hash))")]).problem == nil)
        #expect(try AuditLog.verify(data, anchors: [AuditAnchor(parsing: "2:\(Digest.hexString(first.hash))")]).problem != nil)
    }

    @Test func aForgedPruningEntryDoesNotHideEveryAnchor() throws {
        let fixture = try RetentionFixture(hires: 60)
        let data = fixture.data
        let old = try AuditAnchor(parsing: try #require(try AuditLog.verify(data).anchor))
        let headSeq = try #require(old.seq)
        // The insider rewrites the whole log as if everything up to the head had been pruned: new
        // numbers after the head, a "pruned" entry naming a made-up hash, a matching head file.
        try data.database.write { db in
            let forged = String(repeating: "7", count: 64)
            try db.execute(sql: "DELETE FROM audit_entry")
            var entry = AuditEntry(seq: headSeq + 6, day: "2026-11-25", role: "dpo", user: "dpo", action: "audit log pruned",
                                   detail: "before=2016-11-25; through_seq=\(headSeq + 5); through_hash=\(forged)",
                                   previousHash: Data(hexString: forged), hash: Data())
            entry.hash = AuditLog.hash(of: entry)
            try entry.insert(db)
            try Data("\(entry.seq) \(Digest.hexString(entry.hash))\n".utf8).write(to: AuditLog.headURL(fixture.location))
        }
        #expect(try AuditLog.verify(data).problem == nil)
        #expect(try AuditLog.verify(data, anchors: [old]).problem == .anchorPruned(old.description))
        // The entry just before the start is still checkable: its hash is the first entry's predecessor.
        let earlier = try AuditAnchor(parsing: "\(headSeq + 5):\(String(repeating: "7", count: 64))")
        #expect(try AuditLog.verify(data, anchors: [earlier]).problem == nil)
        #expect(try AuditLog.verify(data, anchors: [earlier, old]).anchorsSkipped == 1)
        let wrong = try AuditAnchor(parsing: "\(headSeq + 5):\(String(repeating: "8", count: 64))")
        #expect(try AuditLog.verify(data, anchors: [wrong]).problem == .anchorMissing(wrong.description))
    }

    @Test(arguments: ["", "abc", String(repeating: "g", count: 64), "0:" + String(repeating: "a", count: 64),
                      "x:" + String(repeating: "a", count: 64), "1:2:" + String(repeating: "a", count: 64), String(repeating: "a", count: 65)])
    func malformedAnchorsAreRefusedByName(_ text: String) {
        #expect(throws: InputError.self) { try AuditAnchor(parsing: text, field: "anchor") }
        do { _ = try AuditAnchor(parsing: text, field: "anchor") } catch let error as InputError {
            #expect(error.field == "anchor")
        } catch {}
    }
}

import Vault
extension Digest {
    static func hexString(_ data: Data) -> String { hex([UInt8](data)) }
}

extension Data {
    /// Bytes from hex digits (test input only: assumes an even count of valid digits).
    init(hexString: String) {
        var bytes: [UInt8] = []
        var index = hexString.startIndex
        while index < hexString.endIndex {
            let next = hexString.index(index, offsetBy: 2)
            bytes.append(UInt8(hexString[index..<next], radix: 16)!)
            index = next
        }
        self.init(bytes)
    }
}
