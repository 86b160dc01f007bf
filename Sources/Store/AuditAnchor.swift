import Forms
import Foundation

/// A chain hash the data protection officer kept outside the system: the head hash of an earlier
/// audit report or log verification, written `HASH` or `SEQ:HASH`.
///
/// The head file `audit.head` only catches changes to the database alone; someone with access to
/// the whole data directory can rewrite the log from some entry on and write a matching head file.
/// Every later entry then has a new hash, so an anchor taken before the rewrite no longer appears in
/// the chain, and ``AuditLog/verify(_:anchors:)`` says so. An anchor in the part of the log pruned
/// by retention can no longer be checked; give it with its `SEQ` and it is passed over, not flagged.
public struct AuditAnchor: Sendable, Equatable, CustomStringConvertible {
    /// The entry's sequence number, when known.
    public let seq: Int?
    /// 64 lower-case hex digits (BLAKE2b-256).
    public let hash: String

    public init(parsing text: String, field: String = "anchor") throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        let hash = String(parts.last ?? "")
        guard parts.count <= 2, hash.count == 64, hash.allSatisfy({ $0.isHexDigit && $0.isASCII }),
              parts.count == 1 || (parts[0].allSatisfy(\.isNumber) && Int(parts[0]).map { $0 > 0 } == true) else {
            throw InputError(field: field, english: "an anchor is a head hash of 64 hex digits, optionally as SEQ:HASH",
                             german: "Ein Anker ist ein Kettenkopf aus 64 Hexadezimalziffern, wahlweise als NR:HASH.")
        }
        self.hash = hash
        self.seq = parts.count == 2 ? Int(parts[0]) : nil
    }

    public var description: String { seq.map { "\($0):\(hash)" } ?? hash }
}
