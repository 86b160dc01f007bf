extension LinkedAuditor {
    /// Which atoms hold people who answered alone (every atom outside the entered class).
    static func aloneAtoms(_ atoms: DomainAtoms) -> [Bool] {
        var alone = [Bool](repeating: true, count: atoms.atomCount)
        for atom in atoms.atoms(covering: CellDomain([KnownAnswers.variable: [KnownAnswers.entered]])) { alone[atom] = false }
        return alone
    }

    /// The entered answers as knowledge rows: each group's atoms hold exactly its count (groups of
    /// one class summed), and every entered atom no group names holds nobody: the reader knows whom
    /// it entered, and so whom it did not. The same for who answered alone, over every answer.
    ///
    /// A group's context names a code the atoms do not know (a category no release lists) only for
    /// people no release counts; its row is left out.
    static func knowledge(of known: KnownAnswers, presences: Bool, atoms: DomainAtoms) -> [(atoms: [Int], count: Int)] {
        guard !known.isEmpty else { return [] }
        let alone = aloneAtoms(atoms)
        return rows(known.groups, way: KnownAnswers.entered, presences: presences, atoms: atoms, ofWay: alone.map { !$0 })
            + rows(known.answeredAlone, way: KnownAnswers.answeredAlone, presences: presences, atoms: atoms, ofWay: alone)
    }

    /// One row per distinct atom set of `groups` on the side `way`, then a zero row for every atom
    /// of that side (`ofWay`) no group names.
    private static func rows(_ groups: [KnownAnswers.Group], way: String, presences: Bool, atoms: DomainAtoms,
                             ofWay: [Bool]) -> [(atoms: [Int], count: Int)] {
        var total: [[Int]: Int] = [:]
        for group in groups {
            var domain = CellDomain(group.context.mapValues { [$0] })
            domain.restrict(KnownAnswers.variable, to: [way])
            if presences { domain.restrict(PopulationChanges.variable, to: [group.presence?.description ?? PopulationChanges.base]) }
            let covered = atoms.atoms(covering: domain)
            if !covered.isEmpty { total[covered, default: 0] += group.count }
        }
        let named = Set(total.keys.flatMap { $0 })
        let nobody = ofWay.indices.filter { ofWay[$0] && !named.contains($0) }
        return total.map { ($0.key, $0.value) }.sorted { $0.atoms.lexicographicallyPrecedes($1.atoms) } + nobody.map { ([$0], 0) }
    }

    /// Group disclosure where no table shows the group: HR knows how many answered alone in each
    /// context, so if releases together pin the ones who did not answer `k` there to 0, everybody
    /// there answered `k`. For each class of contexts (the atoms' codes but the table's category)
    /// and each category, the alone atoms whose category class does not hold it.
    static func otherAnswers(table: CountTable, atoms: DomainAtoms, alone: [Bool]) -> [[Int]] {
        guard let index = table.categoryDimension else { return [] }
        let variable = table.dimensions[index].name
        var groups: [[String: [String]]: [Int]] = [:]
        for atom in alone.indices where alone[atom] {
            var codes = atoms.codes(of: atom)
            codes[variable] = nil
            groups[codes, default: []].append(atom)
        }
        // Every category counts, as for group disclosure on those parts (``SuppressionPlan/groupDisclosure(counts:)``).
        let result = groups.values.flatMap { othersByAnswer($0, variable: variable, nonInformative: [], codes: nil, atoms: atoms) }
        return Set(result).sorted { $0.lexicographicallyPrecedes($1) }
    }
}
