/// The common refinement of many cell domains: the atoms every one of them is a union of.
///
/// Per variable, the codes — those of `universe` and every code any domain lists — are grouped into
/// classes by which of the domains' code sets contain them; an atom is one class per variable, and
/// a domain without the variable covers all classes. Atoms no domain covers are dropped.
///
/// Codes nobody lists are taken not to exist. That is the contract of ``TableDimension`` (a
/// dimension lists every code of its variable) and it errs on the safe side: it can only give the
/// attacker *more* knowledge. Where it is false — a table without a variable covers people whose
/// code no release lists — the figures contradict each other and the audit reports
/// ``DisclosureError/inconsistentReleases(_:)``; pass the variable's full code list as `universe`.
struct DomainAtoms {
    let atomCount: Int
    /// The atoms of each domain, in the order given.
    let atoms: [[Int]]
    private let variables: [String]
    /// Per variable, the codes of each class.
    private let classCodes: [[[String]]]
    /// The uncompacted id (mixed radix over classes) of each atom.
    private let originalIDs: [Int]

    init(domains: [CellDomain], universe: [String: Set<String>] = [:]) {
        let variables = Set(domains.flatMap(\.restrictions.keys)).sorted()
        var classesOfSet: [[Set<String>: [Int]]] = []
        var classCodes: [[[String]]] = []
        for variable in variables {
            let sets = Array(Set(domains.compactMap { $0.restrictions[variable] }))
            let codes = sets.reduce(into: universe[variable] ?? []) { $0.formUnion($1) }.sorted()
            var classOfSignature: [[Int]: Int] = [:]
            var classes: [[String]] = []
            var classOfCode: [String: Int] = [:]
            for code in codes {
                let signature = sets.indices.filter { sets[$0].contains(code) }
                let id = classOfSignature[signature] ?? classes.count
                if id == classes.count { classes.append([]) }
                classOfSignature[signature] = id
                classes[id].append(code)
                classOfCode[code] = id
            }
            classCodes.append(classes)
            classesOfSet.append(Dictionary(uniqueKeysWithValues: sets.map { set in
                (set, Array(Set(set.map { classOfCode[$0]! })).sorted())
            }))
        }
        var compact: [Int: Int] = [:]
        var originalIDs: [Int] = []
        atoms = domains.map { domain in
            var ids = [0]
            for (index, variable) in variables.enumerated() {
                let count = classCodes[index].count
                let classes = domain.restrictions[variable].map { classesOfSet[index][$0]! } ?? Array(0..<count)
                ids = ids.flatMap { base in classes.map { base * count + $0 } }
            }
            return ids.map { id in
                if let existing = compact[id] { return existing }
                compact[id] = originalIDs.count
                originalIDs.append(id)
                return originalIDs.count - 1
            }.sorted()
        }
        atomCount = originalIDs.count
        self.variables = variables
        self.classCodes = classCodes
        self.originalIDs = originalIDs
    }

    /// Reads like `career_group ∈ {B}, unit ∈ {10}`.
    func describe(atom: Int) -> String {
        var id = originalIDs[atom]
        var parts: [String] = []
        for index in variables.indices.reversed() {
            let count = classCodes[index].count
            parts.append("\(variables[index]) ∈ {\(classCodes[index][id % count].joined(separator: ", "))}")
            id /= count
        }
        return parts.reversed().joined(separator: ", ")
    }
}

/// The linked-tables audit: the new table's cells and every earlier released cell over one atom
/// space. Targets beyond the table's suppressed cells are the earlier suppressed cells and every atom.
struct LinkedAuditor: SuppressionAuditor {
    let table: CountTable
    let earlier: [ReleasedCell]
    let atoms: DomainAtoms
    let extraTargets: [AuditTarget]
    /// Passed to ``AttackerModel/intervals(of:provingWidth:)``.
    let provingWidth: Int?

    init(table: CountTable, earlier: [ReleasedCell], universe: [String: Set<String>], provingWidth: Int?) {
        self.table = table
        self.provingWidth = provingWidth
        self.earlier = earlier
        atoms = DomainAtoms(domains: (0..<table.cellCount).map(table.domain(of:)) + earlier.map(\.domain),
                            universe: universe)
        extraTargets = earlier.indices.filter { earlier[$0].knownRange == nil }.map(AuditTarget.earlier)
            + (0..<atoms.atomCount).map(AuditTarget.atom)
    }

