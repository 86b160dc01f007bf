/// The part of the population a cell counts, written in the microdata's own variables.
///
/// For each restricted variable the domain lists the leaf codes the cell covers; a variable that is
/// absent is unrestricted — all its codes, including codes no release ever listed. Two cells of
/// *different* tables over the same microdata count the same people exactly when their domains are
/// equal, and the common refinement of many domains is the atom space in which linked releases are
/// audited (see ``IntervalAudit``).
///
/// A table restricts every variable it tabulates: its root ("Total") covers the dimension's leaf
/// codes, so a dimension must list every code of its variable (within the table's
/// ``CountTable/scope``). Variables a table does not tabulate stay unrestricted unless the scope
/// restricts them (`year ∈ {2023, 2024}` for a cumulative table).
public struct CellDomain: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Variable name → the codes covered. Never holds an empty set.
    public private(set) var restrictions: [String: Set<String>]

    /// The unrestricted domain: everybody.
    public static let all = CellDomain()

    public init(_ restrictions: [String: Set<String>] = [:]) {
        self.restrictions = [:]
        for (variable, codes) in restrictions { restrict(variable, to: codes) }
    }

    /// Narrows the domain to `codes` of `variable` (intersecting with an existing restriction).
    public mutating func restrict(_ variable: String, to codes: Set<String>) {
        if let existing = restrictions[variable] {
            restrictions[variable] = existing.intersection(codes)
        } else {
            restrictions[variable] = codes
        }
    }


    /// Reads like `career_group ∈ {A}, unit ∈ {10, 11}`; `all` for the unrestricted domain.
    public var description: String {
        if restrictions.isEmpty { return "all" }
        return restrictions.keys.sorted().map { variable in
            "\(variable) ∈ {\(restrictions[variable]!.sorted().joined(separator: ", "))}"
        }.joined(separator: ", ")
    }
}
