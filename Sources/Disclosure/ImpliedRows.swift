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
        var exactRowsOfAtom: [Int: [Int]] = [:]
        for index in exact {
            for atom in rows[index].atoms { exactRowsOfAtom[atom, default: []].append(index) }
        }
        var implied = Set<Int>()
        var firstOfAtoms: [[Int]: Int] = [:]
        for index in exact.sorted(by: { (rows[$0].atoms.count, $0) < (rows[$1].atoms.count, $1) }) {
            let row = rows[index]
            let sorted = row.atoms.sorted()
            if let first = firstOfAtoms[sorted] {
                if rows[first].lower == row.lower { implied.insert(index) }
                continue
            }
            firstOfAtoms[sorted] = index
            if isCovered(index, rows: rows, exactRowsOfAtom: exactRowsOfAtom) { implied.insert(index) }
        }
        return implied
    }

    /// Whether smaller exact rows, disjoint and inside row `index`, cover it with the same count;
    /// for each atom not yet covered, the largest such row through it is taken.
    private static func isCovered(_ index: Int, rows: [(atoms: [Int], lower: Int, upper: Int)],
                                  exactRowsOfAtom: [Int: [Int]]) -> Bool {
        let row = rows[index]
        let inside = Set(row.atoms)
        var covered = Set<Int>()
        var fits: [Int: Bool] = [:]
        var count = 0
        for atom in row.atoms where !covered.contains(atom) {
            var best: Int?
            for other in exactRowsOfAtom[atom] ?? [] where rows[other].atoms.count < row.atoms.count {
                if let best, rows[best].atoms.count >= rows[other].atoms.count { continue }
                let fitsInside = fits[other] ?? rows[other].atoms.allSatisfy(inside.contains)
                fits[other] = fitsInside
                if fitsInside && !rows[other].atoms.contains(where: covered.contains) { best = other }
            }
            guard let best else { return false }
            covered.formUnion(rows[best].atoms)
            count += rows[best].lower
        }
        return count == row.lower
    }
}
