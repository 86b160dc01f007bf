import Foundation

/// The linked-tables audit: the new table's cells and every earlier released cell over one atom
/// space, with the people who joined or left between releases as atoms of their own.
///
/// Targets beyond the table's suppressed cells: the earlier suppressed cells, every atom, and the
/// *change cells* — the people who joined or left between any two releases, within every released
/// cell and every finest class of atoms (``PopulationChanges``) — less those this table cannot
/// reach, whose intervals stay what earlier releases made them (``untouchedAtoms(table:earlier:cellAtoms:earlierModel:)``).
///
/// What the reader knows besides the published figures: how many changed people of each presence
/// each context holds, and which combinations of indicator categories nobody can have
/// (``DerivationRules``). Atoms are classes of codes, coarser than a context where no release splits
/// it; the knowledge is then summed over the class, which gives the same feasible intervals for every
/// sum of atoms (the finer split is a transportation problem that always has a solution).
struct LinkedAuditor: SuppressionAuditor {
    let table: CountTable
    let earlier: [ReleasedCell]
    let atoms: DomainAtoms
    /// Every target beyond the table's cells that this table can reach.
    let reachableTargets: [AuditTarget]
    /// The targets audits still check: the reachable ones less those the first audit settled
    /// (``SuppressionPlan/settleTargets(_:protectionLevel:)``).
    var extraTargets: [AuditTarget] { firstAudit.state.unsettled ?? reachableTargets }
    var linksReleases: Bool { true }
    /// Passed to ``AttackerModel/intervals(of:provingWidth:)``.
    let provingWidth: Int?
    /// What the reader knows about changed people (and the answers it entered): atoms and their
    /// exact total.
    let knowledge: [(atoms: [Int], count: Int)]
    /// For the reader who entered some answers, which atoms hold people who answered alone: the
    /// only people that reader does not know already, so every target is cut down to them.
    let aloneAtoms: [Bool]?
    /// Group disclosure of groups no table shows (indexed by ``AuditTarget/otherAnswers(_:)``): for
    /// the reader who entered some answers, per context class of those who answered alone and
    /// category of the table, the atoms of the people there who did not give that answer; for
    /// everybody, with ``ContextSizes``, the same over the classes whose people all gave one
    /// informative answer. Pinned at 0, they would tell that everybody there gave it.
    let otherAnswers: [[Int]]
    /// The atoms of each change cell, indexed by ``AuditTarget/change(_:)``.
    let changeCells: [[Int]]
    /// The rows of earlier releases and the reader's knowledge that audits need (``rows(_:for:split:)``).
    let earlierRows: [AttackerModel.Constraint]
    /// Atom sets of the new table's cells and of the earlier cells, with presence.
    let cellAtoms: [[Int]]
    /// The published figures around each atom, for ``candidates(for:plan:)``.
    let neighbourhoods: Neighbourhoods
    /// The feasible points of the first audit with the new table's figures, and which cells it
    /// published; later audits start from them (``intervals(of:plan:)``).
    private let firstAudit = FirstAudit()
    /// The bases of this auditor's last programs: each audit's programs start from them.
    private let bases = BasisMemory()

    /// Locked: a cleanup screens two tries at once on two threads (``SuppressionPlan/screens(_:beside:on:auditor:)``).
    final class FirstAudit: @unchecked Sendable {
        private let lock = NSLock()
        private var kept: (points: FeasiblePoints?, published: [Bool], unsettled: [AuditTarget]?) = (nil, [], nil)

        /// The points, the cells published with them, and the targets left unsettled.
        var state: (points: FeasiblePoints?, published: [Bool], unsettled: [AuditTarget]?) {
            lock.lock()
            defer { lock.unlock() }
            return kept
        }

        /// Keeps the points of the first audit that ends; later ones change nothing.
        func keep(_ points: FeasiblePoints, published: [Bool]) {
            lock.lock()
            defer { lock.unlock() }
            if kept.points == nil { (kept.points, kept.published) = (points, published) }
        }

        func settle(keeping targets: [AuditTarget]) {
            lock.lock()
            defer { lock.unlock() }
            kept.unsettled = targets
        }
    }

