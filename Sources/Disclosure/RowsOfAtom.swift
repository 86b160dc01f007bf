/// The rows through each atom, all in one array.
///
/// Every audit looks up, atom by atom, the rows an atom lies in (presolve, ``ImpliedRows``), and
/// the linked audit's set-up the figures and cells it lies in (``LinkedAuditor/Neighbourhoods``). An
/// array per atom cost more to allocate than the lookups themselves on a system of some twenty
/// thousand atoms, so the lists are laid end to end and filled in two passes: count, then place.
struct RowsOfAtom {
    /// Where each atom's rows begin in ``rows``; one entry more than there are atoms.
    private let start: [Int]
    private let rows: [Int]

    /// - Parameters:
    ///   - indices: the rows to list, in the order each atom's list keeps them.
    ///   - atoms: the atoms of a row.
    init(atomCount: Int, rows indices: [Int], atoms: (Int) -> [Int]) {
        var start = [Int](repeating: 0, count: atomCount + 1)
        for index in indices {
            for atom in atoms(index) { start[atom + 1] += 1 }
        }
        for atom in 0..<atomCount { start[atom + 1] += start[atom] }
        var next = start
        var rows = [Int](repeating: 0, count: start[atomCount])
        for index in indices {
            for atom in atoms(index) {
                rows[next[atom]] = index
                next[atom] += 1
            }
        }
        self.start = start
        self.rows = rows
    }

    subscript(atom: Int) -> ArraySlice<Int> { rows[start[atom]..<start[atom + 1]] }
}
