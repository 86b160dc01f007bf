import Foundation
import Forms

/// `reports/monitoring.yaml`: the integration concept's goals as data, for the monitoring that shows
/// the degree of fulfilment (committee minutes of 2020-09-24).
///
/// Each goal names an indicator and its category, whose share of the respondents is followed from a
/// baseline year, optionally towards a target share by a target year, beside a reference share of
/// `reports/reference.yaml`. The status follows a written rule (``StatusRule``), and the goal carries
/// the state of the measure behind it, as the committee asked.
public struct MonitoringPlan: Sendable, Equatable {
    public let goals: [GoalSetting]
    /// Below this response rate a share is marked as resting on few answers.
    public let lowResponseRate: Double

    public static let fileName = "monitoring.yaml"
    public static let defaultLowResponseRate = 0.5
    public static let missing = InputError(english: "there is no monitoring.yaml: write the goals first (see the README, Monitoring)",
                                           german: "Es gibt keine monitoring.yaml: Zuerst die Ziele eintragen (siehe README, Monitoring).")
    /// A dashboard of one panel per goal stays readable, and a council report short.
    public static let maximumGoals = 12

    public init(goals: [GoalSetting], lowResponseRate: Double = defaultLowResponseRate) {
        self.goals = goals
        self.lowResponseRate = lowResponseRate
    }

    /// Reads and checks the file against the forms (indicator, category, breakdown) and the
    /// reference shares; every error names file, line and key.
    public static func load(contentsOf url: URL, forms: [FormDefinition], references: ReferenceShares) throws -> MonitoringPlan {
        try MonitoringPlan(yaml: YAMLNode.load(contentsOf: url), forms: forms, references: references)
    }

    public static func parse(_ text: String, file: String = "monitoring.yaml", forms: [FormDefinition],
                             references: ReferenceShares) throws -> MonitoringPlan {
        try MonitoringPlan(yaml: YAMLNode.parse(text, file: file), forms: forms, references: references)
    }

    init(yaml root: YAMLNode, forms: [FormDefinition], references: ReferenceShares) throws {
        try root.rejectUnknownKeys(["goals", "low_response_rate"])
        if let node = try root.optionalChild("low_response_rate") {
            lowResponseRate = try node.share()
        } else {
            lowResponseRate = Self.defaultLowResponseRate
        }
        let list = try root.child("goals")
        let nodes = try list.list()
        guard (1...Self.maximumGoals).contains(nodes.count) else {
            throw list.error("give 1 to \(Self.maximumGoals) goals", "1 bis \(Self.maximumGoals) Ziele angeben.")
        }
        var goals: [GoalSetting] = []
        for node in nodes {
            let setting = try GoalSetting(yaml: node, forms: forms, references: references)
            if goals.contains(where: { $0.goal.id == setting.goal.id }) {
                throw try node.child("id").error("id '\(setting.goal.id)' is used twice", "Die Kennung „\(setting.goal.id)“ kommt zweimal vor.")
            }
            goals.append(setting)
        }
        self.goals = goals
    }
}

/// A goal as written: its baseline year may be the first hiring year held (`baseline_year: first`)
/// and its target year a number of years after the baseline (`target: {after_years: 8}`), so that
/// a goal can be written before the first data exist; ``goal(firstYear:)`` fixes both.
public struct GoalSetting: Sendable, Equatable {
    /// The goal with its years as written (the baseline year 0 when it is the first year held).
    public let goal: MonitoringGoal
    public let baselineIsFirstYear: Bool
    public let targetAfterYears: Int?

    public init(goal: MonitoringGoal, baselineIsFirstYear: Bool = false, targetAfterYears: Int? = nil) {
        self.goal = goal
        self.baselineIsFirstYear = baselineIsFirstYear
        self.targetAfterYears = targetAfterYears
    }

    /// The goal with both years fixed, given the first hiring year held.
    public func goal(firstYear: Int) -> MonitoringGoal {
        let baseline = baselineIsFirstYear ? firstYear : goal.baselineYear
        let target = goal.target.map { MonitoringGoal.Target(share: $0.share, year: targetAfterYears.map { baseline + $0 } ?? $0.year) }
        return MonitoringGoal(id: goal.id, title: goal.title, indicator: goal.indicator, category: goal.category, breakdown: goal.breakdown,
                              baselineYear: baseline, target: target, comparesWithReference: goal.comparesWithReference, rule: goal.rule, measure: goal.measure,
                              measureText: goal.measureText)
    }

