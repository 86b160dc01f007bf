/// Exact rows that other exact rows already imply: a published margin whose parts are published
/// too (a unit's total beside each of its categories, or beside the sizes of its contexts).
///
/// Such a row cuts nothing off the feasible set, but it is among the longest of its program: a
/// total runs through every class below it. With earlier releases, the sizes of the contexts and
/// the new table together, most margins of the second indicator's program were implied, and every
/// pivot prices every row a class lies in. The blocks stay as every figure makes them
/// (``AttackerBlocks``), so that a contradiction a total shows is not split off and lost.
///
/// A row is implied when exact rows that are each strictly smaller, pairwise disjoint and inside
/// it cover its atoms exactly, with counts adding up to its own; the second of two rows over the
/// same atoms with the same bounds is implied by the first. Rows only ever go on smaller rows, so
/// however many are left out, each is implied by rows that stay. Counts that do not add up leave
/// the row in, so that contradictory releases stay visible.
enum ImpliedRows {
    /// The indices of the rows implied by the others.
    static func indices(of rows: [(atoms: [Int], lower: Int, upper: Int)]) -> Set<Int> {
        let exact = rows.indices.filter { rows[$0].lower == rows[$0].upper && rows[$0].atoms.count > 1 }
        // Arrays by atom and row, not dictionaries: this runs on every audit's rows.
        let atomCount = (exact.lazy.flatMap { rows[$0].atoms }.max() ?? -1) + 1
        let exactRowsOfAtom = RowsOfAtom(atomCount: atomCount, rows: exact) { rows[$0].atoms }
        var implied = Set<Int>()
        var firstOfAtoms: [[Int]: Int] = [:]
        var marks = Marks(atomCount: atomCount, rowCount: rows.count)
        for index in exact.sorted(by: { (rows[$0].atoms.count, $0) < (rows[$1].atoms.count, $1) }) {
            let row = rows[index]
            let sorted = row.atoms.sorted()
            if let first = firstOfAtoms[sorted] {
                if rows[first].lower == row.lower { implied.insert(index) }
                continue
            }
            firstOfAtoms[sorted] = index
            if isCovered(index, rows: rows, exactRowsOfAtom: exactRowsOfAtom, marks: &marks) { implied.insert(index) }
        }
        return implied
    }

    /// Which atoms are inside and covered, and which rows fit inside, for the row being looked at:
    /// an entry counts only when it carries that row's stamp, so nothing is cleared between rows.
    private struct Marks {
        var stamp = 0
        var inside: [Int]
        var covered: [Int]
        var fitsChecked: [Int]
        var fits: [Bool]

        init(atomCount: Int, rowCount: Int) {
            inside = [Int](repeating: -1, count: atomCount)
            covered = inside
            fitsChecked = [Int](repeating: -1, count: rowCount)
            fits = [Bool](repeating: false, count: rowCount)
        }
    }

    /// Whether smaller exact rows, disjoint and inside row `index`, cover it with the same count;
    /// for each atom not yet covered, the largest such row through it is taken.
    private static func isCovered(_ index: Int, rows: [(atoms: [Int], lower: Int, upper: Int)],
                                  exactRowsOfAtom: RowsOfAtom, marks: inout Marks) -> Bool {
        let row = rows[index]
        marks.stamp += 1
        let stamp = marks.stamp
        for atom in row.atoms { marks.inside[atom] = stamp }
        var count = 0
        for atom in row.atoms where marks.covered[atom] != stamp {
            var best: Int?
            for other in exactRowsOfAtom[atom] where rows[other].atoms.count < row.atoms.count {
                if let best, rows[best].atoms.count >= rows[other].atoms.count { continue }
                if marks.fitsChecked[other] != stamp {
                    marks.fitsChecked[other] = stamp
                    marks.fits[other] = rows[other].atoms.allSatisfy { marks.inside[$0] == stamp }
                }
                if marks.fits[other] && !rows[other].atoms.contains(where: { marks.covered[$0] == stamp }) { best = other }
            }
            guard let best else { return false }
            for atom in rows[best].atoms { marks.covered[atom] = stamp }
            count += rows[best].lower
        }
        return count == row.lower
    }
}
