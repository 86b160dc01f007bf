import CGLPK
import Testing
@testable import Disclosure

/// A program starts from the basis the last audit's program ended with (``BasisMemory``), repaired
/// to fit its own rows and classes (``BasisRepair``). The start may change how many pivots a solve
/// takes, never its optimum: these tests hold the repair to a valid basis and the optima, from any
/// start, to those from the crash basis.
@Suite("Warm starts from the last audit's basis")
struct BasisRepairTests {
    /// Random 0/1 programs and random wishes, too many basics or too few, dependent ones included:
    /// the repair gives exactly one basic per row, independent, keeps every wished slack and as many
    /// wished columns as are independent of them.
    @Test func theRepairedBasisIsValidAndKeepsAsMuchOfTheWishAsIsIndependent() {
        var generator = SplitMix64(seed: 0xBA5E_0001)
        for _ in 0..<400 {
            let rowCount = Int.random(in: 1...8, using: &generator)
            let columnCount = Int.random(in: 1...12, using: &generator)
            let rowsOfColumn = (0..<columnCount).map { _ in
                (0..<rowCount).filter { _ in Bool.random(using: &generator) }
            }
            let wishedRows = (0..<rowCount).map { _ in Int.random(in: 0..<3, using: &generator) == 0 }
            let wishedColumns = (0..<columnCount).map { _ in Bool.random(using: &generator) }
            let basis = BasisRepair.repaired(rowCount: rowCount, rowsOfColumn: rowsOfColumn,
                                             basicRows: wishedRows, basicColumns: wishedColumns)
            let basics = basis.rows.filter { $0 }.count + basis.columns.filter { $0 }.count
            #expect(basics == rowCount)
            #expect(Self.rank(Self.matrix(rowCount, rowsOfColumn, basis.rows, basis.columns)) == rowCount)
            #expect(zip(wishedRows, basis.rows).allSatisfy { !$0 || $1 }, "a wished slack was dropped")
            #expect(zip(wishedColumns, basis.columns).allSatisfy { $0 || !$1 }, "a column nobody wished became basic")
            let wished = Self.matrix(rowCount, rowsOfColumn, wishedRows, wishedColumns)
            let keptWished = wishedRows.filter { $0 }.count + basis.columns.filter { $0 }.count
            #expect(keptWished == Self.rank(wished), "an independent wished column was dropped")
        }
    }

    /// Optima from a random start, and from the basis of another program, equal those from the
    /// crash basis on random feasible programs with exact and ranged rows.
    @Test func optimaFromAnyStartEqualThoseFromTheCrashBasis() {
        var generator = SplitMix64(seed: 0xBA5E_0002)
        LinearProgram.withSolver {
            var last: (rows: [Int32], columns: [Int32])?
            for _ in 0..<150 {
                let columnCount = Int.random(in: 2...14, using: &generator)
                let point = (0..<columnCount).map { _ in Double(Int.random(in: 0...4, using: &generator)) }
                let rows = (0..<Int.random(in: 1...10, using: &generator)).map { _ -> LinearProgram.Row in
                    let columns = (0..<columnCount).filter { _ in Int.random(in: 0..<3, using: &generator) == 0 }
                    let sum = columns.reduce(0) { $0 + point[$1] }
                    return Bool.random(using: &generator) ? LinearProgram.Row(columns: columns, lower: sum, upper: sum)
                        : LinearProgram.Row(columns: columns, lower: max(0, sum - 2), upper: sum + 1)
                }.filter { !$0.columns.isEmpty }
                guard !rows.isEmpty else { continue }
                let random = LinearProgram.Start(
                    rows: rows.map { _ in [GLP_BS, GLP_NL, GLP_NU, GLP_NS][Int.random(in: 0..<4, using: &generator)] },
                    basicColumns: (0..<columnCount).map { _ in Bool.random(using: &generator) })
                // Another program's statuses, cut or padded to this one's size.
                let foreign = last.map { last in
                    LinearProgram.Start(rows: rows.indices.map { last.rows.indices.contains($0) ? last.rows[$0] : GLP_BS },
                                        basicColumns: (0..<columnCount).map { last.columns.indices.contains($0) && last.columns[$0] == GLP_BS })
                }
                let crash = LinearProgram(columnCount: columnCount, rows: rows)
                let starts = [random] + (foreign.map { [$0] } ?? [])
                let warm = starts.map { LinearProgram(columnCount: columnCount, rows: rows, start: $0) }
                for _ in 0..<3 {
                    let objective = (0..<columnCount).filter { _ in Bool.random(using: &generator) }
                    let maximise = Bool.random(using: &generator)
                    let expected = crash.optimise(sumOf: objective, maximise: maximise)
                    for program in warm {
                        #expect(Self.same(program.optimise(sumOf: objective, maximise: maximise), expected), "\(rows) \(objective)")
                    }
                }
                last = warm[0].statuses()
            }
        }
    }

