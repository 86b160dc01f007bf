/// An attacker's knowledge: non-negative unknown atoms and published sums over sets of atoms.
///
/// Atoms are the finest pieces of the population that any released cell can be written as a sum of:
/// the leaf cells of a single table, or the common refinement of all cells of linked releases.
/// ``intervals(of:provingWidth:)`` first fixes every atom that simple substitution determines (singleton and zero
/// constraints), splits the rest into independent blocks (``AttackerBlocks``) and solves only the
/// blocks a target touches (``BlockSolver``), each on its own small program.
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
    /// `reach` may give, per target, a value whose rule asks only that the target can reach it
    /// (group disclosure no table shows: the others may hold one person); feasible points that
    /// reach it prove the target without its programs, however narrow.
    ///
    /// `seeds` are feasible points of a system with at least these rows (``FeasiblePoints``): they
    /// start each block's points. `keeping` receives this audit's points for later ones. `bases`
    /// holds the bases of the last audit's programs: this audit's programs start from them and
    /// leave their own (``BasisMemory``).
    ///
    /// The targets are shared among the cores (``TargetWorkers``), each thread with a solver of its own.
    ///
    /// - Throws: ``DisclosureError/inconsistentReleases(_:)`` when the published figures contradict
    ///   each other (no non-negative solution exists).
    func intervals(of targets: [[Int]], provingWidth: Int? = nil, reach: [Double?] = [], seeds: FeasiblePoints? = nil,
                   keeping: ((FeasiblePoints) -> Void)? = nil, bases: BasisMemory? = nil) throws -> [FeasibleInterval] {
        let fixed = try presolve()
        let blocks = AttackerBlocks(constraints: constraints, fixed: fixed, atomCount: atomCount)
        let seedPoints = seeds.map { seeds in blocks.blocks.map(seeds.classSums(of:)) } ?? []
        let (results, found) = try TargetWorkers.run(count: targets.count, makeSolver: {
            let solver = BlockSolver(blocks: blocks, keepsSamples: true, bases: bases)
            for (block, points) in seedPoints.enumerated() { solver.seed(block, with: points) }
            return solver
        }, body: { solver, index in
            try Self.interval(of: targets[index], fixed: fixed, blocks: blocks, provingWidth: provingWidth,
                              reach: reach.indices.contains(index) ? reach[index] : nil, solver: solver)
        }, finish: { solver, worker in
            solver.recordBases()
            // The seeds once, then what each worker found.
            return blocks.blocks.indices.map { worker == 0 ? solver.samples(of: $0) : solver.found(in: $0) }
        })
        // As one program over all blocks would: any contradiction anywhere is reported.
        if results.contains(where: \.usedBlocks) {
            try LinearProgram.withSolver {
                let checker = BlockSolver(blocks: blocks, keepsSamples: false)
                for block in blocks.blocks.indices { try checker.checkFeasible(block) }
            }
        }
        keeping?(FeasiblePoints(blocks: blocks, fixed: fixed) { block in found.flatMap { $0[block] } })
        return results.map(\.interval)
    }

    /// One target's interval, with `solver` (one per worker thread).
    private static func interval(of target: [Int], fixed: [Int?], blocks: AttackerBlocks, provingWidth: Int?,
                                 reach: Double?, solver: BlockSolver) throws -> (interval: FeasibleInterval, usedBlocks: Bool) {
        var constant = 0
        var parts: [Int: [Int]] = [:]
        var unbounded = false
        for atom in target {
            if let value = fixed[atom] {
                constant += value
            } else if blocks.blockOfAtom[atom] >= 0 {
                parts[blocks.blockOfAtom[atom], default: []].append(blocks.columnOfAtom[atom])
            } else {
                unbounded = true   // an atom no published figure mentions
            }
        }
        let base = Double(constant)
        if parts.isEmpty { return (FeasibleInterval(lower: base, upper: unbounded ? .infinity : base), false) }
        let ordered = parts.keys.sorted().map { ($0, parts[$0]!.sorted()) }
        if let width = provingWidth, !unbounded {
            func proves(_ found: FeasibleInterval) -> Bool { found.protects(width) || reach.map { found.upper >= $0 - 1e-6 } == true }
            if let inner = try inner(ordered, solver: solver, proving: { proves(FeasibleInterval(lower: base + $0, upper: base + $1)) }) {
                let found = FeasibleInterval(lower: base + inner.low, upper: base + inner.high)
                if proves(found) { return (found, true) }
            }
        }
        var low = base, high = unbounded ? Double.infinity : base
        for (block, columns) in ordered {
            let optimum = try solver.optimum(block, columns: columns, needsMaximum: !unbounded)
            low += optimum.minimum
            high += optimum.maximum ?? 0
        }
        return (FeasibleInterval(lower: low, upper: high), true)
    }

    /// The model split as ``intervals(of:provingWidth:)`` splits it: presolve's fixed atoms and the
    /// independent blocks of the rest.
    func blocks() throws -> (fixed: [Int?], blocks: AttackerBlocks) {
        let fixed = try presolve()
        return (fixed, AttackerBlocks(constraints: constraints, fixed: fixed, atomCount: atomCount))
    }

    /// An interval inside the target's feasible interval from what is known without solving: exact
    /// optima where the memo or a closed form has them, otherwise the extremes of the feasible
    /// points met so far. Points of different blocks combine freely, so the sums are attained.
    /// A target within one block stops scanning points once its interval so far satisfies `proving`.
    private static func inner(_ parts: [(Int, [Int])], solver: BlockSolver,
                              proving: (_ low: Double, _ high: Double) -> Bool) throws -> (low: Double, high: Double)? {
        var low = 0.0, high = 0.0
        for (block, columns) in parts {
            if let known = try solver.known(block, columns: columns), let maximum = known.maximum {
                low += known.minimum
                high += maximum
            } else if let sampled = solver.sampled(block, columns: columns, enough: { parts.count == 1 && proving($0, $1) }) {
                low += sampled.low
                high += sampled.high
            } else {
                return nil
            }
        }
        return (low, high)
    }

    /// Fixes atoms by propagation: an exact constraint whose free atoms must sum to zero fixes them
    /// all to zero; one with a single free atom fixes that atom.
    ///
    /// Each constraint keeps its number of free atoms and what they must still sum to, updated as
    /// atoms are fixed, so a constraint is scanned only when it fixes something: linear in the size
    /// of the system. (Rescanning a constraint on every fix was quadratic in the long rows of
    /// totals over many years and took most of a release's time.)
    private func presolve() throws -> [Int?] {
        var fixed = [Int?](repeating: nil, count: atomCount)
        var freeCount = [Int](repeating: 0, count: constraints.count)
        var rest = [Int](repeating: 0, count: constraints.count)
        var queue: [Int] = []
        let exact = constraints.indices.filter { constraints[$0].lower == constraints[$0].upper }
        let constraintsOfAtom = RowsOfAtom(atomCount: atomCount, rows: exact) { constraints[$0].atoms }
        for index in exact {
            freeCount[index] = constraints[index].atoms.count
            rest[index] = constraints[index].lower
            queue.append(index)
        }
        func fix(_ atom: Int, _ value: Int) {
            fixed[atom] = value
            for other in constraintsOfAtom[atom] {
                freeCount[other] -= 1
                rest[other] -= value
                if freeCount[other] <= 1 || rest[other] == 0 { queue.append(other) }
            }
        }
        while let index = queue.popLast() {
            if freeCount[index] == 0 {
                if rest[index] != 0 {
                    throw DisclosureError.inconsistentReleases(
                        "published figures contradict each other (a sum is off by \(rest[index]))")
                }
                continue
            }
            guard rest[index] == 0 || freeCount[index] == 1 else { continue }
            if rest[index] < 0 {
                throw DisclosureError.inconsistentReleases("published figures imply a negative count")
            }
            let free = constraints[index].atoms.filter { fixed[$0] == nil }
            let value = free.count == 1 ? rest[index] : 0
            for atom in free where fixed[atom] == nil { fix(atom, value) }
        }
        // A range over atoms that are all fixed reaches no program (``AttackerBlocks`` skips it),
        // so it is checked here: outside its range, no solution exists.
        for constraint in constraints where constraint.lower != constraint.upper {
            var sum = 0
            guard constraint.atoms.allSatisfy({ atom in fixed[atom].map { sum += $0 } != nil }) else { continue }
            if sum < constraint.lower || sum > constraint.upper {
                throw DisclosureError.inconsistentReleases("published figures contradict each other (a range is missed by \(sum))")
            }
        }
        return fixed
    }
}
