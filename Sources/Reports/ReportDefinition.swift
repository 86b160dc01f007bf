import Foundation
import Forms

/// A report the integration office asked for: `reports/<name>.yaml`.
public struct ReportDefinition: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// One hiring year (the Ist-Wert).
        case baseline
        /// Several hiring years side by side.
        case trend
    }

    /// Which hiring years: the latest held, all held, one year or a range.
    public enum Periods: Sendable, Codable, Equatable {
        case latest, all
        case years(ClosedRange<Int>)

        /// `latest`, `all`, `YYYY` or `YYYY-YYYY` (four digits each, first ≤ last, 1950–2200): the one
        /// spelling of hiring years in report files, requests and the API.
        public init?(parsing text: String) {
            switch text {
            case "latest": self = .latest
            case "all": self = .all
            default:
                let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(parts.count), parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) }) else { return nil }
                let years = parts.compactMap { Int($0) }
                guard years.count == parts.count, years.allSatisfy({ (1950...2200).contains($0) }), years[0] <= years[years.count - 1]
                else { return nil }
                self = .years(years[0]...years[years.count - 1])
            }
        }
    }

    public let name: String
    public let title: LocalizedText
    public let kind: Kind
    public let indicator: String
    public let by: [String]
    public let periods: Periods

    /// The grouping variables a report may use.
    public static let groupings = ["unit", "career_group", "employment"]

    public init(name: String, title: LocalizedText, kind: Kind, indicator: String, by: [String], periods: Periods) {
        self.name = name
        self.title = title
        self.kind = kind
        self.indicator = indicator
        self.by = by
        self.periods = periods
    }

    /// Reads a definition whose indicator one of `forms` must define (``Forms/ReportForm``).
    public static func load(contentsOf url: URL, forms: [FormDefinition]) throws -> ReportDefinition {
        try ReportDefinition(yaml: YAMLNode.load(contentsOf: url), forms: forms)
    }

    public static func load(contentsOf url: URL, form: FormDefinition) throws -> ReportDefinition {
        try load(contentsOf: url, forms: [form])
    }

    public static func parse(_ text: String, file: String, form: FormDefinition) throws -> ReportDefinition {
        try ReportDefinition(yaml: YAMLNode.parse(text, file: file), forms: [form])
    }

    init(yaml root: YAMLNode, forms: [FormDefinition]) throws {
        try root.rejectUnknownKeys(["name", "title", "kind", "indicator", "by", "periods"])
        name = try root.child("name").string()
        title = try root.child("title").localizedText()
        let kindNode = try root.child("kind")
        guard let kind = Kind(rawValue: try kindNode.string()) else { throw kindNode.error("kind must be baseline or trend", "kind muss baseline oder trend sein.") }
        self.kind = kind
        let indicatorNode = try root.child("indicator")
        indicator = try indicatorNode.string()
        do { _ = try ReportForm(indicator: indicator, in: forms) } catch let error as InputError {
            throw indicatorNode.error(error.english, error.german)
        }
        let byNode = try root.child("by")
        by = try byNode.stringList()
        try Self.checkGrouping(by, node: byNode)
        let periodsNode = try root.child("periods")
        guard let periods = Periods(parsing: try periodsNode.string()) else {
            throw periodsNode.error("periods must be latest, all, a year or a range such as 2021-2025",
                                    "periods muss latest, all, ein Jahr oder ein Bereich wie 2021-2025 sein.")
        }
        self.periods = periods
    }

    /// The standard report of `kind` for `indicator`, titled after both: what the command line and
    /// the integration office's requests ask for. A grouping that is not allowed is an error naming
    /// the field.
    public static func standard(_ kind: Kind, indicator: Indicator, by: [String], periods: Periods) throws -> ReportDefinition {
        try checkGrouping(by)
        let kindText = kind == .baseline ? LocalizedText(de: "Ist-Wert", en: "Baseline") : LocalizedText(de: "Entwicklung", en: "Trend")
        return ReportDefinition(name: kind.rawValue,
                                title: LocalizedText(de: "\(kindText.de): \(indicator.label.de)", en: "\(kindText.en): \(indicator.label.en)"),
                                kind: kind, indicator: indicator.key, by: by, periods: periods)
    }

    static func checkGrouping(_ by: [String], node: YAMLNode? = nil) throws {
        for key in by where !groupings.contains(key) {
            let en = "cannot group by '\(key)' (allowed: \(groupings.joined(separator: ", ")))"
            let de = "Gruppierung nach „\(key)“ nicht möglich (erlaubt: \(groupings.joined(separator: ", ")))."
            throw node?.error(en, de) ?? InputError(field: "by", english: en, german: de)
        }
        guard Set(by).count == by.count, by.count <= 2 else {
            let en = "group by at most two different variables", de = "Höchstens zwei verschiedene Gruppierungen."
            throw node?.error(en, de) ?? InputError(field: "by", english: en, german: de)
        }
    }

}