    /// - Parameter groupDisclosure: whether the policy protects groups of one answer; without it the
    ///   sizes are knowledge only.
    /// - Parameter skipsUntouched: leave out the targets no pattern of this table can narrow
    ///   (``untouchedAtoms(table:earlier:cellAtoms:earlierModel:)``); tests turn it off to compare.
    /// - Parameter known: the answers this reader entered (``KnownAnswers``). When there are any, the
    ///   reader is the one who entered them: the atoms split by who entered their people, the reader
    ///   knows the entered atoms exactly, and every target is the part of its people who answered
    ///   alone (``aloneAtoms``).
    init(table: CountTable, earlier: [ReleasedCell], universe: [String: Set<String>], changes: PopulationChanges = .none,
         rules: DerivationRules = .none, known: KnownAnswers = .none, sizes: ContextSizes = .none, groupDisclosure: Bool = true,
         provingWidth: Int?, skipsUntouched: Bool = true) {
        self.table = table
        self.provingWidth = provingWidth
        self.earlier = earlier
        var domains = (0..<table.cellCount).map(table.domain(of:)) + earlier.map(\.domain)
        if !changes.isEmpty {
            let now = changes.codes(countedBy: changes.current)
            for cell in 0..<table.cellCount { domains[cell].restrict(PopulationChanges.variable, to: now) }
            for (index, cell) in earlier.enumerated() {
                domains[table.cellCount + index].restrict(PopulationChanges.variable, to: changes.codes(countedBy: cell.release))
            }
        }
        // The base stays a class of its own, so that knowledge about changed people never covers it.
        var separators = changes.isEmpty ? [] : [CellDomain([PopulationChanges.variable: [PopulationChanges.base]])]
        var universe = universe
        if !known.isEmpty {
            separators.append(CellDomain([KnownAnswers.variable: [KnownAnswers.entered]]))
            universe[KnownAnswers.variable] = [KnownAnswers.entered, KnownAnswers.answeredAlone]
        }
        atoms = DomainAtoms(domains: domains + separators, universe: universe)
        let cellAtoms = Array(atoms.atoms.prefix(domains.count))
        self.cellAtoms = cellAtoms
        let atoms = self.atoms
        let aloneAtoms = known.isEmpty ? nil : Self.aloneAtoms(atoms)
        self.aloneAtoms = aloneAtoms
        let changesKnowledge = Self.knowledge(of: changes, atoms: atoms)
            + Self.inadmissibleAtoms(atoms, rules: rules).map { ([$0], 0) }
        // The sizes are everybody's knowledge; the reader who entered answers knows them from its own rows.
        let sizes = known.isEmpty ? sizes : .none
        let knowledge = changesKnowledge + Self.knowledge(of: known, presences: !changes.isEmpty, atoms: atoms)
            + Self.knowledge(of: sizes, changes: changes, atoms: atoms)
        self.knowledge = knowledge
        neighbourhoods = Neighbourhoods(
            fixed: earlier.indices.filter { earlier[$0].knownRange != nil }.map { cellAtoms[table.cellCount + $0] }
                + knowledge.map(\.atoms),
            cellAtoms: cellAtoms, cellCount: table.cellCount, atomCount: atoms.atomCount)
        // Knowledge of entered answers overlaps the counts of changed people, and ``changeCells``
        // judges a change determined by one knowledge row per atom: it gets the counts only. What
        // the entered answers determine besides lies outside the part that answered alone.
        let allChangeCells = Self.changeCells(domains: domains, releases: Set(earlier.compactMap(\.release) + [changes.current]),
                                              changes: changes, atoms: atoms, knowledge: changesKnowledge)
        changeCells = aloneAtoms.map { alone in
            Array(Set(allChangeCells.map { $0.filter { alone[$0] } }.filter { !$0.isEmpty })).sorted { $0.lexicographicallyPrecedes($1) }
        } ?? allChangeCells
        let changeCells = self.changeCells
        otherAnswers = aloneAtoms.map { Self.otherAnswers(table: table, atoms: atoms, alone: $0) }
            ?? (groupDisclosure ? Self.otherAnswers(table: table, atoms: atoms, sizes: sizes, changes: changes,
                                                    releases: Set(earlier.compactMap(\.release))) : [])
        let targets = earlier.indices.filter { earlier[$0].knownRange == nil }
            .filter { !Self.restrict(cellAtoms[table.cellCount + $0], to: aloneAtoms).isEmpty }.map(AuditTarget.earlier)
            + (0..<atoms.atomCount).filter { aloneAtoms?[$0] ?? true }.map(AuditTarget.atom) + changeCells.indices.map(AuditTarget.change)
            + otherAnswers.indices.map(AuditTarget.otherAnswers)
        let model = Self.model(atomCount: atoms.atomCount, knowledge: knowledge, earlier: earlier, cellAtoms: cellAtoms,
                               offset: table.cellCount)
        // Contradictory earlier figures: audit everything, and the audit reports them.
        guard skipsUntouched, let split = try? model.blocks() else {
            reachableTargets = targets
            earlierRows = model.constraints
            return
        }
        let untouched = Self.untouchedAtoms(table: table, earlier: earlier, cellAtoms: cellAtoms, split: split)
        let offset = table.cellCount, otherAnswers = self.otherAnswers
        func atomsOf(_ target: AuditTarget) -> [Int] {
            if case .otherAnswers(let index) = target { return otherAnswers[index] }
            return Self.restrict(Self.allAtoms(of: target, cellAtoms: cellAtoms, changeCells: changeCells, offset: offset), to: aloneAtoms)
        }
        reachableTargets = targets.filter { !atomsOf($0).allSatisfy { untouched[$0] } }
        earlierRows = Self.rows(model.constraints, for: reachableTargets.map(atomsOf) + Array(cellAtoms.prefix(offset)), split: split)
    }

