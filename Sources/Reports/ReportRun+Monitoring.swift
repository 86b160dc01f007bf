import Forms
import Store
import Vault

extension ReportRun {
    /// Releases the monitoring of `plan`: each goal's table (its trend from the baseline year to the
    /// latest year held, ``MonitoringGoal/tableDefinition(years:)``) through the same release as
    /// every other report — disclosure control against every earlier release, the ledger, the audit
    /// log — and the monitoring made of those tables alone.
    ///
    /// The passphrase is checked first, so that a monitoring is never made without it, and only once
    /// for all goals. Years written
    /// relative to the data (`baseline_year: first`, `after_years`) are fixed by the first
    /// monitoring that released the goal (`earlier`, oldest first), so that a purge of old years
    /// does not move them; a year purged since is read from the table an earlier monitoring released
    /// for the goal (still in the ledger), beside this release's table only. A goal whose years are
    /// not all held, or whose table disclosure control refuses (the refusal is recorded like any
    /// other), shows no figure; the other goals are released. `released` hears of each table released.
    public func releaseMonitoring(_ plan: MonitoringPlan, unlock: KeystoreUnlock, earlier: [MonitoringReport] = [],
                                  day: String = AuditDay.today(), released: (PublishedReport) -> Void = { _ in }) throws -> MonitoringReport {
        let unlocked = try keystore.unlock(unlock)
        let held = Set(try keystore.periodKeys().filter { $0.sealedSecret != nil }.map(\.period))
        guard let first = held.min(), let latest = held.max() else { throw ReportError.noPeriods }
        let ledger = try data.releases()
        var panels: [MonitoringReport.Panel] = []
        for setting in plan.goals {
            let fixed = earlier.lazy.flatMap(\.panels).first { $0.goal.id == setting.goal.id }?.goal.baselineYear
            let goal = setting.goal(firstYear: fixed ?? first)
            // Years purged since an earlier monitoring are not released again but read as published then.
            let from = max(goal.baselineYear, first)
            var table: PublishedReport?
            if from <= latest, (from...latest).allSatisfy(held.contains) {
                do {
                    table = try release(goal.tableDefinition(years: from...latest), unlocked: unlocked, day: day)
                    released(table!)
                } catch ReportError.refused {
                    table = nil
                }
            }
            // Only beside this release's table: without it the goal shows no figure, not older ones.
            let recorded = Set(ledger.filter { $0.report == goal.reportName }.map(\.id))
            let carried = table.map { Self.carried(goal, before: from, like: $0, earlier: earlier).filter { recorded.contains($0.release) } } ?? []
            panels.append(MonitoringReport.Panel(goal: goal, reference: goal.comparesWithReference ? reference.byIndicator[goal.indicator] : nil,
                                                 table: table, carried: carried, lowResponseRate: plan.lowResponseRate))
        }
        return MonitoringReport(day: day, lowResponseRate: plan.lowResponseRate, panels: panels)
    }

    /// For each year of `goal` before `year` (purged since), the newest table an earlier monitoring
    /// showed it from, for the same goal counted the same way as `table` (the same categories and
    /// the same codes of the breakdown); each table once, newest first.
    static func carried(_ goal: MonitoringGoal, before year: Int, like table: PublishedReport,
                        earlier: [MonitoringReport]) -> [PublishedReport] {
        guard goal.baselineYear < year else { return [] }
        let same = earlier.reversed().flatMap(\.panels).filter { panel in
            panel.goal.id == goal.id && panel.goal.indicator == goal.indicator && panel.goal.category == goal.category
                && panel.goal.breakdown == goal.breakdown
        }
        let tables = same.flatMap { [$0.table].compactMap { $0 } + $0.carried }.filter { $0.countsLike(table) }
        var chosen: [String] = []
        for missing in goal.baselineYear..<year {
            if let source = tables.first(where: { $0.periods.contains(missing) }), !chosen.contains(source.release) { chosen.append(source.release) }
        }
        var seen = Set<String>()
        return tables.filter { chosen.contains($0.release) && seen.insert($0.release).inserted }
    }
}

extension PublishedReport {
    /// Whether the two tables count the same categories in the same groups, so that a year of one
    /// can stand beside the years of the other.
    func countsLike(_ other: PublishedReport) -> Bool {
        categories == other.categories && dimensions.filter { $0.name != "year" }.map { [$0.name] + $0.codes }
            == other.dimensions.filter { $0.name != "year" }.map { [$0.name] + $0.codes }
    }
}