    init(yaml node: YAMLNode, forms: [FormDefinition], references: ReferenceShares) throws {
        let yearNode = try node.child("baseline_year")
        baselineIsFirstYear = try yearNode.string() == "first"
        let targetNode = try node.optionalChild("target")
        targetAfterYears = try targetNode?.optionalChild("after_years").map { after in
            let years = try after.int()
            guard (1...50).contains(years) else { throw after.error("after_years must be 1 to 50", "after_years muss 1 bis 50 sein.") }
            return years
        }
        goal = try MonitoringGoal(yaml: node, forms: forms, references: references, baselineIsFirstYear: baselineIsFirstYear,
                                  targetAfterYears: targetAfterYears)
    }
}

/// One goal of the monitoring, with its years fixed.
public struct MonitoringGoal: Sendable, Equatable {
    /// Whose share the goal follows, and which split the monitoring shows beside it.
    public enum Breakdown: String, Sendable, CaseIterable {
        /// All new hires of the year.
        case none
        /// All new hires, and each career group beside them.
        case careerGroup = "career_group"
        /// All new hires, and each type of employment beside them.
        case employment
        /// The trainees alone (apprentices and civil-service trainees).
        case trainees
        /// All new hires, and each Dezernat beside them.
        case dezernat

        /// The grouping of the released table the figures are read from.
        public var grouping: [String] {
            switch self {
            case .none: []
            case .careerGroup: ["career_group"]
            case .employment, .trainees: ["employment"]
            case .dezernat: ["unit"]
            }
        }
    }

    /// The state of the measure behind a goal, in the words of the committee's member.
    public enum MeasureStatus: String, Sendable, CaseIterable {
        case guideline = "leitlinie"
        case goal = "ziel"
        case inImplementation = "massnahme_in_umsetzung"
        case implemented = "umgesetzt"

        public var label: LocalizedText {
            switch self {
            case .guideline: LocalizedText(de: "Leitlinie", en: "Guideline")
            case .goal: LocalizedText(de: "Ziel", en: "Goal")
            case .inImplementation: LocalizedText(de: "Maßnahme in Umsetzung", en: "Measure being implemented")
            case .implemented: LocalizedText(de: "Maßnahme umgesetzt", en: "Measure implemented")
            }
        }
    }

    public struct Target: Sendable, Equatable {
        public let share: Double
        public let year: Int
    }

    public let id: String
    public let title: LocalizedText
    public let indicator: String
    /// The indicator category whose share is followed (by default its headline category).
    public let category: String
    public let breakdown: Breakdown
    public let baselineYear: Int
    public let target: Target?
    /// Whether the goal stands beside its indicator's share in `reports/reference.yaml`.
    public let comparesWithReference: Bool
    public let rule: StatusRule
    public let measure: MeasureStatus
    public let measureText: LocalizedText?

    public init(id: String, title: LocalizedText, indicator: String, category: String, breakdown: Breakdown, baselineYear: Int,
                target: Target?, comparesWithReference: Bool, rule: StatusRule = StatusRule(), measure: MeasureStatus,
                measureText: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.indicator = indicator
        self.category = category
        self.breakdown = breakdown
        self.baselineYear = baselineYear
        self.target = target
        self.comparesWithReference = comparesWithReference
        self.rule = rule
        self.measure = measure
        self.measureText = measureText
    }

    static let years = 1950...2200

    /// The report name of the goal's tables in the ledger.
    public var reportName: String { "monitoring-\(id)" }

    /// The goal's table: its trend over `years` (from the baseline year), grouped by its breakdown.
    /// Named after the goal, so that the ledger and the audit log say what it was for.
    public func tableDefinition(years: ClosedRange<Int>) -> ReportDefinition {
        ReportDefinition(name: reportName, title: title, kind: .trend, indicator: indicator, by: breakdown.grouping,
                         periods: .years(years))
    }

