import Foundation
import Forms

/// `reports/reference.yaml`: a population share to show beside the baseline, with its source.
public struct ReferenceShares: Sendable {
    public struct Reference: Sendable, Equatable {
        public let share: Double
        public let label: LocalizedText
        public let source: String
        /// The year the figure describes (optional: older files name it in the source only).
        public var year: Int? = nil
    }

    public let byIndicator: [String: Reference]

    public static let none = ReferenceShares(byIndicator: [:])

    init(byIndicator: [String: Reference]) { self.byIndicator = byIndicator }

    public static func load(contentsOf url: URL) throws -> ReferenceShares {
        guard FileManager.default.fileExists(atPath: url.path) else { return .none }
        let root = try YAMLNode.load(contentsOf: url)
        var result: [String: Reference] = [:]
        for (indicator, node) in try root.entries() {
            try node.rejectUnknownKeys(["share", "label", "source", "year"])
            let share = try node.child("share").share()
            var year: Int?
            if let yearNode = try node.optionalChild("year") {
                year = try yearNode.int()
                guard (1950...2200).contains(year!) else { throw yearNode.error("year must be between 1950 and 2200", "year muss zwischen 1950 und 2200 liegen.") }
            }
            result[indicator] = Reference(share: share, label: try node.child("label").localizedText(), source: try node.child("source").string(),
                                          year: year)
        }
        return ReferenceShares(byIndicator: result)
    }
}
