/// The part of the population a cell counts, written in the microdata's own variables.
///
/// For each restricted variable the domain lists the leaf codes the cell covers; a variable that is
/// absent is unrestricted (all its codes). Two cells of *different* tables over the same microdata
/// count the same people exactly when their domains are equal, and the common refinement of many
/// domains is the atom space in which linked releases are audited (see ``IntervalAudit``).
///
/// A table's root node ("Total") adds no restriction, so `unit = Total` in a table by unit and the
/// grand total of a table by career group have the same domain. This presumes that a dimension lists
/// every code of its variable within the table's ``CountTable/scope``.
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

    /// The same domain narrowed to `codes` of `variable`.
    public func restricted(_ variable: String, to codes: Set<String>) -> CellDomain {
        var copy = self
        copy.restrict(variable, to: codes)
        return copy
    }

    /// Reads like `career_group ∈ {A}, unit ∈ {10, 11}`; `all` for the unrestricted domain.
    public var description: String {
        if restrictions.isEmpty { return "all" }
        return restrictions.keys.sorted().map { variable in
            "\(variable) ∈ {\(restrictions[variable]!.sorted().joined(separator: ", "))}"
        }.joined(separator: ", ")
    }
}
