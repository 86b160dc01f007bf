/// The common refinement of many cell domains: the atoms every one of them is a union of.
///
/// Per variable, codes are grouped into classes by which of the domains' code sets contain them; an
/// atom is one class per variable. The codes of a variable are all codes any domain mentions, so a
/// domain without the variable covers all of them. Atoms no domain covers are dropped.
struct DomainAtoms {
    let atomCount: Int
    /// The atoms of each domain, in the order given.
    let atoms: [[Int]]

    init(domains: [CellDomain]) {
        let variables = Set(domains.flatMap(\.restrictions.keys)).sorted()
        var classesOfSet: [[Set<String>: [Int]]] = []
        var classCounts: [Int] = []
        for variable in variables {
            let sets = Array(Set(domains.compactMap { $0.restrictions[variable] }))
            let universe = sets.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted()
            var classOfSignature: [[Int]: Int] = [:]
            var classOfCode: [String: Int] = [:]
            for code in universe {
                let signature = sets.indices.filter { sets[$0].contains(code) }
                let id = classOfSignature[signature] ?? classOfSignature.count
                classOfSignature[signature] = id
                classOfCode[code] = id
            }
            classCounts.append(classOfSignature.count)
            classesOfSet.append(Dictionary(uniqueKeysWithValues: sets.map { set in
                (set, Array(Set(set.map { classOfCode[$0]! })).sorted())
            }))
        }
        var compact: [Int: Int] = [:]
        atoms = domains.map { domain in
            var ids = [0]
            for (index, variable) in variables.enumerated() {
                let classes = domain.restrictions[variable].map { classesOfSet[index][$0]! }
                    ?? Array(0..<classCounts[index])
                ids = ids.flatMap { base in classes.map { base * classCounts[index] + $0 } }
            }
            return ids.map { id in
                if let existing = compact[id] { return existing }
                compact[id] = compact.count
                return compact.count - 1
            }
        }
        atomCount = compact.count
    }
}

/// The linked-tables audit: the new table's cells and every earlier released cell over one atom space.
struct LinkedAuditor: SuppressionAuditor {
    let table: CountTable
    let earlier: [ReleasedCell]
    let atoms: DomainAtoms
    let earlierTargets: [Int]
    private let earlierAtomSets: [Int: Set<Int>]

    init(table: CountTable, earlier: [ReleasedCell]) {
        self.table = table
        self.earlier = earlier
        let atoms = DomainAtoms(domains: (0..<table.cellCount).map(table.domain(of:)) + earlier.map(\.domain))
        let targets = earlier.indices.filter { earlier[$0].knownRange == nil }
        self.atoms = atoms
        earlierTargets = targets
        earlierAtomSets = Dictionary(uniqueKeysWithValues: targets.map { index in
            (index, Set(atoms.atoms[table.cellCount + index]))
        })
    }

    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval] {
        var model = AttackerModel(atomCount: atoms.atomCount)
        for (index, cell) in earlier.enumerated() {
            if let range = cell.knownRange {
                model.add(atoms: atoms.atoms[table.cellCount + index], lower: range.lowerBound, upper: range.upperBound)
            }
        }
        for cell in 0..<table.cellCount where !plan.isSuppressed(cell) {
            model.add(atoms: atoms.atoms[cell], lower: table.counts[cell], upper: table.counts[cell])
        }
        return try model.intervals(of: targets.map { target in
            switch target {
            case .cell(let cell): return atoms.atoms[cell]
            case .earlier(let index): return atoms.atoms[table.cellCount + index]
            }
        })
    }

    func tableCells(overlapping index: Int) -> [Int] {
        guard let set = earlierAtomSets[index] else { return [] }
        return (0..<table.cellCount).filter { !set.isDisjoint(with: atoms.atoms[$0]) }
    }

    func domain(ofEarlier index: Int) -> CellDomain { earlier[index].domain }
}

extension SuppressionPlan {
    /// The release-ledger rule: a cell counting the same population as a cell an earlier release
    /// suppressed stays suppressed (reason `ledger`); one an earlier release published is already
    /// known and is never chosen for secondary suppression.
    mutating func applyLedger(_ earlier: [ReleasedCell]) {
        var suppressedDomains = Set<CellDomain>()
        var publishedDomains = Set<CellDomain>()
        for cell in earlier {
            if cell.status == .suppressed { suppressedDomains.insert(cell.domain) } else { publishedDomains.insert(cell.domain) }
        }
        for cell in 0..<table.cellCount {
            let domain = table.domain(of: cell)
            if suppressedDomains.contains(domain) {
                suppress(cell, .ledger)
            } else if publishedDomains.contains(domain) {
                known.insert(cell)
            }
        }
    }
}