    /// The reader's knowledge, one row per distinct atom set (groups in one class are summed).
    private static func knowledge(of changes: PopulationChanges, atoms: DomainAtoms) -> [(atoms: [Int], count: Int)] {
        var total: [[Int]: Int] = [:]
        var zero = Set<[Int]>()
        for group in changes.groups {
            var domain = CellDomain(group.context.mapValues { [$0] })
            domain.restrict(PopulationChanges.variable, to: [group.presence.description])
            total[atoms.atoms(covering: domain), default: 0] += group.count
        }
        // Every context class of a presence that holds nobody changed is known to be empty too.
        for presence in changes.presences {
            let all = atoms.atoms(covering: CellDomain([PopulationChanges.variable: [presence.description]]))
            let ofPresence = Set(all)
            let covered = Set(total.keys.filter { !$0.isEmpty && ofPresence.contains($0[0]) }.flatMap { $0 })
            for atom in all where !covered.contains(atom) { zero.insert([atom]) }
        }
        return total.filter { !$0.key.isEmpty }.map { ($0.key, $0.value) }.sorted { $0.atoms.lexicographicallyPrecedes($1.atoms) }
            + zero.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0, 0) }
    }

    /// The atoms nobody can be in: their indicator categories are a combination the rules rule out.
    /// Atoms share few combinations, so each is judged once.
    private static func inadmissibleAtoms(_ atoms: DomainAtoms, rules: DerivationRules) -> [Int] {
        let variables = rules.variables.sorted()
        guard variables.count > 1 else { return [] }
        var admits: [[[String]?]: Bool] = [:]
        return (0..<atoms.atomCount).filter { atom in
            let codes = variables.map { atoms.codes(of: atom, $0) }
            if let known = admits[codes] { return !known }
            let known = rules.admits(Dictionary(uniqueKeysWithValues: zip(variables, codes).compactMap { variable, codes in
                codes.map { (variable, $0) }
            }))
            admits[codes] = known
            return !known
        }
    }

    /// The changes a reader can compute, as sums of atoms the knowledge does not already determine.
    ///
    /// A change is a set of presences: each one alone, and for every pair of releases (the earlier
    /// ones and this one) the people counted by the later and not the earlier (joined in between) or
    /// the other way round (left in between) — release 2 minus release 0 shows everybody who joined
    /// after release 0, whichever release they joined before. Each change is cut by every released
    /// cell and by every finest class of atoms, so that a group of changed people who all gave one
    /// answer is a cell too, as group disclosure would see it.
    private static func changeCells(domains: [CellDomain], releases: Set<Int>, changes: PopulationChanges, atoms: DomainAtoms,
                                    knowledge: [(atoms: [Int], count: Int)]) -> [[Int]] {
        var rowOfAtom: [Int: Int] = [:]
        for (row, known) in knowledge.enumerated() where known.count > 0 {
            for atom in known.atoms { rowOfAtom[atom] = row }
        }
        // Without changed people there is no change to compute (and finding the released cells'
        // atoms below was a sixth of a release's set-up).
        guard !rowOfAtom.isEmpty else { return [] }
        var sets = Set(changes.presences.map { Set([$0.description]) })
        let epochs = releases.sorted()
        for (index, earlier) in epochs.enumerated() {
            for later in epochs[(index + 1)...] {
                let joined = changes.presences.filter { !$0.counted(by: earlier) && $0.counted(by: later) }
                let left = changes.presences.filter { $0.counted(by: earlier) && !$0.counted(by: later) }
                for set in [joined, left] where !set.isEmpty { sets.insert(Set(set.map(\.description))) }
            }
        }
        var finest: [[String: [String]]: [Int]] = [:]
        for atom in rowOfAtom.keys {
            var codes = atoms.codes(of: atom)
            codes[PopulationChanges.variable] = nil
            finest[codes, default: []].append(atom)
        }
        let released = Set(domains).map { Set(atoms.atoms(covering: $0)) }
        var seen = Set<[Int]>()
        for set in sets {
            let changed = Set(atoms.atoms(covering: CellDomain([PopulationChanges.variable: set]))).filter { rowOfAtom[$0] != nil }
            for part in released.map({ $0.intersection(changed) }) + finest.values.map({ changed.intersection($0) }) where !part.isEmpty {
                // Determined when it takes every atom of each knowledge row it touches.
                if Set(part.compactMap { rowOfAtom[$0] }).allSatisfy({ knowledge[$0].atoms.allSatisfy(part.contains) }) { continue }
                seen.insert(part.sorted())
            }
        }
        return seen.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The atoms a target's interval is taken over: all of them, or for the reader who entered some
    /// answers, those of the people who answered alone.
    func atomsOf(_ target: AuditTarget) -> [Int] {
        if case .otherAnswers(let index) = target { return otherAnswers[index] }
        return Self.restrict(Self.allAtoms(of: target, cellAtoms: cellAtoms, changeCells: changeCells, offset: table.cellCount), to: aloneAtoms)
    }

    private static func allAtoms(of target: AuditTarget, cellAtoms: [[Int]], changeCells: [[Int]], offset: Int) -> [Int] {
        switch target {
        case .cell(let cell): return cellAtoms[cell]
        case .earlier(let index): return cellAtoms[offset + index]
        case .atom(let atom): return [atom]
        case .change(let index): return changeCells[index]
        case .alone, .otherAnswers: preconditionFailure("a reader's own targets are plain ones")
        }
    }

    static func restrict(_ atoms: [Int], to alone: [Bool]?) -> [Int] {
        guard let alone else { return atoms }
        return atoms.filter { alone[$0] }
    }

    /// A model with the reader's knowledge and every earlier published figure.
    private func earlierModel() -> AttackerModel {
        var model = AttackerModel(atomCount: atoms.atomCount)
        model.constraints = earlierRows
        return model
    }

    private static func model(atomCount: Int, knowledge: [(atoms: [Int], count: Int)], earlier: [ReleasedCell],
                              cellAtoms: [[Int]], offset: Int) -> AttackerModel {
        var model = AttackerModel(atomCount: atomCount)
        for known in knowledge { model.add(atoms: known.atoms, lower: known.count, upper: known.count) }
        for (index, cell) in earlier.enumerated() {
            if let range = cell.knownRange {
                model.add(atoms: cellAtoms[offset + index], lower: range.lowerBound, upper: range.upperBound)
            }
        }
        return model
    }

    func earlierOnlyIntervals(of targets: [AuditTarget]) throws -> [FeasibleInterval] {
        try earlierModel().intervals(of: targets.map(atomsOf), provingWidth: provingWidth, bases: bases)
    }

    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval] {
        var model = earlierModel()
        let published = (0..<table.cellCount).map { !plan.isSuppressed($0) }
        for cell in 0..<table.cellCount where published[cell] {
            model.add(atoms: cellAtoms[cell], lower: table.counts[cell], upper: table.counts[cell])
        }
        // The first audit's points stay feasible while every cell published now was published
        // then: fewer rows, a larger feasible set (``FeasiblePoints``).
        let firstAudit = self.firstAudit, first = firstAudit.state
        let withinFirst = first.points == nil || zip(published, first.published).allSatisfy { !$0 || $1 }
        // Settled targets are left out on the promise that no later pattern publishes a cell the
        // first audit withheld; a caller that breaks it would skip targets silently.
        precondition(first.unsettled == nil || withinFirst, "a settled audit must not publish a cell it withheld")
        let seeds = withinFirst ? first.points : nil
        let keeping: ((FeasiblePoints) -> Void)? = first.points == nil ? { firstAudit.keep($0, published: published) } : nil
        // Group disclosure no table shows is proven by any feasible point where the others hold one.
        let reach = targets.map { target -> Double? in
            if case .otherAnswers = target { return 1 }
            return nil
        }
        return try model.intervals(of: targets.map(atomsOf), provingWidth: provingWidth, reach: reach, seeds: seeds, keeping: keeping, bases: bases)
    }

    /// Leaves only `targets` for later audits (``SuppressionPlan/settleTargets(_:protectionLevel:)``).
    func settle(keeping targets: [AuditTarget]) { firstAudit.settle(keeping: targets) }

    /// The earlier withheld cells and change cells that share people with `cells`: publishing a
    /// cell again fails at them, when not at a neighbour in the new table, since the reader
    /// subtracts the new figure from the earlier ones over the same people.
    func screeningTargets(publishing cells: [Int]) -> [AuditTarget] {
        let published = Set(cells.flatMap { cellAtoms[$0] })
        return extraTargets.filter { target in
            if case .atom = target { return false }
            return atomsOf(target).contains(where: published.contains)
        }
    }

    func describe(_ target: AuditTarget) -> String {
        switch target {
        case .cell(let cell): return table.domain(of: cell).description
        case .earlier(let index): return "the earlier cell " + earlier[index].domain.description
        case .atom(let atom): return "the unpublished group " + atoms.describe(atom: atom)
        case .change: return "people who joined or left since an earlier release"
        case .otherAnswers: return "a group no release shows, all of one answer"
        case .alone(let inner): return describe(inner)
        }
    }
}

