extension LinkedAuditor {
    /// The atoms whose feasible range no suppression pattern of the new table can change: a target
    /// made of them only keeps the interval that earlier releases and the reader's knowledge give
    /// it, so it can never fail (``SuppressionPlan/fails(_:_:minCell:protectionLevel:)`` asks that a
    /// release narrow nothing beyond that) and need not be audited.
    ///
    /// Why this holds: the reader's system before the release splits, after presolve, into
    /// independent blocks; the feasible set is their product. Publishing cells of the new table
    /// adds rows. A block that none of those rows reaches keeps its rows and its fixed atoms, and
    /// stays independent of the rest, so every sum over its atoms ranges exactly as before. Each new
    /// cell is first reduced by exact earlier figures over parts of it (a trend's cells of earlier
    /// years, the part of an all-years total that earlier years already show): given those figures
    /// the reduced row says the same, so only its remaining atoms reach anything. Cells the ledger
    /// keeps withheld (same people as an earlier withheld cell) never add a row.
    ///
    /// This is what keeps a monitoring fast over the years: a new year's baseline only reaches that
    /// year's block, however many releases came before.
    ///
    /// - Returns: for each atom, whether it is untouched; all `false` when presolve finds the
    ///   earlier figures contradictory (the audit will then report it).
    static func untouchedAtoms(table: CountTable, earlier: [ReleasedCell], cellAtoms: [[Int]],
                               earlierModel: AttackerModel) -> [Bool] {
        let atomCount = earlierModel.atomCount
        guard let (fixed, blocks) = try? earlierModel.blocks() else { return [Bool](repeating: false, count: atomCount) }
        // Exact earlier figures, largest first, as reducers; withheld ones mark ledger cells.
        let exact = earlier.indices.filter { earlier[$0].knownRange.map { $0.lowerBound == $0.upperBound } ?? false }
            .map { cellAtoms[table.cellCount + $0] }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        let withheld = Set(earlier.indices.filter { earlier[$0].knownRange == nil }.map { cellAtoms[table.cellCount + $0] })
        var reached = Set<Int>()          // blocks some new row reaches
        var reachedLoose = Set<Int>()     // atoms no earlier figure mentions, reached by a new row
        for cell in 0..<table.cellCount where !table.isOmitted(cell) && !withheld.contains(cellAtoms[cell]) {
            var rest = Set(cellAtoms[cell])
            for part in exact where part.count <= rest.count && part.allSatisfy(rest.contains) {
                rest.subtract(part)
                if rest.isEmpty { break }
            }
            for atom in rest where fixed[atom] == nil {
                if blocks.blockOfAtom[atom] >= 0 { reached.insert(blocks.blockOfAtom[atom]) } else { reachedLoose.insert(atom) }
            }
        }
        return (0..<atomCount).map { atom in
            if fixed[atom] != nil { return true }
            let block = blocks.blockOfAtom[atom]
            return block >= 0 ? !reached.contains(block) : !reachedLoose.contains(atom)
        }
    }
}