    /// Audits of random tables, one after another on one memory (each program starts from the
    /// last one's basis, of another table or of the same table with rows left out), give the
    /// intervals one plain program over every row gives.
    @Test func auditsOnOneMemoryGiveThePlainIntervals() throws {
        var generator = SplitMix64(seed: 0xBA5E_0003)
        let memory = BasisMemory()
        var checked = 0
        for _ in 0..<80 {
            var system = ImpliedRowsTests.randomTable(&generator)
            for _ in 0..<2 {
                let blocksSystem = AttackerBlocksTests.System(model: system.model, targets: system.targets)
                if let expected = AttackerBlocksTests.plainIntervals(blocksSystem) {
                    let intervals = try system.model.intervals(of: system.targets, bases: memory)
                    for (index, interval) in intervals.enumerated() {
                        #expect(AttackerBlocksTests.same(interval, expected[index]), "\(system.model.constraints) \(system.targets[index])")
                    }
                    checked += 1
                }
                // The same table with a few rows left out: rows go, classes merge.
                system.model.constraints = system.model.constraints.filter { _ in Int.random(in: 0..<4, using: &generator) > 0 }
            }
        }
        #expect(checked > 100)
    }

    /// An audit leaves its bases, and the next audit over the same atoms finds a start there with
    /// as many basics wished as the last program had rows: the memory is used, not only kept.
    @Test func theNextAuditFindsTheLastBasis() throws {
        var generator = SplitMix64(seed: 0xBA5E_0004)
        var found = 0
        for _ in 0..<40 {
            let system = ImpliedRowsTests.randomTable(&generator)
            let memory = BasisMemory()
            // The blocks that need a program: several rows and classes (no closed form).
            guard let (_, blocks) = try? system.model.blocks(),
                  let block = blocks.blocks.first(where: { $0.classRows.count > 1 && $0.classSizes.count > 1 }) else { continue }
            #expect(memory.start(for: block) == nil, "nothing recorded yet")
            LinearProgram.withSolver {
                let program = LinearProgram(columnCount: block.classSizes.count, rows: block.classRows)
                _ = program.optimise(sumOf: [0], maximise: true)
                memory.record(block, program: program)
            }
            let start = try #require(memory.start(for: block))
            let basics = start.rows.filter { $0 == GLP_BS }.count + start.basicColumns.filter { $0 }.count
            #expect(basics == block.classRows.count, "the same program's own basis comes back whole")
            found += 1
        }
        #expect(found > 10)
    }

    static func same(_ lhs: LinearProgram.Outcome, _ rhs: LinearProgram.Outcome) -> Bool {
        if case .optimal(let a) = lhs, case .optimal(let b) = rhs { return abs(a - b) < 1e-6 }
        return lhs == rhs
    }

    /// The basis matrix: the unit column of each basic row's slack, then each basic column.
    static func matrix(_ rowCount: Int, _ rowsOfColumn: [[Int]], _ basicRows: [Bool], _ basicColumns: [Bool]) -> [[Double]] {
        var columns: [[Double]] = []
        for row in 0..<rowCount where basicRows[row] {
            columns.append((0..<rowCount).map { $0 == row ? 1 : 0 })
        }
        for column in rowsOfColumn.indices where basicColumns[column] {
            columns.append((0..<rowCount).map { rowsOfColumn[column].contains($0) ? 1 : 0 })
        }
        return columns
    }

    /// The rank of a small matrix given as columns, by elimination with full pivoting.
    static func rank(_ columns: [[Double]]) -> Int {
        var columns = columns
        var rank = 0
        while true {
            var best: (column: Int, row: Int, value: Double)?
            for (c, column) in columns.enumerated() {
                for (r, value) in column.enumerated() where abs(value) > 1e-9 && abs(value) > abs(best?.value ?? 0) {
                    best = (c, r, value)
                }
            }
            guard let best else { return rank }
            let pivot = columns.remove(at: best.column)
            for index in columns.indices {
                let factor = columns[index][best.row] / best.value
                for r in columns[index].indices { columns[index][r] -= factor * pivot[r] }
            }
            rank += 1
        }
    }
}
