import Foundation
internal import GRDB

/// One line of the audit log: who (role and user name), what, when (to the day), how many.
///
/// Never a response id, an answer, a context value or a receipt: an entry's `detail` holds counts
/// and periods only. Each entry's `hash` is BLAKE2b over the previous hash and the entry's canonical
/// text, so that editing, deleting or reordering any entry breaks the chain from there on.
public struct AuditEntry: Codable, StoredRecord, Sendable, Equatable {
    static let table = "audit_entry"
    /// Position in the log, from 1. The log is ordered by design; responses are not.
    public var seq: Int
    /// `YYYY-MM-DD`: a day, never a time, so an entry cannot be matched to a person's appointment.
    public var day: String
    public var role: String
    public var user: String
    public var action: String
    /// `key=value` pairs separated by `; `: counts, periods, release ids.
    public var detail: String
    public var previousHash: Data
    public var hash: Data

    enum CodingKeys: String, CodingKey {
        case seq, day, role, user, action, detail, previousHash = "previous_hash", hash
    }

    /// The bytes the hash covers: every field but the hash itself, unambiguously separated.
    var canonicalText: String {
        [String(seq), day, role, user, action, detail].map { $0.replacingOccurrences(of: "\u{1F}", with: " ") }
            .joined(separator: "\u{1F}")
    }
}

/// Who did something: the role and the user name (for the command line, the system user).
public struct Actor: Sendable, Equatable {
    public let role: String
    public let user: String

    public init(role: String, user: String) {
        self.role = role
        self.user = user
    }
}
