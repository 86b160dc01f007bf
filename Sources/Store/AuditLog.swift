import Foundation
internal import GRDB
import Vault

/// The tamper-evident audit log in `vielfalt.sqlite`, with its chain head mirrored in `audit.head`.
///
/// Append with ``append(_:action:detail:day:in:)`` inside the transaction of the change it records,
/// then ``writeHead(_:)`` after the commit. ``verify(_:)`` recomputes the chain and compares it with
/// the head file, so that a rewritten entry, a deleted or reordered one, and a truncated log are all
/// found. The head file only defends against changes to the database alone; keep the head hash from
/// each DPO audit report outside the system and pass it back as an ``AuditAnchor``: a log rewritten
/// together with its head file no longer contains it.
public enum AuditLog {
    static let genesis = Data(repeating: 0, count: Digest.byteCount)

    /// Appends an entry in the current transaction and returns it.
    @discardableResult
    static func append(_ actor: Actor, action: String, detail: [(String, String)], day: String,
                       in db: Database) throws -> AuditEntry {
        let last = try AuditEntry.order(Column("seq").desc).fetchOne(db)
        var entry = AuditEntry(seq: (last?.seq ?? 0) + 1, day: day, role: actor.role, user: actor.user, action: action,
                               detail: detail.map { "\($0)=\($1)" }.joined(separator: "; "),
                               previousHash: last?.hash ?? genesis, hash: Data())
        entry.hash = hash(of: entry)
        try entry.insert(db)
        return entry
    }

    static func hash(of entry: AuditEntry) -> Data {
        Data(Digest.blake2b([UInt8](entry.previousHash) + Array(entry.canonicalText.utf8)))
    }

    /// The head file beside the database: `seq hash` of the last entry.
    public static func headURL(_ location: StoreLocation) -> URL {
        location.directory.appendingPathComponent("audit.head")
    }

    /// Writes the head file atomically (temporary file, then rename), never moving it backwards.
    ///
    /// Writers run concurrently in the web application: each commits its entry in turn, but their
    /// head writes could overtake each other. Under one lock, a head that already names a later entry
    /// is left as it is.
    public static func writeHead(_ location: StoreLocation, entry: AuditEntry) throws {
        headLock.lock()
        defer { headLock.unlock() }
        let url = headURL(location)
        if let current = try? String(contentsOf: url, encoding: .utf8),
           let seq = Int(current.split(separator: " ").first ?? ""), seq >= entry.seq {
            return
        }
        let temporary = url.appendingPathExtension("tmp")
        try Data("\(entry.seq) \(Digest.hex([UInt8](entry.hash)))\n".utf8).write(to: temporary)
        _ = rename(temporary.path, url.path)
    }

    private static let headLock = NSLock()

    /// What verification found.
    public struct Verification: Sendable, Equatable {
        public let entries: Int
        public let headHash: String?
        /// The number of the last entry: with ``headHash`` the anchor `SEQ:HASH` to keep.
        public var headSeq: Int?
        /// Anchors given that lie in the pruned part of the log and could not be checked.
        public var anchorsSkipped = 0
        /// The first problem, or nil when the chain is intact and matches the head file.
        public let problem: Problem?

        init(entries: Int, headHash: String?, headSeq: Int? = nil, problem: Problem?) {
            self.entries = entries
            self.headHash = headHash
            self.headSeq = headSeq
            self.problem = problem
        }

        /// `SEQ:HASH` of the last entry, to keep outside the system and pass back as an anchor.
        public var anchor: String? { headSeq.flatMap { seq in headHash.map { "\(seq):\($0)" } } }

        public enum Problem: Sendable, Equatable, CustomStringConvertible {
            case brokenAt(seq: Int)
            case gapAt(seq: Int)
            case headMissing
            case headMismatch(headSeq: Int, logSeq: Int)
            /// An anchor kept outside the system is not (or not at its number) in the chain.
            case anchorMissing(String)
            /// Every anchor given lies in the pruned part of the log: none could be checked.
            case anchorPruned(String)
            /// A "pruned" entry that cut entries younger than the log's retention, or was not the DPO's.
            case pruneNotDue(seq: Int)
            /// A release's ledger row differs from the digest its audit entry recorded.
            case releaseAltered(String)
            /// A release the audit log recorded has no row in the ledger any more.
            case releaseMissing(String)
            /// A ledger row that no audit entry records.
            case releaseUnrecorded(String)

