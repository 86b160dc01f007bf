import Foundation
import Forms
import Reports
import Store
import Vault

extension Installation {
    /// `reports/monitoring.yaml`, checked against the forms and `reports/reference.yaml`.
    public func monitoringPlan() throws -> MonitoringPlan {
        guard let plan = try Policies.monitoring(directories.reports, forms: try catalog.forms.forms) else { throw MonitoringPlan.missing }
        return plan
    }

    /// Releases the monitoring (``Reports/ReportRun/releaseMonitoring(_:unlock:day:released:)``) and
    /// stores it for the integration office's dashboard, with an entry in the audit log.
    public func releaseMonitoring(unlock: KeystoreUnlock, by actor: Actor, day: String = AuditDay.today()) throws
        -> (monitoring: MonitoringReport, id: String) {
        let plan = try monitoringPlan()
        let disclosure = try Policies.disclosure(directories.policy)
        let reference = try Policies.reference(directories.reports)
        return try deciding {
            let earlier = try users.monitoring.all().reversed().map { try MonitoringReport(json: $0.json) }
            let monitoring = try reportRun(disclosure: disclosure, reference: reference, actor: actor)
                .releaseMonitoring(plan, unlock: unlock, earlier: earlier, day: day) { logReleased($0) }
            let id = ReportRequestStore.newID()
            try users.monitoring.add(MonitoringRecord(id: id, releasedOn: day, releasedBy: actor.user, json: monitoring.json()))
            try data.recordEvent("monitoring released", detail: [("monitoring", id), ("releases", String(monitoring.newReleases.count))],
                                 by: actor, day: day)
            _ = try? completePendingRotation(unlock, by: actor)
            return (monitoring, id)
        }
    }

    /// The same for the statistics unit's page and the API: the outcome instead of an error, and a
    /// wrong passphrase written to the audit log.
    public func releaseMonitoring(unlock: KeystoreUnlock, by user: String) -> RequestOutcome {
        let actor = Actor(role: Role.statistics.rawValue, user: user)
        do {
            _ = try releaseMonitoring(unlock: unlock, by: actor)
            return .released
        } catch {
            let outcome = Self.outcome(failing: error)
            recordWrongPassphrase(outcome, by: actor)
            return outcome
        }
    }

    /// The newest monitoring released, read back from what was stored; nil before the first.
    public func latestMonitoring() throws -> (monitoring: MonitoringReport, record: MonitoringRecord)? {
        guard let record = try users.monitoring.latest() else { return nil }
        return (try MonitoringReport(json: record.json), record)
    }
}
