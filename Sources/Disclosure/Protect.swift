/// Applies disclosure control to a count table and returns what may be published.
///
/// The steps, in order:
/// 1. **Primary suppression** — counts in `1..<minCell` (reason `primary`); true zeros are published
///    as zeros.
/// 2. **Group disclosure** (if enabled) — category detail of groups whose determinable answers all fall
///    into one informative category (reason `group_disclosure`); see the rule in the module docs.
///    With `known` answers, steps 1 and 2 apply to each cell's part that answered alone too.
/// 3. **Release ledger** (if `earlier` is not empty) — cells counting the same people as a cell an
///    earlier release suppressed stay suppressed (reason `ledger`).
/// 4. **Secondary suppression** — further cells (reason `secondary`) until every suppressed cell, of
///    this table and of every earlier release, has a feasible interval at least `protectionLevel`
///    wide for an attacker combining all releases (``IntervalAudit``), no group of people that
///    only differencing of releases shows is pinned to a small count
///    (``FeasibleInterval/exposesSmallCount(minCell:protectionLevel:)``), and the people who joined
///    or left between releases (`changes`) keep their answers to themselves — and, with `known`
///    answers, the reader who entered them learns of those who answered alone no more than of a
///    group no release shows (``KnownAnswers``, ``TwoReaders``). What earlier releases
///    alone already narrowed must not be narrowed further. This step never refuses: at worst it
///    withholds every cell.
/// 5. **Cleanup** — secondary suppressions the final pattern does not need are published again,
///    largest first, each only after a full audit passes without it (``SuppressionPlan/publishUnneededSecondary(minCell:protectionLevel:auditor:)``).
/// 6. **Rounding** or **Cell Key perturbation** of the published non-zero cells, if the policy asks.
///
/// With `minCell = 1` and a Cell Key perturbation table, no cell is suppressed for size and the
/// perturbation table's `js` guarantee protects small counts instead.
///
/// - Parameters:
///   - earlier: the release ledger's cells of earlier releases over the same microdata.
///   - universe: the full code list of variables that some release covers without listing every
///     code (for example all units, when one release counts everybody and another only Dezernat II).
///     Codes no release and no universe lists are taken not to exist; if that is false the releases
///     look contradictory and ``DisclosureError/inconsistentReleases(_:)`` is thrown.
///   - changes: who joined or left between the releases, as the reader knows it; every earlier cell
///     must carry its release's epoch (``ReleasedCell/release``).
///   - rules: which combinations of indicator categories one person can have, for releases of
///     several indicators over the same people.
///   - known: the answers one reader entered itself (HR), when others answered alone.
///   - sizes: how many people each context holds, which every reader is taken to know
///     (``ContextSizes``); the linked audit adds them to the reader's knowledge and checks group
///     disclosure on the groups only releases together show.
/// - Throws: ``DisclosureError/invalidPolicy(_:)``; ``DisclosureError/invalidTable(_:)`` when the Cell
///   Key Method is on but the table has no key sums;
///   ``DisclosureError/differencingRisk(cell:interval:protectionLevel:)`` only if the solver
///   contradicts itself; and
///   ``DisclosureError/inconsistentReleases(_:)`` when earlier figures contradict the table.
public func protect(_ table: CountTable, policy: DisclosurePolicy = DisclosurePolicy(),
                    earlier: [ReleasedCell] = [], universe: [String: Set<String>] = [:],
                    changes: PopulationChanges = .none, rules: DerivationRules = .none,
                    known: KnownAnswers = .none, sizes: ContextSizes = .none) throws -> ProtectedTable {
    try policy.validate()
    if policy.cellKey != nil && table.keySums == nil {
        throw DisclosureError.invalidTable("the cell key method needs cellKeySums")
    }
    var plan = SuppressionPlan(table: table)
    plan.primarySuppression(minCell: policy.minCell)
    if policy.groupDisclosure { plan.groupDisclosure() }
    if !known.isEmpty {
        let entered = known.enteredCounts(in: table, current: changes.current)
        let alone = (0..<table.cellCount).map { max(0, table.counts[$0] - entered[$0]) }
        var answers = [Int](repeating: 0, count: table.cellCount)
        for cell in KnownAnswers.answerCells(of: table) { answers[cell] = alone[cell] }
        plan.primarySuppression(minCell: policy.aloneMinCell, counts: answers)
        if policy.groupDisclosure { plan.groupDisclosure(counts: alone) }
    }
    plan.withholdAnswers(in: changes.unmodelled)
    // The reader who entered some answers: its own model, beside everybody's.
    let enteringReader = known.isEmpty ? nil
        : LinkedAuditor(table: table, earlier: earlier, universe: universe, changes: changes, rules: rules, known: known,
                        provingWidth: policy.protectionLevel)
    // A reader who knows the sizes knows figures the table may withhold (its margins), so the
    // table's own audit, which only reads the table, no longer suffices.
    let linked = earlier.isEmpty && sizes.isEmpty ? nil
        : LinkedAuditor(table: table, earlier: earlier, universe: universe, changes: changes, rules: rules, sizes: sizes,
                        groupDisclosure: policy.groupDisclosure, provingWidth: policy.protectionLevel)
    if let linked {
        try plan.applyLedger(linked, protectionLevel: policy.protectionLevel)
        try plan.settleTargets(linked, protectionLevel: policy.protectionLevel)
    }
    // Settled on the pattern before secondary suppression, which every later one withholds.
    if let enteringReader { try plan.settleTargets(enteringReader, protectionLevel: policy.protectionLevel, plan: AuditTarget.alone) }
    plan.singletonPass()
    if let linked {
        try plan.finish(policy, auditor: linked, enteringReader: enteringReader)
    } else {
        try plan.finish(policy, auditor: TableAuditor(provingWidth: policy.protectionLevel), enteringReader: enteringReader)
    }
    return ProtectedTable(plan: plan, policy: policy)
}

