extension LinkedAuditor {
    /// The sizes as knowledge rows: the atoms of each context hold exactly its size (contexts of one
    /// class summed), and every atom of a year the sizes cover that no context names holds nobody:
    /// the reader knows who was hired, and so where nobody was.
    ///
    /// With changes, the rows are over the base: a context's size less its changed people counted
    /// now, whose own rows come from ``PopulationChanges``. (Changed people of a year no release
    /// has counted since they changed have no atoms; a row over every presence would count them
    /// into the atoms that exist and contradict the releases.)
    static func knowledge(of sizes: ContextSizes, changes: PopulationChanges, atoms: DomainAtoms) -> [(atoms: [Int], count: Int)] {
        guard !sizes.isEmpty else { return [] }
        func domain(_ context: [String: String]) -> CellDomain {
            var domain = CellDomain(context.mapValues { [$0] })
            if !changes.isEmpty { domain.restrict(PopulationChanges.variable, to: [PopulationChanges.base]) }
            return domain
        }
        var changedNow: [[String: String]: Int] = [:]
        for group in changes.groups where group.presence.counted(by: changes.current) { changedNow[group.context, default: 0] += group.count }
        var total: [[Int]: Int] = [:], named = Set<Int>()
        for (context, count) in sizes.contexts {
            let base = count - (changedNow[context] ?? 0)
            let covered = atoms.atoms(covering: domain(context))
            named.formUnion(covered)
            // A negative base means the changes do not describe these sizes: the row is left out.
            if !covered.isEmpty && base >= 0 { total[covered, default: 0] += base }
        }
        let years = Set(sizes.groups.compactMap { $0.context["year"] })
        let nobody = atoms.atoms(covering: domain([:])).filter { atom in
            guard !named.contains(atom), let codes = atoms.codes(of: atom)["year"] else { return false }
            return codes.allSatisfy(years.contains)
        }
        return total.map { ($0.key, $0.value) }.sorted { $0.atoms.lexicographicallyPrecedes($1.atoms) } + nobody.map { ([$0], 0) }
    }

    /// Group disclosure where no table shows the group, for a reader who knows how many people each
    /// context holds: per class of contexts the atoms separate (their codes but the answers and the
    /// presence, over the people counted now) and per informative category of the table whose
    /// people there all gave it, the atoms of the people with another informative answer. Pinned
    /// at 0 by releases together, they would tell that everybody there gave it.
    ///
    /// Only classes the groups show to be uniform become targets; a class the groups cannot place
    /// (a context that leaves out a variable the atoms split) gets a target for every category.
    static func otherAnswers(table: CountTable, atoms: DomainAtoms, sizes: ContextSizes, counted: Set<String>?) -> [[Int]] {
        guard !sizes.isEmpty, let index = table.categoryDimension else { return [] }
        let dimension = table.dimensions[index]
        let variable = dimension.name
        let informative = dimension.hierarchy.leaves.filter { !dimension.nonInformativeCodes.contains($0) }
        let dropped = sizes.answerVariables.union([variable, PopulationChanges.variable])
        func classKey(_ atom: Int) -> [String: [String]] { atoms.codes(of: atom).filter { !dropped.contains($0.key) } }
        var domainNow = CellDomain([:])
        if let counted { domainNow.restrict(PopulationChanges.variable, to: counted) }
        var members: [[String: [String]]: [Int]] = [:]
        for atom in atoms.atoms(covering: domainNow) { members[classKey(atom), default: []].append(atom) }
        // Per class, how many people gave each informative category; nil where a group cannot be placed.
        var answers: [[String: [String]]: [String: Int]?] = [:]
        for group in sizes.groups {
            var domain = domainNow
            for (name, code) in group.context where !sizes.answerVariables.contains(name) { domain.restrict(name, to: [code]) }
            let keys = Set(atoms.atoms(covering: domain).map(classKey))
            guard let code = group.context[variable], keys.count == 1, let key = keys.first else {
                for key in keys { answers[key] = .some(nil) }
                continue
            }
            guard informative.contains(code), answers[key] != .some(nil) else { continue }
            var counts = answers[key] ?? [:]
            counts?[code, default: 0] += group.count
            answers[key] = .some(counts)
        }
        var result = Set<[Int]>()
        for (key, atomsOfClass) in members {
            guard let placed = answers[key] else { continue }
            let given = placed.map { counts in counts.filter { $0.value > 0 }.map(\.key) } ?? informative
            // A target only where one informative category holds everybody who gave one.
            guard placed == nil || given.count == 1 else { continue }
            for code in given {
                let others = atomsOfClass.filter { atom in
                    let codes = atoms.codes(of: atom)[variable] ?? []
                    return !codes.contains(code) && codes.contains(where: { $0 != code && informative.contains($0) })
                }
                if !others.isEmpty { result.insert(others.sorted()) }
            }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
