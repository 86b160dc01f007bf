import Foundation
import Forms
import Reports
import Store
import Vault

extension Installation {
    /// `reports/monitoring.yaml`, checked against the forms and `reports/reference.yaml`.
    public func monitoringPlan() throws -> MonitoringPlan {
        let forms = try catalog.forms.forms
        let reference = try Policies.reference(directories.reports)
        return try Policies.file(MonitoringPlan.fileName, in: directories.reports) {
            guard FileManager.default.fileExists(atPath: $0.path) else { throw MonitoringPlan.missing }
            return try MonitoringPlan.load(contentsOf: $0, forms: forms, references: reference)
        }
    }

    /// The goal's table: its trend from the baseline year to the latest year held, grouped by its
    /// breakdown. Named after the goal, so that the ledger and the audit log say what it was for.
    static func definition(of goal: MonitoringGoal, years: ClosedRange<Int>) -> ReportDefinition {
        ReportDefinition(name: "monitoring-\(goal.id)", title: goal.title, kind: .trend, indicator: goal.indicator,
                         by: goal.breakdown.grouping, periods: .years(years))
    }

    /// Releases the monitoring: each goal's table through the same release as every other report
    /// (disclosure control against every earlier release, the ledger, the audit log), then the
    /// monitoring made of those tables alone, stored for the integration office's dashboard.
    ///
    /// A goal whose baseline year is not held yet, or whose table disclosure control refuses (the
    /// refusal is recorded like any other), shows no figure; the others are released.
    public func releaseMonitoring(unlock: KeystoreUnlock, by actor: Actor, day: String = AuditDay.today()) throws
        -> (monitoring: MonitoringReport, id: String) {
        let plan = try monitoringPlan()
        let disclosure = try Policies.disclosure(directories.policy)
        let reference = try Policies.reference(directories.reports)
        return try deciding {
            let run = try reportRun(disclosure: disclosure, reference: reference, actor: actor)
            let held = Set(try keystore.periodKeys().filter { $0.sealedSecret != nil }.map(\.period))
            guard let first = held.min(), let latest = held.max() else { throw ReportError.noPeriods }
            var panels: [MonitoringReport.Panel] = []
            for goal in plan.goals.map({ $0.goal(firstYear: first) }) {
                var table: PublishedReport?
                if held.contains(goal.baselineYear) {
                    do {
                        table = try run.release(Self.definition(of: goal, years: goal.baselineYear...latest), unlock: unlock, day: day)
                        logReleased(table!)
                    } catch ReportError.refused {
                        table = nil
                    }
                }
                panels.append(MonitoringReport.Panel(goal: goal, reference: goal.reference.flatMap { reference.byIndicator[$0] },
                                                     table: table, lowResponseRate: plan.lowResponseRate))
            }
            let monitoring = MonitoringReport(day: day, lowResponseRate: plan.lowResponseRate, panels: panels)
            let id = ReportRequestStore.newID()
            try users.monitoring.add(MonitoringRecord(id: id, releasedOn: day, releasedBy: actor.user, json: monitoring.json()))
            try data.recordEvent("monitoring released", detail: [("monitoring", id), ("releases", String(monitoring.releases.count))],
                                 by: actor, day: day)
            _ = try? completePendingRotation(unlock, by: actor)
            return (monitoring, id)
        }
    }

    /// The newest monitoring released, read back from what was stored; nil before the first.
    public func latestMonitoring() throws -> (monitoring: MonitoringReport, record: MonitoringRecord)? {
        guard let record = try users.monitoring.latest() else { return nil }
        return (try MonitoringReport(json: record.json), record)
    }

    /// A monitoring released earlier, by its id; nil for an unknown or malformed id.
    public func monitoring(_ id: String) throws -> (monitoring: MonitoringReport, record: MonitoringRecord)? {
        guard let record = try users.monitoring.find(id) else { return nil }
        return (try MonitoringReport(json: record.json), record)
    }
}