    init(yaml node: YAMLNode, forms: [FormDefinition], references: ReferenceShares, baselineIsFirstYear: Bool,
         targetAfterYears: Int?) throws {
        try node.rejectUnknownKeys(["id", "title", "indicator", "category", "breakdown", "baseline_year", "target",
                                    "reference", "status_rule", "measure"])
        let idNode = try node.child("id")
        id = try idNode.string()
        guard (1...40).contains(id.count), id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw idNode.error("id must be 1 to 40 characters a-z, 0-9 or -", "Die Kennung muss 1 bis 40 Zeichen a-z, 0-9 oder - haben.")
        }
        title = try node.child("title").localizedText()
        let indicatorNode = try node.child("indicator")
        indicator = try indicatorNode.string()
        let form: ReportForm
        do { form = try ReportForm(indicator: indicator, in: forms) } catch let error as InputError {
            throw indicatorNode.error(error.english, error.german)
        }
        let codes = form.indicator.categoryCodes
        if let categoryNode = try node.optionalChild("category") {
            category = try categoryNode.string()
            guard codes.contains(category) else {
                throw categoryNode.error("unknown category '\(category)' of \(indicator) (known: \(codes.joined(separator: ", ")))",
                                         "Unbekannte Kategorie „\(category)“ von \(indicator) (bekannt: \(codes.joined(separator: ", "))).")
            }
        } else {
            category = PublishedReport.headline(of: codes)
        }
        let breakdownNode = try node.child("breakdown")
        let allowed = Breakdown.allCases.map(\.rawValue).joined(separator: ", ")
        guard let breakdown = Breakdown(rawValue: try breakdownNode.string()) else {
            throw breakdownNode.error("breakdown must be one of \(allowed)", "breakdown muss eines von \(allowed) sein.")
        }
        if breakdown == .trainees, !form.choices("employment").contains(where: { $0.code == "trainee" }) {
            throw breakdownNode.error("the form has no employment code 'trainee'", "Das Formular kennt keine Beschäftigungsart „trainee“.")
        }
        self.breakdown = breakdown
        let yearNode = try node.child("baseline_year")
        if baselineIsFirstYear {
            baselineYear = 0
        } else {
            guard let year = Int(try yearNode.string()), Self.years.contains(year) else {
                throw yearNode.error("baseline_year must be a year between 1950 and 2200, or first (the first hiring year held)",
                                     "baseline_year muss ein Jahr zwischen 1950 und 2200 sein oder first (das erste vorhandene Einstellungsjahr).")
            }
            baselineYear = year
        }
        if let targetNode = try node.optionalChild("target") {
            try targetNode.rejectUnknownKeys(["share", "year", "after_years"])
            let share = try targetNode.child("share").share()
            if targetAfterYears != nil {
                if let both = try targetNode.optionalChild("year") {
                    throw both.error("give year or after_years, not both", "Entweder year oder after_years angeben, nicht beides.")
                }
                target = Target(share: share, year: 0)
            } else {
                let targetYear = try targetNode.child("year")
                let year = try targetYear.int()
                guard Self.years.contains(year), baselineIsFirstYear || year > baselineYear else {
                    throw targetYear.error("the target year must come after the baseline year (and before 2201)",
                                           "Das Zieljahr muss nach dem Basisjahr liegen (und vor 2201).")
                }
                target = Target(share: share, year: year)
            }
        } else {
            target = nil
        }
        // reference.yaml holds one share per indicator: the goal's own, or none.
        comparesWithReference = try node.optionalChild("reference")?.bool() ?? false
        if comparesWithReference, references.byIndicator[indicator] == nil {
            let known = references.byIndicator.keys.sorted().joined(separator: ", ")
            throw try node.child("reference").error("reference.yaml has no share for '\(indicator)' (it has: \(known))",
                                                    "reference.yaml hat keinen Anteil für „\(indicator)“ (vorhanden: \(known)).")
        }
        rule = try node.optionalChild("status_rule").map(StatusRule.init(yaml:)) ?? StatusRule()
        let measureNode = try node.child("measure")
        try measureNode.rejectUnknownKeys(["status", "text"])
        let statusNode = try measureNode.child("status")
        let statuses = MeasureStatus.allCases.map(\.rawValue).joined(separator: ", ")
        guard let measure = MeasureStatus(rawValue: try statusNode.string()) else {
            throw statusNode.error("status must be one of \(statuses)", "status muss eines von \(statuses) sein.")
        }
        self.measure = measure
        measureText = try measureNode.optionalChild("text")?.localizedText()
    }
}

extension YAMLNode {
    /// A share written as a number from 0 to 1.
    func share() throws -> Double {
        guard let value = Double(try string()), (0...1).contains(value) else {
            throw error("expected a share between 0 and 1, e.g. 0.25", "Erwartet wird ein Anteil zwischen 0 und 1, z. B. 0.25.")
        }
        return value
    }
}
