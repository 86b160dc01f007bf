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
    /// - Parameter split: the earlier releases' system after presolve (``AttackerModel/blocks()``).
    /// - Returns: for each atom, whether it is untouched.
    static func untouchedAtoms(table: CountTable, earlier: [ReleasedCell], cellAtoms: [[Int]],
                               split: (fixed: [Int?], blocks: AttackerBlocks)) -> [Bool] {
        let (fixed, blocks) = split
        let atomCount = fixed.count
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

extension LinkedAuditor {
    /// The earlier releases' rows an audit of `targets` needs: those of the blocks the targets
    /// touch, and each fixed atom they use as a row of its own (`atom = value`).
    ///
    /// The blocks are independent, so leaving out the others changes no target's interval; it only
    /// saves building and presolving them on every audit, which otherwise grows with every year of
    /// monitoring. Every new-table cell counts as a target here (its published figure is a row).
    static func rows(_ rows: [AttackerModel.Constraint], for targets: [[Int]],
                     split: (fixed: [Int?], blocks: AttackerBlocks)) -> [AttackerModel.Constraint] {
        let (fixed, blocks) = split
        var needed = Set<Int>()
        for target in targets {
            for atom in target where fixed[atom] == nil && blocks.blockOfAtom[atom] >= 0 { needed.insert(blocks.blockOfAtom[atom]) }
        }
        let kept = rows.filter { row in
            row.atoms.contains { fixed[$0] == nil && blocks.blockOfAtom[$0] >= 0 && needed.contains(blocks.blockOfAtom[$0]) }
        }
        var used = Set<Int>()
        for atoms in targets + kept.map(\.atoms) {
            for atom in atoms where fixed[atom] != nil { used.insert(atom) }
        }
        return kept + used.sorted().map { AttackerModel.Constraint(atoms: [$0], lower: fixed[$0]!, upper: fixed[$0]!) }
    }
}