extension SuppressionPlan {
    /// Audits the pattern before secondary suppression (primary, group-disclosure and ledger cells
    /// withheld, everything else published) and settles the targets no later pattern can fail.
    ///
    /// Every later pattern of this release withholds at least these cells: secondary suppression
    /// only adds, and the cleanup publishes again only secondary suppressions. Its reader has a
    /// subset of these rows, so every target's interval then holds the interval found now. A target
    /// already `protectionLevel` wide stays so; one that equals what earlier releases alone allow
    /// stays equal (it cannot be wider). Neither can fail again, so later audits leave them out, and
    /// they start from this audit's feasible points (``FeasiblePoints``). Targets that may fail stay.
    ///
    /// `plan` names targets as the plan's audit does: the reader who entered some answers settles
    /// its own under ``AuditTarget/alone(_:)``.
    mutating func settleTargets(_ auditor: LinkedAuditor, protectionLevel: Int, plan name: (AuditTarget) -> AuditTarget = { $0 }) throws {
        // "Equals what earlier releases allow" needs exact narrow intervals: an inner interval is
        // only returned when at least the proving width wide.
        precondition(auditor.provingWidth.map { $0 >= protectionLevel } ?? true, "proving width below the protection level")
        let targets = auditor.reachableTargets
        let intervals = try auditor.intervals(of: targets, plan: self)
        // Group disclosure no table shows asks only that the others may hold someone, which more
        // withheld cells cannot undo: settled as soon as it holds.
        let narrow = zip(targets, intervals).filter { target, interval in
            if case .otherAnswers = target { return interval.wholeUpper <= 0 }
            return !interval.protects(protectionLevel)
        }
        let missing = narrow.map(\.0).filter { earlierOnly[name($0)] == nil }
        for (target, interval) in zip(missing, try auditor.earlierOnlyIntervals(of: missing)) { earlierOnly[name(target)] = interval }
        let unsettled = Set(narrow.filter { !$0.1.covers(earlierOnly[name($0.0)]!) }.map(\.0))
        auditor.settle(keeping: targets.filter(unsettled.contains))
    }