            public var description: String {
                switch self {
                case .brokenAt(let seq): "entry \(seq) was altered, or an entry before it was removed or reordered: its hash does not follow from its predecessor"
                case .gapAt(let seq): "entry \(seq) is missing: the sequence jumps there"
                case .headMissing: "the head file audit.head is missing or unreadable"
                case .headMismatch(let headSeq, let logSeq): "the head file names entry \(headSeq) but the log ends at entry \(logSeq): the log was truncated or rewritten"
                case .anchorMissing(let anchor): "the anchor \(anchor) is not in the chain: the log was rewritten together with its head file since that hash was taken"
                case .anchorPruned(let anchor): "even the newest anchor \(anchor) lies before the log's start, which a prune after ten years cannot explain: the log may have been rewritten behind a forged pruning entry"
                case .pruneNotDue(let seq): "entry \(seq) records a prune of entries younger than ten years, or not by the data protection officer: the log was cut where retention does not allow it"
                case .releaseAltered(let id): "release \(id) in the ledger differs from the digest its audit entry recorded: its figures were changed"
                case .releaseMissing(let id): "release \(id) is recorded in the audit log but missing from the ledger"
                case .releaseUnrecorded(let id): "release \(id) is in the ledger but no audit entry records it"
                }
            }

            public var german: String {
                switch self {
                case .brokenAt(let seq): "Eintrag \(seq) wurde verändert, oder ein Eintrag davor wurde entfernt oder umgestellt."
                case .gapAt(let seq): "Eintrag \(seq) fehlt: die Nummerierung springt."
                case .headMissing: "Die Kopfdatei audit.head fehlt oder ist unlesbar."
                case .headMismatch(let headSeq, let logSeq): "Die Kopfdatei nennt Eintrag \(headSeq), das Protokoll endet bei \(logSeq): es wurde gekürzt oder umgeschrieben."
                case .anchorMissing(let anchor): "Der Anker \(anchor) fehlt in der Kette: Das Protokoll wurde samt Kopfdatei umgeschrieben, seit dieser Wert notiert wurde."
                case .anchorPruned(let anchor): "Selbst der neueste Anker \(anchor) liegt vor dem Beginn des Protokolls, was eine Kürzung nach zehn Jahren nicht erklärt: Das Protokoll wurde womöglich hinter einem gefälschten Kürzungseintrag umgeschrieben."
                case .pruneNotDue(let seq): "Eintrag \(seq) verzeichnet eine Kürzung um Einträge, die jünger als zehn Jahre sind, oder nicht durch die Datenschutzbeauftragte: Das Protokoll wurde gekürzt, wo die Aufbewahrung es nicht erlaubt."
                case .releaseAltered(let id): "Veröffentlichung \(id) im Register weicht vom Prüfwert in ihrem Protokolleintrag ab: Ihre Zahlen wurden verändert."
                case .releaseMissing(let id): "Veröffentlichung \(id) steht im Protokoll, fehlt aber im Veröffentlichungsregister."
                case .releaseUnrecorded(let id): "Veröffentlichung \(id) steht im Register, aber in keinem Protokolleintrag."
                }
            }
        }
    }

