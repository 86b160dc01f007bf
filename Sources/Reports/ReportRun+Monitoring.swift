import Forms
import Store
import Vault

extension ReportRun {
    /// Releases the monitoring of `plan`: each goal's table (its trend from the baseline year to the
    /// latest year held, ``MonitoringGoal/tableDefinition(years:)``) through the same release as
    /// every other report — disclosure control against every earlier release, the ledger, the audit
    /// log — and the monitoring made of those tables alone.
    ///
    /// A goal whose baseline year is not held, or whose table disclosure control refuses (the refusal
    /// is recorded like any other), shows no figure; the other goals are released. `released` hears
    /// of each table released.
    public func releaseMonitoring(_ plan: MonitoringPlan, unlock: KeystoreUnlock, day: String = AuditDay.today(),
                                  released: (PublishedReport) -> Void = { _ in }) throws -> MonitoringReport {
        let held = Set(try keystore.periodKeys().filter { $0.sealedSecret != nil }.map(\.period))
        guard let first = held.min(), let latest = held.max() else { throw ReportError.noPeriods }
        var panels: [MonitoringReport.Panel] = []
        for goal in plan.goals.map({ $0.goal(firstYear: first) }) {
            var table: PublishedReport?
            if held.contains(goal.baselineYear) {
                do {
                    table = try release(goal.tableDefinition(years: goal.baselineYear...latest), unlock: unlock, day: day)
                    released(table!)
                } catch ReportError.refused {
                    table = nil
                }
            }
            panels.append(MonitoringReport.Panel(goal: goal, reference: goal.reference.flatMap { reference.byIndicator[$0] },
                                                 table: table, lowResponseRate: plan.lowResponseRate))
        }
        return MonitoringReport(day: day, lowResponseRate: plan.lowResponseRate, panels: panels)
    }
}
