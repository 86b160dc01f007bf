/// Optima of sums of atoms within single blocks of ``AttackerBlocks``, for one audit.
///
/// In order of cost: the memo of earlier audits; a closed form for a block of a single class (every
/// row over the same atoms); a feasible point met earlier in the audit that attains a bound no
/// solution can pass (a sum of 0, or the upper bound of a row holding the whole objective);
/// otherwise the block's own program over its classes (built once per audit, starting from the
/// last audit's basis when given a ``BasisMemory``, warm-started from objective to objective). Call only inside ``LinearProgram/withSolver(_:)``, on one thread: its programs
/// belong to the thread that built them.
final class BlockSolver {
    struct Optimum {
        var minimum: Double
        /// `nil` when not asked for; `.infinity` when unbounded.
        var maximum: Double?
    }

    let blocks: AttackerBlocks
    /// Whether solutions are kept as feasible points for ``sampled(_:columns:enough:)``.
    let keepsSamples: Bool
    private let memo: BlockMemo
    private var programs: [Int: LinearProgram] = [:]
    /// Feasible points of each block, in class sums.
    private var samples: [Int: [[Double]]] = [:]
    /// How many of each block's points are seeds (``seed(_:with:)``) still kept, at the front.
    private var seeded: [Int: Int] = [:]

    /// Where programs start from and leave their bases; nil: every program starts from a crash basis.
    private let bases: BasisMemory?

    init(blocks: AttackerBlocks, keepsSamples: Bool, memo: BlockMemo = .shared, bases: BasisMemory? = nil) {
        self.blocks = blocks
        self.keepsSamples = keepsSamples
        self.memo = memo
        self.bases = bases
    }

    /// Leaves the last basis of every program built here in ``bases``, for the next audit's programs.
    func recordBases() {
        guard let bases else { return }
        for (block, program) in programs { bases.record(blocks.blocks[block], program: program) }
    }

    /// The optimum of `Σ columns` over `block` without solving: from a closed form or the memo;
    /// `nil` when neither has it.
    func known(_ block: Int, columns: [Int], needsMaximum: Bool = true) throws -> Optimum? {
        let objectives = blocks.objectives(block, columns: columns)
        if let range = try singleClassRange(block) {
            return Optimum(minimum: objectives.minimum.isEmpty ? 0 : range.lower, maximum: range.upper)
        }
        let entry = memo.entry(blocks.blocks[block].signature)
        let minimum = objectives.minimum.isEmpty ? 0 : entry?.minima[objectives.minimum]
        let maximum = needsMaximum ? entry?.maxima[objectives.maximum] : nil
        guard let minimum, maximum != nil || !needsMaximum else { return nil }
        return Optimum(minimum: minimum, maximum: maximum)
    }

    /// The smallest and largest `Σ columns` over the feasible points this audit has met in `block`
    /// (each point splits its class sums the least and the most favourable way): an interval inside
    /// the true one.
    ///
    /// The scan stops as soon as `enough` holds for the range so far: a caller that only needs the
    /// target proven wide gets a narrower interval, still inside the true one, for less. (A full scan
    /// of a thousand points for every target was a third of a cleanup screen's own work.)
    func sampled(_ block: Int, columns: [Int], enough: (_ low: Double, _ high: Double) -> Bool = { _, _ in false }) -> (low: Double, high: Double)? {
        guard let points = samples[block], !points.isEmpty else { return nil }
        let objectives = blocks.objectives(block, columns: columns)
        var low = Double.infinity, high = -Double.infinity
        for point in points {
            low = min(low, objectives.minimum.reduce(0) { $0 + point[$1] })
            high = max(high, objectives.maximum.reduce(0) { $0 + point[$1] })
            if enough(low, high) { break }
        }
        return (low, high)
    }

