/// An attacker's knowledge: non-negative unknown atoms and published sums over sets of atoms.
///
/// Atoms are the finest pieces of the population that any released cell can be written as a sum of:
/// the leaf cells of a single table, or the common refinement of all cells of linked releases.
/// ``intervals(of:provingWidth:)`` first fixes every atom that simple substitution determines (singleton and zero
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
    /// With `provingWidth`, a target may instead get an interval *inside* its feasible interval that
    /// is already at least that wide: every optimal solution found for another target is a feasible
    /// point, and two of them that differ enough on this target prove it wide without solving its
    /// own programs. Secondary suppression uses this; ``IntervalAudit`` asks for exact intervals.
    ///
    /// - Throws: ``DisclosureError/inconsistentReleases(_:)`` when the published figures contradict
    ///   each other (no non-negative solution exists).
    func intervals(of targets: [[Int]], provingWidth: Int? = nil) throws -> [FeasibleInterval] {
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
            var samples: [[Double]] = []
            func remember(_ sample: [Double]) {
                if samples.count == 256 { samples.removeFirst() }
                samples.append(sample)
            }
            for item in pending {
                if let width = provingWidth, results[item.index] == nil, !samples.isEmpty {
                    let values = samples.map { sample in item.columns.reduce(0) { $0 + sample[$1] } }
                    let low = values.min()!, high = values.max()!
                    if high - low >= Double(width) - 1e-6 {
                        let constant = Double(item.constant)
                        results[item.index] = FeasibleInterval(lower: constant + low, upper: constant + high)
                        continue
                    }
                }
                let low = program.optimise(sumOf: item.columns, maximise: false)
                if case .optimal = low, provingWidth != nil { remember(program.solution()) }
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
                    if provingWidth != nil { remember(program.solution()) }
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
