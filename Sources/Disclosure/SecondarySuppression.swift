/// Something whose feasible interval the audit checks: a suppressed cell of the table being
/// protected, a suppressed cell of an earlier release, or (with linked tables) an atom — a piece of
/// the population that no release shows but differencing of releases might.
enum AuditTarget: Hashable, Comparable {
    case cell(Int)
    case earlier(Int)
    case atom(Int)
}

/// What secondary suppression needs from an interval audit.
protocol SuppressionAuditor {
    /// Targets besides the table's suppressed cells: earlier suppressed cells and atoms.
    var extraTargets: [AuditTarget] { get }
    /// The feasible interval of each target, given the plan's current suppression pattern.
    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval]
    /// Cells of the new table that could widen a target's interval through figures of other releases
    /// (empty for a single table).
    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int]
    /// A readable description of an extra target, for error messages.
    func describe(_ target: AuditTarget) -> String
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
            guard members.filter(isSuppressed).count == 1 else { continue }
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
    /// A suppressed cell fails when its interval is narrower than `protectionLevel`, unless every
    /// reader can tell it is empty — but never a zero withheld for group disclosure (see
    /// ``fails(_:_:minCell:protectionLevel:)``). An atom fails
    /// when it is narrower than that *and* may hold a small count (its interval reaches into
    /// `1..<minCell`): a reader who can tell it is empty, or at least `minCell`, learns nothing a
    /// published count would not tell.
    ///
    /// Rounds re-audit only the targets that failed and the cells just suppressed; the loop ends
    /// only after a full audit passes.
    ///
    /// - Throws: ``DisclosureError/differencingRisk(cell:interval:protectionLevel:)`` when a failing
    ///   target has no candidate left (only possible when earlier releases pin it).
    mutating func secondarySuppression(minCell: Int, protectionLevel: Int,
                                       auditor: some SuppressionAuditor) throws {
        func allTargets() -> [AuditTarget] { suppressed.map(AuditTarget.cell) + auditor.extraTargets }
        func fails(_ target: AuditTarget, _ interval: FeasibleInterval) -> Bool {
            self.fails(target, interval, minCell: minCell, protectionLevel: protectionLevel)
        }
        var toCheck = allTargets()
        var isFullAudit = true
        while true {
            let intervals = try auditor.intervals(of: toCheck, plan: self)
            let failing = zip(toCheck, intervals).filter { fails($0.0, $0.1) }
            if failing.isEmpty {
                if isFullAudit { return }
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
                guard let choice else {
                    // Something suppressed in this round may already help: decide after re-auditing.
                    if !added.isEmpty { continue }
                    let name: String
                    if case .cell(let cell) = target { name = table.domain(of: cell).description } else {
                        name = auditor.describe(target)
                    }
                    throw DisclosureError.differencingRisk(cell: name, interval: interval,
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
