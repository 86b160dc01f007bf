import Forms

/// A released report: aggregates only. What every output format renders, and all a caller gets.
public struct PublishedReport: Sendable, Equatable {
    /// A dimension of the table with its codes in display order (margins included) and their labels.
    public struct Dimension: Sendable, Equatable {
        public let name: String
        public let codes: [String]
        public let labels: [String: LocalizedText]
        /// Codes that are leaves (not margins or subtotals).
        public let leaves: Set<String>
    }

    /// One published cell. `count` is nil when the cell is withheld.
    public struct Cell: Sendable, Equatable {
        /// Dimension name → code (`Total` for the margin).
        public let coordinates: [String: String]
        /// An indicator category, `declined`, or `total`.
        public let category: String
        public let count: Int?
        /// `published`, `suppressed`, `zero`, `rounded`, `perturbed`. A withheld cell carries nothing
        /// else: no reason, interval or count, since each of those tells a reader something about it.
        public let status: String
        /// For a category: its share of the group's respondents, from published counts only.
        public let share: Double?
        /// For `total`: respondents ÷ everyone asked, from published counts only.
        public let responseRate: Double?
    }

    public struct Policy: Sendable, Equatable {
        public let minCell: Int
        public let protectionLevel: Int
        public let groupDisclosure: Bool
        public let roundingBase: Int?
        public let cellKey: Bool
        public let sentences: [LocalizedText]
    }

    public let report: String
    public let title: LocalizedText
    public let kind: ReportDefinition.Kind
    public let indicator: String
    public let indicatorLabel: LocalizedText
    /// Category codes in order (the indicator's, then `declined`), and their labels.
    public let categories: [String]
    public let categoryLabels: [String: LocalizedText]
    public let periods: [Int]
    public let dimensions: [Dimension]
    public let policy: Policy
    public let release: String
    public let day: String
    public let cells: [Cell]
    /// A reference share for the headline category, if `reports/reference.yaml` has one.
    public let reference: ReferenceShares.Reference?
    /// Per period covered: answered, declined and not answered, with the response rate over everyone
    /// invited or asked (``Participation``). Empty for a report stored before these were published.
    public internal(set) var participation: [Participation] = []

    /// The category whose share is the headline figure (`yes`, or the first category).
    public var headlineCategory: String { Self.headline(of: categories) }

    /// The category whose share a table of these categories leads with (`yes`, `first_generation`,
    /// or the first): for reports and the monitoring's goals alike.
    static func headline(of categories: [String]) -> String {
        categories.contains("yes") ? "yes" : categories.contains("first_generation") ? "first_generation" : categories[0]
    }

    public func cell(_ coordinates: [String: String], category: String) -> Cell? {
        cells.first { $0.category == category && $0.coordinates == coordinates }
    }

    /// Every combination of the dimensions' codes, in display order: the rows of a table.
    public var groups: [[String: String]] {
        dimensions.reduce([[:]]) { partial, dimension in
            partial.flatMap { group in dimension.codes.map { group.merging([dimension.name: $0]) { $1 } } }
        }
    }

    /// The heading of a dimension's column.
    public func title(ofDimension name: String, _ language: String) -> String {
        let titles = ["year": LocalizedText(de: "Einstellungsjahr", en: "Hiring year"),
                      "unit": LocalizedText(de: "Organisationseinheit", en: "Org unit"),
                      "career_group": LocalizedText(de: "Laufbahngruppe", en: "Career group"),
                      "employment": LocalizedText(de: "Beschäftigung", en: "Employment")]
        return titles[name]?.text(language) ?? name
    }

    public func label(_ dimension: String, _ code: String, _ language: String) -> String {
        dimensions.first { $0.name == dimension }?.labels[code]?.text(language) ?? code
    }
}
