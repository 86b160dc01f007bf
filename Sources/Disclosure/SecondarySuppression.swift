/// A suppressed cell whose feasible interval must be checked: a cell of the table being protected,
/// or (with linked tables) a cell an earlier release suppressed.
enum AuditTarget: Hashable {
    case cell(Int)
    case earlier(Int)
}

/// What secondary suppression needs from an interval audit.
protocol SuppressionAuditor {
    /// The suppressed cells of earlier releases, as `AuditTarget.earlier` indices.
    var earlierTargets: [Int] { get }
    /// The feasible interval of each target, given the plan's current suppression pattern.
    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval]
    /// Cells of the new table that count some of the same people as earlier cell `index`.
    func tableCells(overlapping index: Int) -> [Int]
    /// The population of an earlier cell, for error messages.
    func domain(ofEarlier index: Int) -> CellDomain
}

extension SuppressionPlan {
    /// The cheap, exact part of secondary suppression: an additivity equation with exactly one
    /// suppressed member would reveal it by subtraction, so one more member is suppressed (leaf
    /// before margin, smallest count first, the grand total last). Repeats until no equation has a
    /// lone suppressed member or no candidate is left.
    mutating func singletonPass() {
        let equations = table.allEquations
        var equationsOfCell = [[Int]](repeating: [], count: table.cellCount)
        for (index, equation) in equations.enumerated() {
            for member in equation.members { equationsOfCell[member].append(index) }
        }
        var queue = Array(equations.indices.reversed())
        while let index = queue.popLast() {
            let members = equations[index].members
            guard members.filter(isSuppressed).count == 1, let choice = cheapest(among: members) else { continue }
            suppress(choice, .secondary)
            queue.append(contentsOf: equationsOfCell[choice])
        }
    }

    /// Secondary suppression in the spirit of sdcTable's SIMPLEHEURISTIC and tau-ARGUS' modular
    /// method: while some suppressed cell's feasible interval is narrower than `protectionLevel`,
    /// suppress the cheapest published cell sharing an additivity equation with it (leaf before
    /// margin, smallest count first — the cost is the respondents hidden — the grand total only when
    /// nothing else is left), then re-audit.
    ///
    /// Rounds re-audit only the cells that failed and the cells just suppressed; the loop ends only
    /// after a full audit of every target passes.
    ///
    /// - Throws: ``DisclosureError/differencingRisk(earlierCell:interval:protectionLevel:)`` when a
    ///   failing cell has no candidate left (only possible when earlier releases pin it).
    mutating func secondarySuppression(protectionLevel: Int, auditor: some SuppressionAuditor) throws {
        func allTargets() -> [AuditTarget] {
            suppressed.map(AuditTarget.cell) + auditor.earlierTargets.map(AuditTarget.earlier)
        }
        var toCheck = allTargets()
        var isFullAudit = true
        while true {
            let intervals = try auditor.intervals(of: toCheck, plan: self)
            let failing = zip(toCheck, intervals).filter { !$0.1.protects(protectionLevel) }
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
                switch target {
                case .cell(let cell): pool = Array(Set(table.equations(of: cell).flatMap(\.members)))
                case .earlier(let index): pool = auditor.tableCells(overlapping: index)
                }
                if !added.isDisjoint(with: pool) { continue }
                var choice = cheapest(among: pool)
                if choice == nil, case .cell(let cell) = target { choice = cheapest(among: overlapping(cell)) }
                guard let choice else {
                    // Something suppressed in this round may already help: decide after re-auditing.
                    if !added.isEmpty { continue }
                    let domain: CellDomain
                    switch target {
                    case .cell(let cell): domain = table.domain(of: cell)
                    case .earlier(let index): domain = auditor.domain(ofEarlier: index)
                    }
                    throw DisclosureError.differencingRisk(earlierCell: domain, interval: interval,
                                                           protectionLevel: protectionLevel)
                }
                suppress(choice, .secondary)
                added.insert(choice)
            }
            singletonPass()
            let fresh = suppressed.filter { !before.contains($0) }.map(AuditTarget.cell)
            toCheck = Array(Set(failing.map(\.0) + fresh)).sorted(by: Self.auditOrder)
            isFullAudit = false
        }
    }

    /// A fixed order for audit targets, so that protection is deterministic.
    static func auditOrder(_ a: AuditTarget, _ b: AuditTarget) -> Bool {
        switch (a, b) {
        case (.cell(let x), .cell(let y)), (.earlier(let x), .earlier(let y)): return x < y
        case (.cell, .earlier): return true
        case (.earlier, .cell): return false
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