    private func atomsOf(_ target: AuditTarget) -> [Int] {
        switch target {
        case .cell(let cell): return atoms.atoms[cell]
        case .earlier(let index): return atoms.atoms[table.cellCount + index]
        case .atom(let atom): return [atom]
        }
    }

    /// Every published figure as (atoms, lower, upper): earlier releases, then the new table.
    private func constraints(_ plan: SuppressionPlan) -> [(atoms: [Int], lower: Int, upper: Int)] {
        var result: [(atoms: [Int], lower: Int, upper: Int)] = []
        for (index, cell) in earlier.enumerated() {
            if let range = cell.knownRange {
                result.append((atoms.atoms[table.cellCount + index], range.lowerBound, range.upperBound))
            }
        }
        for cell in 0..<table.cellCount where !plan.isSuppressed(cell) {
            result.append((atoms.atoms[cell], table.counts[cell], table.counts[cell]))
        }
        return result
    }

    /// The interval of every new-table cell, then of every earlier cell, from the earlier releases alone.
    func earlierOnlyIntervals(provingWidth: Int) throws -> (cells: [FeasibleInterval], earlier: [FeasibleInterval]) {
        var model = AttackerModel(atomCount: atoms.atomCount)
        for (index, cell) in earlier.enumerated() {
            if let range = cell.knownRange {
                model.add(atoms: atoms.atoms[table.cellCount + index], lower: range.lowerBound, upper: range.upperBound)
            }
        }
        let intervals = try model.intervals(of: atoms.atoms, provingWidth: provingWidth)
        return (Array(intervals[..<table.cellCount]), Array(intervals[table.cellCount...]))
    }

    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval] {
        var model = AttackerModel(atomCount: atoms.atomCount)
        for constraint in constraints(plan) {
            model.add(atoms: constraint.atoms, lower: constraint.lower, upper: constraint.upper)
        }
        return try model.intervals(of: targets.map(atomsOf), provingWidth: provingWidth)
    }

    /// New-table cells that could be suppressed to loosen the equations the attacker uses against the
    /// target: those sharing an atom with a published figure that involves the target, or — when none
    /// of them is available — with a figure involving those, and so on outwards.
    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int] {
        let published = constraints(plan).map(\.atoms)
        var neighbourhood = Set(atomsOf(target))
        var used = [Bool](repeating: false, count: published.count)
        while true {
            var grew = false
            for (index, atoms) in published.enumerated() where !used[index] && !neighbourhood.isDisjoint(with: atoms) {
                used[index] = true
                neighbourhood.formUnion(atoms)
                grew = true
            }
            let pool = (0..<table.cellCount).filter {
                plan.isCandidate($0) && !neighbourhood.isDisjoint(with: atoms.atoms[$0])
            }
            if !pool.isEmpty || !grew { return pool }
        }
    }

    func describe(_ target: AuditTarget) -> String {
        switch target {
        case .cell(let cell): return table.domain(of: cell).description
        case .earlier(let index): return "the earlier cell " + earlier[index].domain.description
        case .atom(let atom): return "the unpublished group " + atoms.describe(atom: atom)
        }
    }
}

extension SuppressionPlan {
    /// The release-ledger rule: a cell counting the same people as a cell an earlier release
    /// suppressed (the same atoms, e.g. the same domain) stays suppressed (reason `ledger`).
    ///
    /// Cells that earlier releases already pin to an interval narrower than `protectionLevel` — the
    /// same cell published before, or a difference of published cells — are marked known: hiding
    /// them now would protect nothing, so secondary suppression never picks them. Cells, new or
    /// earlier, that earlier releases alone show to be empty are marked known zeros.
    mutating func applyLedger(_ auditor: LinkedAuditor, protectionLevel: Int) throws {
        var suppressedAtoms = Set<[Int]>()
        for (index, cell) in auditor.earlier.enumerated() where cell.knownRange == nil {
            suppressedAtoms.insert(auditor.atoms.atoms[table.cellCount + index])
        }
        for cell in 0..<table.cellCount where suppressedAtoms.contains(auditor.atoms.atoms[cell]) {
            suppress(cell, .ledger)
        }
        let intervals = try auditor.earlierOnlyIntervals(provingWidth: protectionLevel)
        for cell in 0..<table.cellCount where !intervals.cells[cell].protects(protectionLevel) {
            known.insert(cell)
            if intervals.cells[cell].upper <= 1e-6 { knownZero.insert(cell) }
        }
        for index in auditor.earlier.indices where intervals.earlier[index].upper <= 1e-6 {
            earlierKnownZero.insert(index)
        }
    }
}
