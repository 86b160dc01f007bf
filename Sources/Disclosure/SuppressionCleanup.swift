extension SuppressionPlan {
    /// How many secondary suppressions the cleanup tries to publish again, at most, and above how
    /// many withheld cells it does not run. Each try audits the withheld cells linked to the
    /// candidate, so its cost grows with the square of the withheld cells; the limits keep release
    /// times bounded (a 7,875-cell table with 5,790 withheld would take minutes) and, unlike a time
    /// limit, give the same table on every machine.
    static let cleanupTries = 100
    static let cleanupMaxWithheld = 1_000

    /// Whether `target` fails the audit with `interval` (the rule of
    /// ``secondarySuppression(minCell:protectionLevel:auditor:)``).
    ///
    /// A withheld cell needs an interval `protectionLevel` wide. A cell withheld as secondary
    /// suppression may instead be pinned at zero (a true zero is published anyway). Cells withheld
    /// for group disclosure, by the ledger, or in an earlier release may be pinned at zero only if
    /// earlier releases alone already show them empty: otherwise this release would tell readers that
    /// nobody in a group answered otherwise, which is what they were withheld to hide.
    func fails(_ target: AuditTarget, _ interval: FeasibleInterval, minCell: Int, protectionLevel: Int) -> Bool {
        switch target {
        case .atom:
            return interval.exposesSmallCount(minCell: minCell, protectionLevel: protectionLevel)
        case .cell(let cell) where reasons[cell] == .groupDisclosure || reasons[cell] == .ledger:
            return knownZero.contains(cell) ? !interval.protectsWithheld(protectionLevel) : !interval.protects(protectionLevel)
        case .earlier(let index):
            return earlierKnownZero.contains(index) ? !interval.protectsWithheld(protectionLevel) : !interval.protects(protectionLevel)
        case .cell:
            return !interval.protectsWithheld(protectionLevel)
        }
    }

    /// Publishes again the secondary suppressions the final pattern does not need.
    ///
    /// The heuristic chooses cells one failing target at a time, so a later choice can make an
    /// earlier one superfluous — on sparse tables many are (the "information loss" tau-ARGUS and
    /// sdcTable report, and that their optimal methods avoid). This pass tries the secondary cells
    /// largest count first (the figures readers miss most: margins and totals), at most
    /// ``cleanupTries`` of them: a cell is published again when the full audit, with it published,
    /// still passes for every target; otherwise it stays withheld. Tables with more than
    /// ``cleanupMaxWithheld`` withheld cells are left as they are. Primary, group-disclosure and
    /// ledger suppressions are never touched. The result passes the same audit as before, by
    /// construction: the last accepted pattern was fully audited.
    ///
    /// - Returns: the number of cells published again.
    @discardableResult
    mutating func publishUnneededSecondary(minCell: Int, protectionLevel: Int, auditor: some SuppressionAuditor) throws -> Int {
        guard suppressed.count <= Self.cleanupMaxWithheld else { return 0 }
        let tries = suppressed.filter { reasons[$0] == .secondary }
            .sorted { (table.counts[$0], $1) > (table.counts[$1], $0) }
            .prefix(Self.cleanupTries)
        var published = 0
        for cell in tries {
            // For one table only the suppressed cells linked to `cell` through additivity equations
            // can change: the attacker's system splits into independent parts. With earlier releases
            // the links run through their cells too, so everything is audited.
            let linked = auditor.extraTargets.isEmpty ? linkedSuppressed(to: cell) : suppressed
            reasons[cell] = nil
            // Most tries fail at a neighbour of `cell`, so the neighbours are audited first.
            let neighbours = Set(table.equations(of: cell).flatMap(\.members)).filter(isSuppressed)
            let rest = linked.filter { $0 != cell && !neighbours.contains($0) }
            var holds = true
            for batch in [neighbours.sorted().map(AuditTarget.cell), rest.map(AuditTarget.cell) + auditor.extraTargets] where holds && !batch.isEmpty {
                let intervals = try auditor.intervals(of: batch, plan: self)
                holds = !zip(batch, intervals).contains { fails($0.0, $0.1, minCell: minCell, protectionLevel: protectionLevel) }
            }
            if holds { published += 1 } else { reasons[cell] = .secondary }
        }
        return published
    }

    /// The suppressed cells reachable from `cell` through equations with suppressed members.
    private func linkedSuppressed(to cell: Int) -> [Int] {
        var seen: Set<Int> = [cell], queue = [cell]
        while let next = queue.popLast() {
            for equation in table.equations(of: next) {
                for member in equation.members where isSuppressed(member) && seen.insert(member).inserted {
                    queue.append(member)
                }
            }
        }
        return seen.sorted()
    }
}
