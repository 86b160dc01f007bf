import Foundation
import Forms
import Retention
import Store

extension Installation {
    /// The data protection officer's audit as of `asOf` (a later day shows what will then be due).
    /// Decrypts nothing; a broken policy file is an error naming it.
    public func audit(asOf: String) throws -> AuditReport {
        let policies = try Policies.withoutDPIA(directories.policy)
        return try RetentionAudit.run(.init(data: data, keystore: keystore, policy: policies.retention, record: policies.processing,
                                            disclosurePolicy: policies.disclosure.sentences, asOf: asOf))
    }

    /// What a purge as of `asOf` would do; nothing changes.
    public func purgePlan(asOf: String) throws -> [Purge.Step] {
        try Purge.plan(data: data, keystore: keystore, policy: Policies.withoutDPIA(directories.policy).retention, asOf: asOf)
    }

    /// Crypto-shreds expired periods, deletes expired declines and prunes the audit log as of
    /// `asOf` (default today), one decision at a time. A day after today or before the last purge
    /// is refused (``Purge/Refusal``).
    public func purge(asOf: String? = nil, by actor: Actor) throws -> Purge.Outcome {
        let policy = try Policies.withoutDPIA(directories.policy).retention
        let today = AuditDay.today()
        return try deciding {
            let outcome = try Purge.run(data: data, keystore: keystore, policy: policy, asOf: asOf ?? today, today: today, actor: actor)
            // Run where retention runs: invitations past their weeks go, counted as not answered.
            try data.expireInvitations(asOf: asOf ?? today, by: actor, today: today)
            logPurged(outcome, asOf: asOf ?? today)
            return outcome
        }
    }

    /// The audit log's chain, its head file, and the anchors kept outside the system.
    public func verifyLog(anchors: [AuditAnchor]) throws -> AuditLog.Verification {
        try AuditLog.verify(data, anchors: anchors)
    }

    /// The audit log, oldest first; from `since` on when given.
    public func logEntries(since: String? = nil) throws -> [AuditEntry] {
        try AuditLog.entries(data, since: since)
    }

    /// Appends an event that changes no data (a failed sign-in or release passphrase, a password
    /// change, sessions ended) to the audit log.
    public func recordEvent(_ action: String, by actor: Actor) throws {
        try data.recordEvent(action, by: actor)
    }
}

extension Installation {
    /// Whether the installation can serve: both store files answer. Says nothing else, so that a
    /// monitoring probe learns liveness and readiness and no fact about the data.
    public func isReady() -> Bool {
        (try? data.storeID()) != nil && (try? keystore.storeID()) != nil
    }
}

extension Installation {
    func logPurged(_ outcome: Purge.Outcome, asOf: String) {
        logDone(.purge, ["as_of": .day(asOf),
                         "periods_purged": .periods(outcome.steps.filter { $0.scope == "period" }.map(\.period)),
                         "responses_deleted": .count(outcome.steps.reduce(0) { $0 + $1.responses }),
                         "declines_deleted": .count(outcome.steps.reduce(0) { $0 + $1.declines }),
                         "keys_destroyed": .count(outcome.steps.filter(\.destroysKey).count),
                         "log_entries_pruned": .count(outcome.prunedLogEntries)])
    }
}
