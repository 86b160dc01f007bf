/// The feasible range of a suppressed cell's true count, as an attacker computes it.
///
/// `lower` and `upper` are the optimal values of "minimise / maximise this cell subject to every
/// published figure and non-negative counts". `upper` is `.infinity` when nothing bounds the cell.
public struct FeasibleInterval: Sendable, Hashable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// `upper − lower`; `.infinity` for an unbounded cell.
    public var width: Double { upper - lower }

    /// Whether the width reaches `protectionLevel` (with a tolerance for floating-point round-off).
    public func protects(_ protectionLevel: Int) -> Bool {
        width >= Double(protectionLevel) - 1e-6
    }

    public var description: String {
        func format(_ value: Double) -> String {
            value.isInfinite ? "∞" : String(Int((value).rounded()))
        }
        return "[\(format(lower)), \(format(upper))]"
    }
}

/// An attacker's knowledge: non-negative unknown atoms and published sums over sets of atoms.
///
/// Atoms are the finest pieces of the population that any released cell can be written as a sum of:
/// the leaf cells of a single table, or the common refinement of all cells of linked releases.
/// ``intervals(of:)`` first fixes every atom that simple substitution determines (singleton and zero
/// constraints), then asks GLPK for the remaining bounds.
struct AttackerModel {
    struct Constraint {
        var atoms: [Int]
        var lower: Int
        var upper: Int
    }

    let atomCount: Int
    var constraints: [Constraint] = []

    init(atomCount: Int) { self.atomCount = atomCount }

    mutating func add(atoms: [Int], lower: Int, upper: Int) {
        constraints.append(Constraint(atoms: atoms, lower: lower, upper: upper))
    }

    /// The feasible interval of each target (a set of atoms).
    ///
    /// - Throws: ``DisclosureError/inconsistentReleases(_:)`` when the published figures contradict
    ///   each other (no non-negative solution exists).
    func intervals(of targets: [[Int]]) throws -> [FeasibleInterval] {
        let fixed = try presolve()
        var columnOfAtom = [Int](repeating: -1, count: atomCount)
        var columnCount = 0
        var rows: [LinearProgram.Row] = []
        for constraint in constraints {
            var known = 0
            var columns: [Int] = []
            for atom in constraint.atoms {
                if let value = fixed[atom] { known += value; continue }
                if columnOfAtom[atom] < 0 {
                    columnOfAtom[atom] = columnCount
                    columnCount += 1
                }
                columns.append(columnOfAtom[atom])
            }
            if columns.isEmpty { continue }
            rows.append(.init(columns: columns, lower: Double(constraint.lower - known),
                              upper: Double(constraint.upper - known)))
        }
        var results = [FeasibleInterval?](repeating: nil, count: targets.count)
        var pending: [(index: Int, constant: Int, columns: [Int])] = []
        for (index, target) in targets.enumerated() {
            var constant = 0
            var columns: [Int] = []
            var unbounded = false
            for atom in target {
                if let value = fixed[atom] { constant += value } else if columnOfAtom[atom] >= 0 {
                    columns.append(columnOfAtom[atom])
                } else {
                    unbounded = true   // an atom no published figure mentions
                }
            }
            if columns.isEmpty && !unbounded {
                results[index] = FeasibleInterval(lower: Double(constant), upper: Double(constant))
            } else if unbounded && columns.isEmpty {
                results[index] = FeasibleInterval(lower: Double(constant), upper: .infinity)
            } else {
                pending.append((index, constant, columns))
                if unbounded { results[index] = FeasibleInterval(lower: 0, upper: .infinity) }
            }
        }
        if pending.isEmpty { return results.map { $0! } }
        try LinearProgram.withExclusiveAccess {
            let program = LinearProgram(columnCount: columnCount, rows: rows)
            for item in pending {
                let low = program.optimise(sumOf: item.columns, maximise: false)
                guard case .optimal(let minimum) = low else {
                    throw DisclosureError.inconsistentReleases(
                        "the published figures admit no non-negative counts")
                }
                let lower = Double(item.constant) + minimum
                if results[item.index] != nil {
                    results[item.index] = FeasibleInterval(lower: lower, upper: .infinity)
                    continue
                }
                switch program.optimise(sumOf: item.columns, maximise: true) {
                case .optimal(let maximum):
                    results[item.index] = FeasibleInterval(lower: lower, upper: Double(item.constant) + maximum)
                case .unbounded:
                    results[item.index] = FeasibleInterval(lower: lower, upper: .infinity)
                case .infeasible:
                    throw DisclosureError.inconsistentReleases(
                        "the published figures admit no non-negative counts")
                }
            }
        }
        return results.map { $0! }
    }

    /// Fixes atoms by propagation: an exact constraint whose free atoms must sum to zero fixes them
    /// all to zero; one with a single free atom fixes that atom.
    private func presolve() throws -> [Int?] {
        var fixed = [Int?](repeating: nil, count: atomCount)
        var constraintsOfAtom = [[Int]](repeating: [], count: atomCount)
        for (index, constraint) in constraints.enumerated() where constraint.lower == constraint.upper {
            for atom in constraint.atoms { constraintsOfAtom[atom].append(index) }
        }
        var queue = constraints.indices.filter { constraints[$0].lower == constraints[$0].upper }
        var queued = Set(queue)
        while let index = queue.popLast() {
            queued.remove(index)
            let constraint = constraints[index]
            var rest = constraint.lower
            var free: [Int] = []
            for atom in constraint.atoms {
                if let value = fixed[atom] { rest -= value } else { free.append(atom) }
            }
            if free.isEmpty {
                if rest != 0 {
                    throw DisclosureError.inconsistentReleases(
                        "published figures contradict each other (a sum is off by \(rest))")
                }
                continue
            }
            guard rest == 0 || free.count == 1 else { continue }
            if rest < 0 {
                throw DisclosureError.inconsistentReleases(
                    "published figures imply a negative count")
            }
            for atom in free {
                fixed[atom] = free.count == 1 ? rest : 0
                for other in constraintsOfAtom[atom] where !queued.contains(other) {
                    queue.append(other)
                    queued.insert(other)
                }
            }
        }
        return fixed
    }
}
