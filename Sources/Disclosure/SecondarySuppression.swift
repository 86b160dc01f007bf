/// Something whose feasible interval the audit checks: a suppressed cell of the table being
/// protected, a suppressed cell of an earlier release, (with linked tables) an atom — a piece of
/// the population that no release shows but differencing of releases might — or a change cell: the
/// people who joined or left between releases, within one released cell (``PopulationChanges``).
/// `alone` is the part of a target whose people answered alone, as the reader who entered the
/// others sees it (``KnownAnswers``); `otherAnswers` are, within one context of those (or, for a
/// reader who knows every context's size, of everybody), the people who did not give the answer
/// all the others gave (``LinkedAuditor/otherAnswers``).
enum AuditTarget: Hashable, Comparable {
    case cell(Int)
    case earlier(Int)
    case atom(Int)
    case change(Int)
    case otherAnswers(Int)
    indirect case alone(AuditTarget)
}

/// What secondary suppression needs from an interval audit.
protocol SuppressionAuditor {
    /// Targets besides the table's suppressed cells: earlier suppressed cells and atoms.
    var extraTargets: [AuditTarget] { get }
    /// Whether earlier releases take part: then the attacker's equations run through their cells
    /// too, and a change anywhere in the table can reach any target.
    var linksReleases: Bool { get }
    /// The feasible interval of each target, given the plan's current suppression pattern.
    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval]
    /// The feasible interval of each target from earlier releases and the reader's knowledge alone.
    func earlierOnlyIntervals(of targets: [AuditTarget]) throws -> [FeasibleInterval]
    /// Cells of the new table that could widen a target's interval through figures of other releases
    /// (empty for a single table).
    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int]
    /// A readable description of an extra target, for error messages.
    func describe(_ target: AuditTarget) -> String
    /// The extra targets a cleanup screens when it publishes `cells` again, besides their
    /// neighbours (``SuppressionPlan/publishUnneededSecondary(minCell:protectionLevel:auditor:groupSize:)``).
    func screeningTargets(publishing cells: [Int]) -> [AuditTarget]
}

extension SuppressionPlan {
    /// The cheap, exact part of secondary suppression: an additivity equation with exactly one
    /// suppressed member would reveal it by subtraction, so one more member is suppressed. Choice:
    /// the grand total last, leaves before margins, then a cell whose other equations already hold a
    /// suppressed cell (so that suppressions close into rectangles instead of running on), then the
    /// smallest count. Repeats until no equation has a lone suppressed member or no candidate is left.
    mutating func singletonPass() {
        let equations = table.allEquations
        var equationsOfCell = [[Int]](repeating: [], count: table.cellCount)
        for (index, equation) in equations.enumerated() {
            for member in equation.members { equationsOfCell[member].append(index) }
        }
        var queue = Array(equations.indices.reversed())
        while let index = queue.popLast() {
            let members = equations[index].members
            // A cell earlier releases already pin gains nothing from a partner (the audit decides).
            guard members.filter({ isSuppressed($0) && !known.contains($0) }).count == 1 else { continue }
            let closes = { (cell: Int) -> Int in
                equationsOfCell[cell].contains { $0 != index && equations[$0].members.contains(where: isSuppressed) } ? 0 : 1
            }
            guard let choice = cheapest(among: members, preferring: closes) else { continue }
            suppress(choice, .secondary)
            queue.append(contentsOf: equationsOfCell[choice])
        }
    }

    /// Secondary suppression in the spirit of sdcTable's SIMPLEHEURISTIC and tau-ARGUS' modular
    /// method: while some target fails the audit, suppress the cheapest published cell sharing an
    /// additivity equation with it (leaf before margin, smallest count first — the cost is the
    /// respondents hidden — the grand total only when nothing else is left), then re-audit.
    ///
    /// A target fails when it breaks its rule and this release narrows it beyond what earlier
    /// releases alone allow (``fails(_:_:minCell:protectionLevel:)``). When nothing near a failing
    /// target can be suppressed any more, the cheapest published cell of the table is: with every
    /// cell withheld no target can fail, so the loop always ends with a release, never a refusal.
    ///
    /// Rounds re-audit only the targets that failed and the cells just suppressed; the loop ends
    /// only after a full audit passes — unless `provisional`: then it ends as soon as a round
    /// passes, and the caller must audit the pattern in full itself (the linked cleanup does, once,
    /// after publishing cells again: one full audit less on every release).
    ///
    /// - Returns: whether the pattern has passed a full audit (always, unless `provisional`).
    /// - Throws: ``DisclosureError/differencingRisk(cell:interval:protectionLevel:)`` only when the
    ///   solver contradicts itself (a target fails with every cell withheld).
    @discardableResult
    mutating func secondarySuppression(minCell: Int, protectionLevel: Int,
                                       auditor: some SuppressionAuditor, provisional: Bool = false) throws -> Bool {
        func allTargets() -> [AuditTarget] { suppressed.map(AuditTarget.cell) + auditor.extraTargets }
        var toCheck = allTargets()
        var isFullAudit = true
        while true {
            let intervals = try auditor.intervals(of: toCheck, plan: self)
            let failing = try self.failing(toCheck, intervals, minCell: minCell, protectionLevel: protectionLevel, auditor: auditor)
            if failing.isEmpty {
                if isFullAudit { return true }
                if provisional { return false }
                toCheck = allTargets()
                isFullAudit = true
                continue
            }
            let before = Set(suppressed)
            var added = Set<Int>()
            for (target, interval) in failing {
                let pool: [Int]
                if case .cell(let cell) = target {
                    pool = Array(Set(table.equations(of: cell).flatMap(\.members)))
                } else {
                    pool = auditor.candidates(for: target, plan: self)
                }
                if !added.isDisjoint(with: pool) { continue }
                var choice = cheapest(among: pool)
                if choice == nil, case .cell(let cell) = target {
                    choice = cheapest(among: overlapping(cell))
                        ?? cheapest(among: auditor.candidates(for: target, plan: self))
                }
                // Something suppressed in this round may already help: decide after re-auditing.
                if choice == nil && !added.isEmpty { continue }
                choice = choice ?? cheapestPublished()
                guard let choice else {
                    // Everything is withheld, so the intervals are those of earlier releases alone and
                    // cannot fail; reaching here means the solver disagrees with itself.
                    throw DisclosureError.differencingRisk(cell: auditor.describe(target), interval: interval,
                                                           protectionLevel: protectionLevel)
                }
                suppress(choice, .secondary)
                added.insert(choice)
            }
            singletonPass()
            let fresh = suppressed.filter { !before.contains($0) }.map(AuditTarget.cell)
            toCheck = Array(Set(failing.map(\.0) + fresh)).sorted()
            isFullAudit = false
        }
    }

    /// Cells that share at least one leaf with `cell` (its ancestors and descendants in every dimension).
    private func overlapping(_ cell: Int) -> [Int] {
        let nodes = table.nodes(of: cell)
        return (0..<table.cellCount).filter { other in
            zip(table.dimensions.indices, table.nodes(of: other)).allSatisfy { dimension, node in
                let hierarchy = table.dimensions[dimension].hierarchy
                return hierarchy.selfAndAncestors[node].contains(nodes[dimension])
                    || hierarchy.selfAndAncestors[nodes[dimension]].contains(node)
            }
        }
    }
}
