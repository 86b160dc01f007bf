import Testing
@testable import Disclosure

/// The attacker's model splits its system into independent blocks, solves tiny ones in closed form
/// and remembers optima across audits. These tests hold it against one plain program over all atoms,
/// without presolve, blocks or memo, on random systems built to have several blocks.
@Suite("Attacker model against one plain linear program")
struct AttackerBlocksTests {
    /// A random system with a known non-negative solution: atoms in a few clusters, rows mostly
    /// inside a cluster (some exact, some ranges, some of one atom), a few across clusters.
    struct System {
        var model: AttackerModel
        var targets: [[Int]]
    }

    static func randomSystem(_ generator: inout SplitMix64, exactRows: Bool = true) -> System {
        let atomCount = Int.random(in: 1...14, using: &generator)
        let point = (0..<atomCount).map { _ in Bool.random(using: &generator) ? 0 : Int.random(in: 0...9, using: &generator) }
        let clusters = Int.random(in: 1...4, using: &generator)
        let clusterOf = (0..<atomCount).map { _ in Int.random(in: 0..<clusters, using: &generator) }
        var model = AttackerModel(atomCount: atomCount)
        for _ in 0..<Int.random(in: 0...(2 * atomCount), using: &generator) {
            let cluster = Int.random(in: 0..<clusters, using: &generator)
            let across = Int.random(in: 0..<8, using: &generator) == 0
            let pool = (0..<atomCount).filter { across || clusterOf[$0] == cluster }
            guard !pool.isEmpty else { continue }
            let size = Int.random(in: 1...min(pool.count, 5), using: &generator)
            let atoms = Array(pool.shuffled(using: &generator).prefix(size)).sorted()
            let sum = atoms.reduce(0) { $0 + point[$1] }
            if exactRows && Bool.random(using: &generator) {
                model.add(atoms: atoms, lower: sum, upper: sum)
            } else {
                let below = Int.random(in: 0...4, using: &generator), above = Int.random(in: 1...4, using: &generator)
                model.add(atoms: atoms, lower: sum - below, upper: sum + above)
            }
        }
        let targets = (0..<Int.random(in: 1...10, using: &generator)).map { _ in
            Array((0..<atomCount).shuffled(using: &generator).prefix(Int.random(in: 1...min(atomCount, 4), using: &generator))).sorted()
        }
        return System(model: model, targets: targets)
    }

    /// Minimum and maximum of each target by one program over every atom, or `nil` when infeasible.
    static func plainIntervals(_ system: System) -> [FeasibleInterval]? {
        LinearProgram.withSolver {
            let rows = system.model.constraints.map {
                LinearProgram.Row(columns: $0.atoms, lower: Double($0.lower), upper: Double($0.upper))
            }
            let program = LinearProgram(columnCount: system.model.atomCount, rows: rows)
            var result: [FeasibleInterval] = []
            for target in system.targets {
                guard case .optimal(let low) = program.optimise(sumOf: target, maximise: false) else { return nil }
                switch program.optimise(sumOf: target, maximise: true) {
                case .optimal(let high): result.append(FeasibleInterval(lower: low, upper: high))
                case .unbounded: result.append(FeasibleInterval(lower: low, upper: .infinity))
                case .infeasible: return nil
                }
            }
            return result
        }
    }

    /// `system` with one row's range moved below what its atoms can sum to, which may or may not
    /// make the whole system contradictory; `nil` when it has fewer than two rows.
    static func breakingOneRow(of system: System, using generator: inout SplitMix64) -> System? {
        var system = system
        let rows = system.model.constraints
        guard rows.count >= 2 else { return nil }
        let broken = Int.random(in: 0..<rows.count, using: &generator)
        system.model.constraints[broken].upper = rows[broken].lower - 1
        system.model.constraints[broken].lower -= 3
        return system
    }

    static func same(_ a: FeasibleInterval, _ b: FeasibleInterval) -> Bool {
        abs(a.lower - b.lower) < 1e-6 && (a.upper == b.upper || abs(a.upper - b.upper) < 1e-6)
    }

    @Test(arguments: 0..<6)
    func exactIntervalsEqualOnePlainProgram(batch: Int) throws {
        var generator = SplitMix64(seed: 0xB10C_0000 + UInt64(batch))
        for _ in 0..<200 {
            let system = Self.randomSystem(&generator)
            let expected = try #require(Self.plainIntervals(system))
            // Twice: cold, then with the optima remembered from the first audit.
            for _ in 0..<2 {
                let intervals = try system.model.intervals(of: system.targets)
                for (index, interval) in intervals.enumerated() {
                    #expect(Self.same(interval, expected[index]), "\(system.model.constraints) \(system.targets[index]): \(interval) vs \(expected[index])")
                }
            }
        }
    }

