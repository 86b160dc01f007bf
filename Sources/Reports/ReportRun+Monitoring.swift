import Forms
import Store
import Vault

extension ReportRun {
    /// Releases the monitoring of `plan`: each goal's table (its trend from the baseline year to the
    /// latest year held, ``MonitoringGoal/tableDefinition(years:)``) through the same release as
    /// every other report — disclosure control against every earlier release, the ledger, the audit
    /// log — and the monitoring made of those tables alone.
    ///
    /// The passphrase is checked first, so that a monitoring is never made without it. Years written
    /// relative to the data (`baseline_year: first`, `after_years`) are fixed by the first
    /// monitoring that released the goal (`earlier`, oldest first), so that a purge of old years
    /// does not move them. A goal whose years are not all held, or whose table disclosure control
    /// refuses (the refusal is recorded like any other), shows no figure; the other goals are
    /// released. `released` hears of each table released.
    public func releaseMonitoring(_ plan: MonitoringPlan, unlock: KeystoreUnlock, earlier: [MonitoringReport] = [],
                                  day: String = AuditDay.today(), released: (PublishedReport) -> Void = { _ in }) throws -> MonitoringReport {
        _ = try keystore.unlock(unlock)
        let held = Set(try keystore.periodKeys().filter { $0.sealedSecret != nil }.map(\.period))
        guard let first = held.min(), let latest = held.max() else { throw ReportError.noPeriods }
        var panels: [MonitoringReport.Panel] = []
        for setting in plan.goals {
            let fixed = earlier.lazy.flatMap(\.panels).first { $0.goal.id == setting.goal.id }?.goal.baselineYear
            let goal = setting.goal(firstYear: fixed ?? first)
            var table: PublishedReport?
            if goal.baselineYear <= latest, (goal.baselineYear...latest).allSatisfy(held.contains) {
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
