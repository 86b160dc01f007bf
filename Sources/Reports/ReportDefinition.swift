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
        guard let periods = Self.periods(try periodsNode.string()) else {
            throw periodsNode.error("periods must be latest, all, a year or a range such as 2021-2025",
                                    "periods muss latest, all, ein Jahr oder ein Bereich wie 2021-2025 sein.")
        }
        self.periods = periods
    }

    /// Checks a grouping from the command line.
    public static func validateGrouping(_ by: [String]) throws { try checkGrouping(by) }

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

    static func periods(_ text: String) -> Periods? {
        switch text {
        case "latest": return .latest
        case "all": return .all
        default:
            let parts = text.split(separator: "-").map { Int($0) }
            if parts.count == 1, let year = parts[0] { return .years(year...year) }
            if parts.count == 2, let a = parts[0], let b = parts[1], a <= b { return .years(a...b) }
            return nil
        }
    }
}