    @Test(arguments: 0..<4)
    func provingWidthGivesTheIntervalOrAWideEnoughInnerOne(batch: Int) throws {
        var generator = SplitMix64(seed: 0x1AAE_0000 + UInt64(batch))
        for _ in 0..<200 {
            let system = Self.randomSystem(&generator, exactRows: batch % 2 == 0)
            let expected = try #require(Self.plainIntervals(system))
            let width = Int.random(in: 1...6, using: &generator)
            let intervals = try system.model.intervals(of: system.targets, provingWidth: width)
            for (index, interval) in intervals.enumerated() {
                let truth = expected[index]
                let inside = interval.lower >= truth.lower - 1e-6 && interval.upper <= truth.upper + 1e-6
                #expect(Self.same(interval, truth) || (inside && interval.protects(width)), "\(interval) vs \(truth)")
                #expect(interval.protects(width) == truth.protects(width))
            }
        }
    }

    /// Range rows only, so presolve fixes nothing: a contradiction anywhere must be reported, as
    /// one program over every atom would, even in a block no target touches.
    @Test func contradictionsAnywhereAreReported() throws {
        var generator = SplitMix64(seed: 0xC0DE)
        var contradictions = 0
        for _ in 0..<300 {
            guard let system = Self.breakingOneRow(of: Self.randomSystem(&generator, exactRows: false), using: &generator) else { continue }
            let plain = Self.plainIntervals(system)
            if plain == nil {
                contradictions += 1
                #expect(throws: DisclosureError.self) { try system.model.intervals(of: system.targets) }
            } else {
                let intervals = try system.model.intervals(of: system.targets)
                #expect(zip(intervals, plain!).allSatisfy(Self.same))
            }
        }
        #expect(contradictions > 20)
    }

    @Test func independentBlocksAreSplitAndTinyOnesNeedNoProgram() throws {
        var model = AttackerModel(atomCount: 7)
        model.add(atoms: [0, 1], lower: 3, upper: 3)          // one row: closed form
        model.add(atoms: [2], lower: 1, upper: 4)             // one atom: closed form
        model.add(atoms: [2], lower: 2, upper: 6)
        model.add(atoms: [3, 4, 5], lower: 5, upper: 5)       // two rows: a program
        model.add(atoms: [4, 5], lower: 1, upper: 2)
        let blocks = AttackerBlocks(constraints: model.constraints, fixed: Array(repeating: nil, count: 7), atomCount: 7)
        #expect(blocks.blocks.map(\.atoms) == [[0, 1], [2], [3, 4, 5]])
        #expect(blocks.blockOfAtom[6] == -1)
        #expect(blocks.blocks[2].classSizes == [1, 2])   // atoms 4 and 5 lie in the same rows
        let solver = BlockSolver(blocks: blocks, keepsSamples: false, memo: BlockMemo())
        #expect(try solver.known(0, columns: [0])?.minimum == 0)     // atom 1 may carry all 3
        #expect(try solver.known(0, columns: [0])?.maximum == 3)
        #expect(try solver.known(0, columns: [0, 1])?.minimum == 3)
        #expect(try solver.known(1, columns: [0])?.minimum == 2)
        #expect(try solver.known(1, columns: [0])?.maximum == 4)
        #expect(try solver.known(2, columns: [0]) == nil)
    }

    /// An objective counts a class in its minimum only when every column of the class is in it,
    /// and in its maximum when any is; repeated columns count once.
    @Test func objectivesTakeWholeClassesForTheMinimum() {
        var generator = SplitMix64(seed: 0x0B1E_C715)
        for _ in 0..<60 {
            let system = Self.randomSystem(&generator, exactRows: Bool.random(using: &generator))
            let fixed = [Int?](repeating: nil, count: system.model.atomCount)
            let blocks = AttackerBlocks(constraints: system.model.constraints, fixed: fixed, atomCount: system.model.atomCount)
            for (index, block) in blocks.blocks.enumerated() where !block.atoms.isEmpty {
                let columns = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Int.random(in: 0..<block.atoms.count, using: &generator) }
                let touched = Set(columns.map { block.classOfColumn[$0] })
                let whole = touched.filter { id in block.classOfColumn.indices.allSatisfy { block.classOfColumn[$0] != id || columns.contains($0) } }
                let objectives = blocks.objectives(index, columns: columns)
                #expect(objectives.maximum == touched.sorted())
                #expect(objectives.minimum == whole.sorted())
            }
        }
    }
}
