import Forms

/// What the monitoring shows of one goal, computed from the goal's released table alone: every
/// figure here is a published count or follows from published counts (the same rule as a report's
/// shares, ``PublishedReport/cells(_:answerCategories:minCell:)``), so the monitoring can tell no
/// more than the release recorded in the ledger.
public struct GoalFigures: Sendable, Equatable {
    /// One year of one series.
    public struct Point: Sendable, Equatable {
        public let year: Int
        /// The release of the ledger the point's figures come from.
        public let release: String
        /// The goal category's count; nil when withheld.
        public let count: Int?
        /// Everyone who answered (the indicator's categories); nil unless all are published.
        public let respondents: Int?
        /// Everyone asked (answered or declined); nil when withheld.
        public let asked: Int?
        /// The share of the respondents, where the release shows one.
        public let share: Double?
        public let responseRate: Double?
        /// The share if every non-respondent had answered one way or the other (worst-case bounds,
        /// no model), over everyone asked; only beside a share.
        public let bounds: ClosedRange<Double>?
        /// Whether the share rests on a response rate below the monitoring's threshold.
        public let lowResponse: Bool
    }

    /// The yearly points of one group: the goal's own population, or one part of its breakdown.
    public struct Series: Sendable, Equatable {
        public let code: String
        public let label: LocalizedText
        public let points: [Point]
    }

    /// The goal's own population (all new hires, or the trainees).
    public let headline: Series
    /// The breakdown beside it: career groups, types of employment or Dezernate.
    public let parts: [Series]
    public let baseline: Point?
    /// The point the status rests on: the latest year after the baseline with a published share.
    public let latest: Point?
    public let outcome: StatusRule.Outcome
    /// Change of the share since the baseline, in percentage points.
    public let changePoints: Double?
    /// Target share minus the latest share, in percentage points.
    public let gapToTargetPoints: Double?
    /// Reference share minus the latest share (the baseline's while no later year has one), in
    /// percentage points.
    public let gapToReferencePoints: Double?

    /// - Parameters:
    ///   - table: the goal's released trend (years from the baseline year, grouped by the
    ///     breakdown's grouping); nil when none was released.
    ///   - carried: tables earlier monitorings released for the goal, newest first: the years before
    ///     the table's first (purged since) are read from them, as published then; never without `table`.
    public init(goal: MonitoringGoal, table: PublishedReport?, carried: [PublishedReport] = [], reference: ReferenceShares.Reference?,
                lowResponseRate: Double) {
        // This release's years, and before its first year those purged since, from the newest earlier
        // table that shows them; without this release's table, nothing.
        var sourceOfYear: [Int: PublishedReport] = [:]
        if let table, let start = table.periods.min() {
            for year in table.periods { sourceOfYear[year] = table }
            for source in carried {
                for year in source.periods where year >= goal.baselineYear && year < start && sourceOfYear[year] == nil { sourceOfYear[year] = source }
            }
        }
        guard let labels = table, !sourceOfYear.isEmpty else {
            headline = Series(code: "Total", label: LocalizedText(de: "Insgesamt", en: "All"), points: [])
            (parts, baseline, latest, changePoints, gapToTargetPoints, gapToReferencePoints) = ([], nil, nil, nil, nil, nil)
            outcome = StatusRule.Outcome(status: .noFigure, year: nil, required: nil)
            return
        }
        let years = sourceOfYear.keys.sorted()
        let dimension = goal.breakdown.grouping.first
        func series(_ code: String?) -> Series {
            let points = years.map { year in
                var coordinates = ["year": String(year)]
                if let dimension, let code { coordinates[dimension] = code }
                return Self.point(sourceOfYear[year]!, coordinates: coordinates, year: year, category: goal.category, lowResponseRate: lowResponseRate)
            }
            let text: LocalizedText = if let dimension, let code, code != "Total" {
                LocalizedText(de: labels.label(dimension, code, "de"), en: labels.label(dimension, code, "en"))
            } else {
                LocalizedText(de: "Insgesamt", en: "All")
            }
            return Series(code: code ?? "Total", label: text, points: points)
        }
        switch goal.breakdown {
        case .none: (headline, parts) = (series(nil), [])
        case .trainees: (headline, parts) = (series("trainee"), [])
        case .careerGroup, .employment:
            let codes = labels.dimensions.first { $0.name == dimension }.map { $0.codes.filter($0.leaves.contains) } ?? []
            (headline, parts) = (series("Total"), codes.map(series))
        case .dezernat:
            // The unit dimension's subtotals: neither a unit (leaf) nor the grand total.
            let codes = labels.dimensions.first { $0.name == dimension }.map { unit in unit.codes.filter { !unit.leaves.contains($0) && $0 != "Total" } } ?? []
            (headline, parts) = (series("Total"), codes.map(series))
        }
        let shares = Dictionary(uniqueKeysWithValues: headline.points.compactMap { point in point.share.map { (point.year, $0) } })
        outcome = goal.rule.outcome(shares: shares, baselineYear: goal.baselineYear, latestYear: years.last ?? goal.baselineYear,
                                    target: goal.target)
        let points = headline.points, status = outcome
        let first = points.first { $0.year == goal.baselineYear }
        let last = status.year.flatMap { year in points.first { $0.year == year && year > goal.baselineYear } }
        (baseline, latest) = (first, last)
        let baseShare = first?.share, lastShare = last?.share
        changePoints = baseShare.flatMap { base in lastShare.map { ($0 - base) * 100 } }
        gapToTargetPoints = goal.target.flatMap { target in lastShare.map { (target.share - $0) * 100 } }
        gapToReferencePoints = reference.flatMap { reference in (lastShare ?? baseShare).map { (reference.share - $0) * 100 } }
    }

    /// The releases the points come from, in the order first used.
    public var releases: [String] {
        var seen = Set<String>()
        return headline.points.map(\.release).filter { seen.insert($0).inserted }
    }

    static func point(_ table: PublishedReport, coordinates: [String: String], year: Int, category: String,
                      lowResponseRate: Double) -> Point {
        let cell = table.cell(coordinates, category: category)
        let total = table.cell(coordinates, category: "total")
        let respondents = PublishedReport.sum(table.categories.filter { $0 != AtomTable.declined }.map { table.cell(coordinates, category: $0)?.count })
        let share = cell?.share, asked = total?.count, count = cell?.count
        var bounds: ClosedRange<Double>?
        if share != nil, let count, let respondents, let asked, asked > 0, respondents <= asked {
            bounds = Double(count) / Double(asked)...Double(count + asked - respondents) / Double(asked)
        }
        let rate = total?.responseRate
        return Point(year: year, release: table.release, count: count, respondents: respondents, asked: asked, share: share, responseRate: rate,
                     bounds: bounds, lowResponse: share != nil && rate.map { $0 < lowResponseRate } == true)
    }
}