    /// The exact optimum of `Σ columns` over `block` (the maximum only if `needsMaximum`).
    func optimum(_ block: Int, columns: [Int], needsMaximum: Bool) throws -> Optimum {
        if let known = try known(block, columns: columns, needsMaximum: needsMaximum) { return known }
        let objectives = blocks.objectives(block, columns: columns)
        let signature = blocks.blocks[block].signature
        let entry = memo.entry(signature)
        var result = Optimum(minimum: 0, maximum: nil)
        if !objectives.minimum.isEmpty {
            if let stored = entry?.minima[objectives.minimum] { result.minimum = stored } else if attains(block, objectives.minimum, 0, below: true) {
                result.minimum = 0
            } else {
                result.minimum = try solve(block, objectives.minimum, maximise: false)
            }
        }
        if needsMaximum {
            if let stored = entry?.maxima[objectives.maximum] { result.maximum = stored } else if let bound = rowBound(block, objectives.maximum),
                      attains(block, objectives.maximum, bound, below: false) {
                result.maximum = bound
            } else {
                result.maximum = try solve(block, objectives.maximum, maximise: true)
            }
        }
        memo.update(signature) {
            $0.feasible = true
            if !objectives.minimum.isEmpty { $0.minima[objectives.minimum] = result.minimum }
            if let maximum = result.maximum { $0.maxima[objectives.maximum] = maximum }
        }
        return result
    }

    /// Starts `block`'s feasible points with `points` (class sums of feasible points found before).
    func seed(_ block: Int, with points: [[Double]]) {
        guard keepsSamples, !points.isEmpty else { return }
        samples[block] = points + (samples[block] ?? [])
        seeded[block, default: 0] += points.count
    }

    /// The feasible points met in `block` so far, in class sums, oldest first.
    func samples(of block: Int) -> [[Double]] { samples[block] ?? [] }

    /// The feasible points this solver found in `block` itself, without its seeds.
    func found(in block: Int) -> [[Double]] { Array(samples(of: block).dropFirst(seeded[block] ?? 0)) }

    /// How many feasible points a block keeps (the latest): enough to carry a whole audit's
    /// optima into the next (``FeasiblePoints``).
    static let sampleLimit = 1_024

    /// Throws unless `block` has a non-negative solution.
    func checkFeasible(_ block: Int) throws {
        if try singleClassRange(block) != nil || programs[block] != nil { return }
        let signature = blocks.blocks[block].signature
        if memo.entry(signature)?.feasible == true { return }
        _ = try solve(block, [], maximise: false)
        memo.update(signature) { $0.feasible = true }
    }

    /// Whether a feasible point met in this audit has `Σ classes` at `bound` (at most it when
    /// `below`, else at least it).
    private func attains(_ block: Int, _ classes: [Int], _ bound: Double, below: Bool) -> Bool {
        samples[block]?.contains { point in
            let value = classes.reduce(0) { $0 + point[$1] }
            return below ? value <= bound + 1e-9 : value >= bound - 1e-9
        } ?? false
    }

    /// The least upper bound of the rows that hold every class of `classes`: no solution's sum passes
    /// it, since the row's other classes are at least 0.
    private func rowBound(_ block: Int, _ classes: [Int]) -> Double? {
        let block = blocks.blocks[block]
        guard let first = classes.first else { return nil }
        let rows = block.rowsOfClass[first].filter { row in classes.allSatisfy { block.classRows[row].columns.contains($0) } }
        return rows.map { block.classRows[$0].upper }.min()
    }

    static let infeasible = DisclosureError.inconsistentReleases("the published figures admit no non-negative counts")

    private func solve(_ block: Int, _ classes: [Int], maximise: Bool) throws -> Double {
        let program: LinearProgram
        if let existing = programs[block] { program = existing } else {
            let rows = blocks.blocks[block].classRows
            program = LinearProgram(columnCount: blocks.blocks[block].classSizes.count, rows: rows,
                                    start: rows.count > 1 ? bases?.start(for: blocks.blocks[block]) : nil)
            programs[block] = program
        }
        switch program.optimise(sumOf: classes, maximise: maximise) {
        case .optimal(let value):
            if keepsSamples {
                if samples[block, default: []].count >= Self.sampleLimit {
                    samples[block]!.removeFirst()
                    if let count = seeded[block], count > 0 { seeded[block] = count - 1 }
                }
                samples[block, default: []].append(program.solution())
            }
            return value
        case .unbounded where maximise: return .infinity
        default: throw Self.infeasible
        }
    }

    /// The range of the single class of a block whose rows all cover the same atoms: the tightest
    /// of their bounds, and at least 0. `nil` for a block of several classes.
    private func singleClassRange(_ block: Int) throws -> (lower: Double, upper: Double)? {
        guard blocks.blocks[block].classSizes.count == 1 else { return nil }
        let rows = blocks.blocks[block].classRows
        let lower = rows.reduce(0) { max($0, $1.lower) }, upper = rows.reduce(Double.infinity) { min($0, $1.upper) }
        guard lower <= upper else { throw Self.infeasible }
        return (lower, upper)
    }
}

