import Testing
@testable import Disclosure

/// Margins whose parts are all published say nothing the parts do not; the attacker's programs
/// leave them out (``ImpliedRows``). These tests pin the rule, and hold the model against one
/// plain program over every row on random tables full of margins, contradictory ones included.
@Suite("Implied rows left out of the attacker's programs")
struct ImpliedRowsTests {
    typealias Row = (atoms: [Int], lower: Int, upper: Int)

    /// The flat index of rows by atom lists, for every atom, the rows asked for in their order.
    @Test func rowsOfAtomListWhatAnArrayPerAtomWould() {
        var generator = SplitMix64(seed: 0x20A5_0001)
        for _ in 0..<200 {
            let atomCount = Int.random(in: 0...30, using: &generator)
            let rows = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                (0..<Int.random(in: 0...6, using: &generator)).compactMap { _ in atomCount == 0 ? nil : Int.random(in: 0..<atomCount, using: &generator) }
            }
            let asked = rows.indices.filter { _ in Bool.random(using: &generator) }
            var expected = [[Int]](repeating: [], count: atomCount)
            for index in asked { for atom in rows[index] { expected[atom].append(index) } }
            let index = RowsOfAtom(atomCount: atomCount, rows: asked) { rows[$0] }
            #expect((0..<atomCount).map { Array(index[$0]) } == expected)
        }
    }

    @Test func aTotalOfPublishedPartsIsImplied() {
        let rows: [Row] = [([0, 1], 3, 3), ([2, 5], 4, 4), ([3, 4], 0, 0), ([0, 1, 2, 3, 4, 5], 7, 7)]
        #expect(ImpliedRows.indices(of: rows) == [3])
    }

    @Test func aTotalWithAWithheldOrRangedPartStays() {
        #expect(ImpliedRows.indices(of: [([0, 1], 3, 3), ([0, 1, 2, 3], 7, 7)]).isEmpty)
        #expect(ImpliedRows.indices(of: [([0, 1], 3, 3), ([2, 3], 2, 6), ([0, 1, 2, 3], 7, 7)]).isEmpty)
        #expect(ImpliedRows.indices(of: [([0, 1], 3, 3), ([2, 3], 4, 4), ([0, 1, 2, 3], 7, 7)]) == [2])
        // A part through an atom outside the total covers nothing.
        #expect(ImpliedRows.indices(of: [([0, 1, 5], 3, 3), ([2, 3], 4, 4), ([0, 1, 2, 3], 7, 7)]).isEmpty)
        // A ranged total is knowledge of its own kind: never left out.
        #expect(ImpliedRows.indices(of: [([0, 1], 3, 3), ([2, 3], 4, 4), ([0, 1, 2, 3], 5, 9)]).isEmpty)
    }

    @Test func countsThatDoNotAddUpStaySoTheContradictionIsReported() throws {
        #expect(ImpliedRows.indices(of: [([0, 1], 3, 3), ([2, 3], 4, 4), ([0, 1, 2, 3], 8, 8)]).isEmpty)
        var model = AttackerModel(atomCount: 4)
        model.add(atoms: [0, 1], lower: 3, upper: 3)
        model.add(atoms: [2, 3], lower: 4, upper: 4)
        model.add(atoms: [0, 1, 2, 3], lower: 8, upper: 8)
        #expect(throws: DisclosureError.self) { try model.intervals(of: [[0]]) }
    }

    @Test func theSecondOfTwoEqualRowsIsImpliedUnlessTheCountsDiffer() {
        #expect(ImpliedRows.indices(of: [([1, 0], 5, 5), ([0, 1], 5, 5)]) == [1])
        #expect(ImpliedRows.indices(of: [([1, 0], 5, 5), ([0, 1], 6, 6)]).isEmpty)
    }

    /// Leaving out a total must not split its block: a linked audit keeps only the blocks its
    /// targets reach, and the total ties a contradiction to them (a, b with c, d, e here: c + d is
    /// 3 but at most 2).
    @Test func aLeftOutTotalKeepsItsBlockTogether() throws {
        var model = AttackerModel(atomCount: 5)
        model.add(atoms: [0, 1], lower: 2, upper: 2)
        model.add(atoms: [2, 3], lower: 3, upper: 3)
        model.add(atoms: [0, 1, 2, 3], lower: 5, upper: 5)
        model.add(atoms: [2, 3, 4], lower: 0, upper: 2)
        let split = try model.blocks()
        #expect(split.blocks.blocks.count == 1)
        #expect(split.blocks.blocks[0].rows.count == 3, "the total is left out of the program")
        #expect(throws: DisclosureError.self) { try model.intervals(of: [[0]]) }
    }

    /// A range over atoms other figures fix reaches no program; it is checked all the same.
    @Test func aRangeOverFixedAtomsThatMissesThemIsAContradiction() throws {
        var model = AttackerModel(atomCount: 3)
        model.add(atoms: [0], lower: 3, upper: 3)
        model.add(atoms: [1, 2], lower: 1, upper: 4)
        model.add(atoms: [0, 1], lower: 5, upper: 9)
        #expect(throws: Never.self) { try model.intervals(of: [[1]]) }
        model.add(atoms: [0], lower: 5, upper: 9)
        #expect(throws: DisclosureError.self) { try model.intervals(of: [[1]]) }
    }

    /// A 2 × 3 table (atoms 0–5, row-major) with both margins and the grand total, its cells
    /// withheld: the total is implied by either margin, the margins by nothing.
    @Test func aGrandTotalIsImpliedByEitherMargin() {
        let rowMargins: [Row] = [([0, 1, 2], 3, 3), ([3, 4, 5], 3, 3)]
        let columnMargins: [Row] = [([0, 3], 2, 2), ([1, 4], 2, 2), ([2, 5], 2, 2)]
        let total: Row = ([0, 1, 2, 3, 4, 5], 6, 6)
        #expect(ImpliedRows.indices(of: rowMargins + columnMargins + [total]) == [5])
        #expect(ImpliedRows.indices(of: [total] + columnMargins) == [0])
    }

    /// Random tables of two or three dimensions with every margin, some cells withheld, a few
    /// margins released twice and now and then one margin off by one: exact intervals of random
    /// sums of cells equal one plain program over every row, and a contradiction is reported.
    @Test(arguments: 0..<4)
    func intervalsEqualOnePlainProgramOnTablesFullOfMargins(batch: Int) throws {
        var generator = SplitMix64(seed: 0x1A4C_0000 + UInt64(batch))
        var implied = 0, contradictions = 0
        for _ in 0..<120 {
            let system = Self.randomTable(&generator)
            implied += ImpliedRows.indices(of: system.model.constraints.map { ($0.atoms, $0.lower, $0.upper) }).count
            let blocksSystem = AttackerBlocksTests.System(model: system.model, targets: system.targets)
            guard let expected = AttackerBlocksTests.plainIntervals(blocksSystem) else {
                contradictions += 1
                #expect(throws: DisclosureError.self) { try system.model.intervals(of: system.targets) }
                continue
            }
            let intervals = try system.model.intervals(of: system.targets)
            for (index, interval) in intervals.enumerated() {
                #expect(AttackerBlocksTests.same(interval, expected[index]), "\(system.model.constraints) \(system.targets[index])")
            }
        }
        #expect(implied > 100)
        #expect(contradictions > 3)
    }

    struct System {
        var model: AttackerModel
        var targets: [[Int]]
    }

    /// Atoms are the leaf cells of a random 2- or 3-way table; every cell (leaf, margin, total) is a
    /// row, published exactly or, for some, as a range or not at all.
    static func randomTable(_ generator: inout SplitMix64) -> System {
        let sizes = (0..<Int.random(in: 2...3, using: &generator)).map { _ in Int.random(in: 2...4, using: &generator) }
        let atomCount = sizes.reduce(1, *)
        let point = (0..<atomCount).map { _ in Int.random(in: 0...3, using: &generator) }
        func coordinates(_ atom: Int) -> [Int] {
            var rest = atom
            return sizes.map { size in defer { rest /= size }; return rest % size }
        }
        var model = AttackerModel(atomCount: atomCount)
        // Every cell of the table: per dimension a code or the margin (-1).
        var cells: [[Int]] = [[]]
        for size in sizes { cells = cells.flatMap { prefix in (-1..<size).map { prefix + [$0] } } }
        let broken = Int.random(in: 0..<8, using: &generator) == 0 ? Int.random(in: 0..<cells.count, using: &generator) : -1
        for (index, cell) in cells.enumerated() {
            let atoms = (0..<atomCount).filter { atom in zip(coordinates(atom), cell).allSatisfy { $1 < 0 || $0 == $1 } }
            let sum = atoms.reduce(0) { $0 + point[$1] }
            // Leaves are withheld half the time, so that presolve leaves atoms free and the
            // margins over them reach the programs.
            let isLeaf = !cell.contains(-1)
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: continue                                                   // withheld
            case 2...6 where isLeaf: continue
            case 1: model.add(atoms: atoms, lower: max(0, sum - 2), upper: sum + 2)   // a range
            default:
                let count = index == broken ? sum + 1 : sum
                model.add(atoms: atoms, lower: count, upper: count)
                if Int.random(in: 0..<10, using: &generator) == 0 { model.add(atoms: atoms.reversed(), lower: count, upper: count) }
            }
        }
        let targets = (0..<6).map { _ in
            Array((0..<atomCount).shuffled(using: &generator).prefix(Int.random(in: 1...4, using: &generator))).sorted()
        }
        return System(model: model, targets: targets)
    }
}
