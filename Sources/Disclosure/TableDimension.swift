/// A classification variable of a count table: its name and its hierarchy of codes.
///
/// The name is the variable's name in the microdata (`unit`, `career_group`, `year`): cells of
/// different tables are matched through it (see ``CellDomain``), so use the same name for the same
/// variable in every table, and list all of its codes. One dimension of a table may be the
/// *category dimension* — the answer categories of the indicator — whose non-informative codes
/// (`not_determinable`) are ignored by the group-disclosure rule.
///
/// ```swift
/// let unit = try TableDimension.hierarchical("unit", children: [
///     "Total": ["Dezernat I", "Dezernat II"], "Dezernat I": ["10", "11"], "Dezernat II": ["20"]])
/// let career = try TableDimension.flat("career_group", leaves: ["A", "B", "C", "D"])
/// let answer = try TableDimension.categories("migration_background",
///     codes: ["yes", "no", "not_determinable"], nonInformative: ["not_determinable"])
/// ```
///
/// (Named `TableDimension` rather than `Dimension` so that it does not clash with Foundation's
/// `Dimension` in files that import both.)
public struct TableDimension: Sendable, Hashable {
    public let name: String
    public let hierarchy: Hierarchy
    /// Whether this dimension holds the indicator's answer categories.
    public let isCategory: Bool
    /// Category codes that say nothing about a person (only meaningful for the category dimension).
    public let nonInformativeCodes: Set<String>

    public init(name: String, hierarchy: Hierarchy) {
        self.name = name
        self.hierarchy = hierarchy
        self.isCategory = false
        self.nonInformativeCodes = []
    }

    private init(name: String, hierarchy: Hierarchy, nonInformative: Set<String>) {
        self.name = name
        self.hierarchy = hierarchy
        self.isCategory = true
        self.nonInformativeCodes = nonInformative
    }

    /// A flat dimension: `root` and its leaves.
    public static func flat(_ name: String, root: String = "Total", leaves: [String]) throws -> TableDimension {
        TableDimension(name: name, hierarchy: try .flat(root: root, leaves: leaves))
    }

    /// A hierarchical dimension from a map of each inner node to its children.
    public static func hierarchical(_ name: String, root: String = "Total",
                                    children: [String: [String]]) throws -> TableDimension {
        TableDimension(name: name, hierarchy: try Hierarchy(root: root, children: children))
    }

    /// The category dimension of the indicator (flat, root `total` by default).
    ///
    /// - Throws: ``DisclosureError/invalidTable(_:)`` when a non-informative code is not a category.
    public static func categories(_ name: String, root: String = "total", codes: [String],
                                  nonInformative: Set<String> = []) throws -> TableDimension {
        if let stray = nonInformative.sorted().first(where: { !codes.contains($0) }) {
            throw DisclosureError.invalidTable("non-informative code \"\(stray)\" is not a category of \(name)")
        }
        return TableDimension(name: name, hierarchy: try .flat(root: root, leaves: codes), nonInformative: nonInformative)
    }
}