    /// Recomputes the chain, compares its end with the head file, and looks up each anchor.
    public static func verify(_ store: DataStore, anchors: [AuditAnchor] = []) throws -> Verification {
        let entries = try store.database.read { try AuditEntry.order(Column("seq")).fetchAll($0) }
        // A pruned log starts after the entry that a later "audit log pruned" entry names.
        var start = 1
        var previous = genesis
        if let first = entries.first, first.seq != 1 {
            let expected = "through_seq=\(first.seq - 1); through_hash=\(Digest.hex([UInt8](first.previousHash)))"
            guard let prune = entries.first(where: { $0.action == "audit log pruned" && $0.detail.hasSuffix(expected) }) else {
                return Verification(entries: entries.count, headHash: nil, problem: .gapAt(seq: 1))
            }
            guard isDue(prune, firstKept: first) else {
                return Verification(entries: entries.count, headHash: nil, problem: .pruneNotDue(seq: prune.seq))
            }
            start = first.seq
            previous = first.previousHash
        }
        for (index, entry) in entries.enumerated() {
            guard entry.seq == start + index else { return Verification(entries: entries.count, headHash: nil, problem: .gapAt(seq: start + index)) }
            guard entry.previousHash == previous, hash(of: entry) == entry.hash else {
                return Verification(entries: entries.count, headHash: nil, problem: .brokenAt(seq: entry.seq))
            }
            previous = entry.hash
        }
        let lastHex = entries.last.map { Digest.hex([UInt8]($0.hash)) }
        guard let head = try? String(contentsOf: headURL(store.location), encoding: .utf8) else {
            // An empty log without a head file is a new store, unless an anchor says otherwise.
            let problem: Verification.Problem? = entries.isEmpty ? anchors.first.map { .anchorMissing($0.description) } : .headMissing
            return Verification(entries: entries.count, headHash: lastHex, problem: problem)
        }
        let parts = head.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let logSeq = entries.last?.seq ?? 0
        guard parts.count == 2, let headSeq = Int(parts[0]) else {
            return Verification(entries: entries.count, headHash: lastHex, problem: .headMissing)
        }
        guard headSeq == logSeq, parts[1] == lastHex else {
            return Verification(entries: entries.count, headHash: lastHex, problem: .headMismatch(headSeq: headSeq, logSeq: logSeq))
        }
        var hashes = Dictionary(entries.map { (Digest.hex([UInt8]($0.hash)), $0.seq) }, uniquingKeysWith: { first, _ in first })
        // The last pruned entry is still known: the first kept entry carries its hash.
        if start > 1, let first = entries.first { hashes[Digest.hex([UInt8](first.previousHash))] = start - 1 }
        var skipped: [AuditAnchor] = []
        for anchor in anchors {
            if let seq = anchor.seq, seq < start - 1 { skipped.append(anchor); continue }
            guard let found = hashes[anchor.hash], anchor.seq == nil || anchor.seq == found else {
                return Verification(entries: entries.count, headHash: lastHex, problem: .anchorMissing(anchor.description))
            }
        }
        // A real prune removes only entries older than ten years; the newest anchor is younger. If
        // every anchor lies before the log's start, that start may be a forged "pruned" entry.
        if !anchors.isEmpty, skipped.count == anchors.count, let newest = skipped.max(by: { ($0.seq ?? 0) < ($1.seq ?? 0) }) {
            return Verification(entries: entries.count, headHash: lastHex, problem: .anchorPruned(newest.description))
        }
        var verification = Verification(entries: entries.count, headHash: lastHex, headSeq: entries.last?.seq,
                                        problem: try store.releaseProblem())
        verification.anchorsSkipped = skipped.count
        return verification
    }

    /// Entries from `since` (a `YYYY-MM-DD` day) on, oldest first.
    public static func entries(_ store: DataStore, since: String? = nil) throws -> [AuditEntry] {
        try store.database.read { db in
            var request = AuditEntry.order(Column("seq"))
            if let since { request = request.filter(Column("day") >= since) }
            return try request.fetchAll(db)
        }
    }
}

extension AuditLog {
    /// The audit log's retention (DESIGN: ten years); no prune may cut a younger entry.
    static let retentionYears = 10

    /// A prune counts only if the DPO made it, its cut day (`before=`) lies at least
    /// ``retentionYears`` before the prune's own day, and no kept entry is older than the cut:
    /// otherwise "pruned" would be a way to delete last month's entries with a clean chain.
    static func isDue(_ prune: AuditEntry, firstKept: AuditEntry) -> Bool {
        let fields = Dictionary(prune.detail.split(separator: ";").compactMap { pair -> (String, String)? in
            let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }, uniquingKeysWith: { first, _ in first })
        guard prune.role == "dpo", let before = fields["before"], (try? AuditDay.parse(before, field: "before")) != nil,
              let year = Int(prune.day.prefix(4)) else { return false }
        let latestCut = String(format: "%04d", year - retentionYears) + prune.day.dropFirst(4)
        return before <= latestCut && firstKept.day >= before
    }

    /// Deletes entries written before `day` and records the cut in a new entry that names the last
    /// deleted entry and its hash, so the shortened chain still verifies from its first entry.
    @discardableResult
    public static func prune(_ store: DataStore, before day: String, actor: Actor, today: String) throws -> Int {
        let pruned = try store.auditedWrite(actor, action: "audit log pruned", day: today) { db -> (Int, [(String, String)]) in
            guard let last = try AuditEntry.filter(Column("day") < day).order(Column("seq").desc).fetchOne(db) else {
                return (0, [("entries", "0")])
            }
            let count = try AuditEntry.filter(Column("seq") <= last.seq).deleteAll(db)
            // The cut day lets `verify` refuse a prune of entries younger than the retention.
            return (count, [("entries", String(count)), ("before", day), ("through_seq", String(last.seq)),
                            ("through_hash", Digest.hex([UInt8](last.hash)))])
        }
        try store.database.compact()
        return pruned
    }
}
