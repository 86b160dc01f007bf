import Testing
@testable import Disclosure

/// Red team: the audit measures a withheld cell's feasible interval by linear programming
/// (``AttackerModel``, GLPK's simplex) and accepts it when `upper − lower ≥ protection_level`. The
/// reader, however, knows that counts are whole numbers. Wherever the LP relaxation of the
/// reader's equations is not integral (tables of three or more dimensions, hierarchies crossed with
/// two other dimensions), the reader's integer interval can be narrower than the LP interval: at the
/// least `[ceil(lower), floor(upper)]`, and by branch and bound the exact integer range.
@Suite("Red team: the reader solves in integers")
struct RedTeamIntegerAttackTests {
    /// The integer optimum of Σ columns over `rows` by depth-first branch and bound on GLPK's LP;
    /// nil when unbounded. Call inside ``LinearProgram/withSolver(_:)``.
    static func integerOptimum(columnCount: Int, rows: [LinearProgram.Row], of columns: [Int], maximise: Bool) -> Double? {
        var best: Double? = nil
        var budget = 20_000
        func better(_ a: Double, than b: Double) -> Bool { maximise ? a > b + 1e-9 : a < b - 1e-9 }
        func search(_ extra: [LinearProgram.Row]) -> Bool {   // false: unbounded
            budget -= 1
            if budget < 0 { return false }   // gave up: treated like unbounded (no claim)
            let program = LinearProgram(columnCount: columnCount, rows: rows + extra)
            switch program.optimise(sumOf: columns, maximise: maximise) {
            case .infeasible: return true
            case .unbounded: return false
            case .optimal(let value):
                let bound = maximise ? (value + 1e-7).rounded(.down) : (value - 1e-7).rounded(.up)
                if let best, !better(bound, than: best) { return true }
                let point = program.solution()
                guard let j = point.indices.first(where: { abs(point[$0] - point[$0].rounded()) > 1e-7 }) else {
                    best = value.rounded()
                    return true
                }
                let down = LinearProgram.Row(columns: [j], lower: 0, upper: point[j].rounded(.down))
                let up = LinearProgram.Row(columns: [j], lower: point[j].rounded(.up), upper: 1e9)
                return search(extra + [maximise ? up : down]) && search(extra + [maximise ? down : up])
            }
        }
        return search([]) ? best : nil
    }

    /// The same reader over two linked releases (the product's own linked property test: units
    /// regrouped, dimensions dropped): the common refinement of every cell's population as unknowns,
    /// every published cell as an equation, solved in integers.
    ///
    /// Batch 1 (rounds 0 to 4) is where the red team found cells the audit passed at [4.5, 9.5]; the
    /// branch and bound is slow, so the suite runs that batch only.
    @Test(arguments: [1])
    func integerReaderNarrowsLinkedReleases(batch: Int) throws {
        var generator = SplitMix64(seed: 0x11_4CED_0000 + UInt64(batch))
        var found: [String] = []
        for round in 0..<5 {
            let random = try randomTable(&generator)
            let first = try protect(random.table)
            let second = try regroupedRelease(of: random, &generator)
            let linked = try protect(second, earlier: first.releasedCells)
            let releases = first.releasedCells + linked.releasedCells
            let lp = Dictionary(try IntervalAudit.intervals(of: releases).map { ($0.domain, $0.interval) }, uniquingKeysWith: { a, _ in a })
            let atoms = DomainAtoms(domains: releases.map(\.domain), universe: [:])
            var rows: [LinearProgram.Row] = []
            for (index, cell) in releases.enumerated() {
                if let range = cell.knownRange {
                    rows.append(.init(columns: atoms.atoms[index], lower: Double(range.lowerBound), upper: Double(range.upperBound)))
                }
            }
            let truth = Dictionary((first.cells + linked.cells).map { ($0.domain, $0.confidentialCount) }, uniquingKeysWith: { a, _ in a })
            LinearProgram.withSolver {
                for (index, cell) in releases.enumerated() where cell.knownRange == nil {
                    guard let hi = Self.integerOptimum(columnCount: atoms.atomCount, rows: rows, of: atoms.atoms[index], maximise: true),
                          let lo = Self.integerOptimum(columnCount: atoms.atomCount, rows: rows, of: atoms.atoms[index], maximise: false),
                          let interval = lp[cell.domain], interval.protectsWithheld(5) else { continue }
                    if hi - lo < 5 - 1e-6 && hi > 1e-6 {
                        found.append("batch \(batch) round \(round): \(cell.domain) true \(truth[cell.domain] ?? -1): LP \(interval), integer \(Int(lo))...\(Int(hi))")
                    }
                }
            }
        }
        #expect(found.isEmpty, "\(found.count) withheld cells narrowed below the protection level:\n\(found.prefix(20).joined(separator: "\n"))")
    }
}
