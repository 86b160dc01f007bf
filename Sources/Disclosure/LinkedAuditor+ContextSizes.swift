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
        // Only atoms whose every year is covered: an atom class that also holds a year without sizes
        // (a purged one, say) holds people no size counts.
        let isCovered = (0..<atoms.atomCount).map { atoms.codes(of: $0, "year")?.allSatisfy(sizes.years.contains) ?? false }
        func covered(_ atom: Int) -> Bool { isCovered[atom] }
        var changedNow: [[String: String]: Int] = [:]
        for group in changes.groups where group.presence.counted(by: changes.current) { changedNow[group.context, default: 0] += group.count }
        var total: [[Int]: Int] = [:], named = Set<Int>()
        for (context, count) in sizes.contexts {
            let base = count - (changedNow[context] ?? 0)
            let atomsOfContext = atoms.atoms(covering: domain(context))
            named.formUnion(atomsOfContext)
            // A negative base means the changes do not describe these sizes: the row is left out.
            if !atomsOfContext.isEmpty && base >= 0 && atomsOfContext.allSatisfy(covered) { total[atomsOfContext, default: 0] += base }
        }
        let nobody = atoms.atoms(covering: domain([:])).filter { !named.contains($0) && covered($0) }
        return total.map { ($0.key, $0.value) }.sorted { $0.atoms.lexicographicallyPrecedes($1.atoms) } + nobody.map { ([$0], 0) }
    }

    /// Group disclosure where no table shows the group, for a reader who knows how many people each
    /// context holds: per class of contexts the atoms separate (their codes but the answers and the
    /// presence) and per informative category whose people there all gave it, the atoms of the
    /// people with another informative answer. Pinned at 0 by releases together, they would tell
    /// that everybody there gave it.
    ///
    /// The people counted now are checked where the groups show them to be of one answer (a class
    /// the groups cannot place gets a target for every category). Every category is checked, since
    /// the run does not know their answers apart, for the people a class held when each earlier
    /// release counted it and for its base: the reader knows who joined or left, so these are
    /// groups of known size too. A target whose people do not all give one answer can never be
    /// pinned at 0, so these cost solves, not cells. Only the table's indicator is checked: the
    /// indicators of earlier releases were checked when they were released (see the README).
    static func otherAnswers(table: CountTable, atoms: DomainAtoms, sizes: ContextSizes, changes: PopulationChanges,
                             releases: Set<Int>) -> [[Int]] {
        guard !sizes.isEmpty, let index = table.categoryDimension else { return [] }
        let dimension = table.dimensions[index]
        let variable = dimension.name
        let informative = dimension.hierarchy.leaves.filter { !dimension.nonInformativeCodes.contains($0) }
        let dropped = sizes.answerVariables.union([variable, PopulationChanges.variable])
        func classKey(_ atom: Int) -> Int { atoms.key(of: atom, ignoring: dropped) }
        var classes: [Int: [Int]] = [:]
        for atom in 0..<atoms.atomCount { classes[classKey(atom), default: []].append(atom) }
        // The people counted now, and the groups of known size before: each release's, and the base.
        let now = changes.isEmpty ? nil : changes.codes(countedBy: changes.current)
        let before = changes.isEmpty ? [] : Set([[PopulationChanges.base]] + releases.map { changes.codes(countedBy: $0) }).filter { $0 != now }
        func members(_ atomsOfClass: [Int], _ counted: Set<String>?) -> [Int] {
            guard let counted else { return atomsOfClass }
            return atomsOfClass.filter { atoms.codes(of: $0, PopulationChanges.variable)?.allSatisfy(counted.contains) ?? true }
        }
        let answers = uniformAnswers(sizes: sizes, variable: variable, informative: informative, atoms: atoms, now: now, classKey: classKey)
        var result = Set<[Int]>()
        func add(_ people: [Int], codes: [String]?) {
            result.formUnion(othersByAnswer(people, variable: variable, nonInformative: dimension.nonInformativeCodes, codes: codes, atoms: atoms))
        }
        for (key, atomsOfClass) in classes {
            let counted = members(atomsOfClass, now)
            if !counted.isEmpty, let placed = answers[key] {
                // nil: the groups cannot place the class, so every category.
                let given = placed.map { counts in counts.filter { $0.value > 0 }.map(\.key) }
                if given == nil || given!.count == 1 { add(counted, codes: given) }
            }
            for set in before {
                let people = members(atomsOfClass, set)
                if !people.isEmpty && people != counted { add(people, codes: nil) }
            }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// For each category of `variable` in `codes` (all when nil) that some of `people` may hold: the
    /// atoms of those who gave another telling answer. Pinned at 0, everybody of `people` who gave
    /// a telling answer gave that category.
    static func othersByAnswer(_ people: [Int], variable: String, nonInformative: Set<String>, codes: [String]?,
                               atoms: DomainAtoms) -> [[Int]] {
        let codesOf = people.map { atoms.codes(of: $0, variable) ?? [] }
        let telling = Set(codesOf.flatMap { $0 }).subtracting(nonInformative)
        return (codes ?? telling.sorted()).filter(telling.contains).compactMap { code in
            let others = people.indices.filter { !codesOf[$0].contains(code) && codesOf[$0].contains(where: { $0 != code && telling.contains($0) }) }
            return others.isEmpty ? nil : others.map { people[$0] }.sorted()
        }
    }

    /// Per class, how many people counted now gave each informative category of `variable`; the
    /// inner value is nil where a group cannot be placed in one class.
    private static func uniformAnswers(sizes: ContextSizes, variable: String, informative: [String], atoms: DomainAtoms, now: Set<String>?,
                                       classKey: (Int) -> Int) -> [Int: [String: Int]?] {
        var domainNow = CellDomain([:])
        if let now { domainNow.restrict(PopulationChanges.variable, to: now) }
        var answers: [Int: [String: Int]?] = [:]
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
        return answers
    }
}
