import Foundation
internal import GRDB

/// How many invitations of one period were issued, are open, were answered (or declined inside
/// the questionnaire) and expired unanswered. Counts only: nothing says which was which.
public struct InvitationCounts: Sendable, Equatable {
    public var issued: Int
    public var open: Int
    public var redeemed: Int
    public var expired: Int

    public init(issued: Int = 0, open: Int = 0, redeemed: Int = 0, expired: Int = 0) {
        self.issued = issued
        self.open = open
        self.redeemed = redeemed
        self.expired = expired
    }
}

extension DataStore {
    /// How many open invitations expire on or before `day`.
    public func invitationsExpiring(onOrBefore day: String) throws -> Int {
        try database.read { try InvitationRecord.filter(Column("expires_on") <= day).fetchCount($0) }
    }

    /// The form versions (whose consent text the respondents confirmed) of the responses held, per
    /// period: `migration-background v1`.
    public func formVersionsByPeriod() throws -> [Int: [String]] {
        try database.read { db in
            var result: [Int: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT period, form_id, form_version FROM response ORDER BY period, form_id, form_version") {
                let id: String = row["form_id"], version: Int = row["form_version"]
                result[row["period"], default: []].append("\(id) v\(version)")
            }
            return result
        }
    }

    /// Per period, the invitations not answered as of `day`: those expired and counted, and those
    /// still held whose last day has passed (no longer accepted, not yet swept into the count). A
    /// release counts them on its own day without deleting anything, so releasing writes no
    /// invitation change to the audit log.
    public func invitationsNotAnswered(asOf day: String) throws -> [Int: Int] {
        try database.read { db in
            var result: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT period, expired FROM invitation_count") {
                result[row["period"], default: 0] += row["expired"] as Int
            }
            for row in try Row.fetchAll(db, sql: "SELECT period, COUNT(*) AS n FROM invitation WHERE expires_on <= ? GROUP BY period",
                                        arguments: [day]) {
                result[row["period"], default: 0] += row["n"] as Int
            }
            return result
        }
    }

    /// The invitation counts per period.
    public func invitationCounts() throws -> [Int: InvitationCounts] {
        try database.read { db in
            var result: [Int: InvitationCounts] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT period, issued, redeemed, expired FROM invitation_count") {
                result[row["period"]] = InvitationCounts(issued: row["issued"], redeemed: row["redeemed"], expired: row["expired"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT period, COUNT(*) AS n FROM invitation GROUP BY period") {
                result[row["period"], default: InvitationCounts()].open = row["n"]
            }
            return result
        }
    }
}

extension DataStore {
    /// Deletes every invitation expiring on or before `day` and counts it per period as not
    /// answered; returns how many. Nothing of an expired invitation survives but that count, and
    /// nothing due writes nothing.
    @discardableResult
    public func expireInvitations(asOf day: String, by actor: Actor, today: String = AuditDay.today()) throws -> Int {
        let due = try database.read { try InvitationRecord.filter(Column("expires_on") <= day).fetchCount($0) }
        guard due > 0 else { return 0 }
        defer { try? database.truncateLog() }
        return try auditedWrite(actor, action: "invitations expired", day: today) { db in
            var total = 0
            for row in try Row.fetchAll(db, sql: "SELECT period, COUNT(*) AS n FROM invitation WHERE expires_on <= ? GROUP BY period",
                                        arguments: [day]) {
                let period: Int = row["period"], count: Int = row["n"]
                try InvitationRecord.count(period: period, expired: count, in: db)
                total += count
            }
            try InvitationRecord.filter(Column("expires_on") <= day).deleteAll(db)
            return (total, [("invitations", String(total))])
        }
    }
}