extension SuppressionPlan {
    /// Secondary suppression, then the cleanup, which audits the result in full once (so the
    /// secondary pass need not do it before); against both readers when some answers are known.
    mutating func finish(_ policy: DisclosurePolicy, auditor: some SuppressionAuditor, enteringReader: LinkedAuditor?) throws {
        if let enteringReader {
            try finish(policy, auditor: TwoReaders(everybody: auditor, enteringReader: enteringReader))
        } else {
            try finish(policy, auditor: auditor)
        }
    }

    private mutating func finish(_ policy: DisclosurePolicy, auditor: some SuppressionAuditor) throws {
        let audited = try secondarySuppression(minCell: policy.minCell, protectionLevel: policy.protectionLevel,
                                               auditor: auditor, provisional: true)
        try publishUnneededSecondary(minCell: policy.minCell, protectionLevel: policy.protectionLevel, auditor: auditor,
                                     givenIsAudited: audited)
    }
}

extension ProtectedTable {
    /// Turns a finished suppression plan into published cells, rounding or perturbing as configured.
    init(plan: SuppressionPlan, policy: DisclosurePolicy) {
        let table = plan.table
        let cells = (0..<table.cellCount).map { cell -> ProtectedCell in
            let count = table.counts[cell]
            var status = CellStatus.published
            var published: Int? = count
            var knownRange: ClosedRange<Int>? = count...count
            if table.isOmitted(cell) {
                status = .omitted
                published = nil
                knownRange = nil
            } else if plan.reasons[cell] != nil {
                status = .suppressed
                published = nil
                knownRange = nil
            } else if count == 0 {
                status = .zero
            } else if let base = policy.roundingBase {
                let rounded = Rounding.round(count, toBase: base)
                status = .rounded
                published = rounded
                knownRange = Rounding.knownRange(ofRounded: rounded, base: base)
            } else if let perturbation = policy.cellKey, let keySums = table.keySums {
                let perturbed = perturbation.perturb(count, key: CellKey(recordKeySum: keySums[cell]))
                status = .perturbed
                published = perturbed
                knownRange = perturbation.knownRange(ofPublished: perturbed)
            }
            return ProtectedCell(coordinates: table.coordinates(of: cell), domain: table.domain(of: cell),
                                 isLeaf: table.isLeafCell(cell), status: status, reason: plan.reasons[cell],
                                 published: published, confidentialCount: count, knownRange: knownRange)
        }
        self.init(table: table, policy: policy, cells: cells)
    }
}