    /// The release-ledger rule: a cell counting the same people as a cell an earlier release
    /// suppressed (the same atoms, e.g. the same domain and nobody joined or left since) stays
    /// suppressed (reason `ledger`).
    ///
    /// Cells that earlier releases already pin to an interval narrower than `protectionLevel` are
    /// marked known: hiding them now would protect nothing, so secondary suppression picks them only
    /// as a last resort. Their intervals from earlier releases alone are kept for the audit's rule
    /// that a release must never narrow what earlier releases already narrowed.
    mutating func applyLedger(_ auditor: LinkedAuditor, protectionLevel: Int) throws {
        var suppressedAtoms = Set<[Int]>()
        for (index, cell) in auditor.earlier.enumerated() where cell.knownRange == nil {
            suppressedAtoms.insert(auditor.atoms.atoms[table.cellCount + index])
        }
        for cell in 0..<table.cellCount where suppressedAtoms.contains(auditor.atoms.atoms[cell]) {
            suppress(cell, .ledger)
        }
        let targets = (0..<table.cellCount).map(AuditTarget.cell)
        for (target, interval) in zip(targets, try auditor.earlierOnlyIntervals(of: targets)) {
            earlierOnly[target] = interval
            if case .cell(let cell) = target, !interval.protects(protectionLevel) { known.insert(cell) }
        }
    }
}
