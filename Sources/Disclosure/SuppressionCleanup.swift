extension SuppressionPlan {
    /// How many secondary suppressions the cleanup tries to publish again, at most, and above how
    /// many withheld cells it does not run. For one table each try audits the withheld cells linked
    /// to the candidate, so every secondary cell is tried (on the demo store's baseline by unit ×
    /// career group this publishes 64 more cells than a limit of 100 did); with earlier releases a
    /// try audits everything, so fewer are tried. The limits keep release times bounded (a 7,875-cell
    /// table with 5,790 withheld would take minutes) and, unlike a time limit, give the same table on
    /// every machine.
    static let cleanupTries = 1_000
    static let linkedCleanupTries = 100
    static let cleanupMaxWithheld = 1_000
    /// How many cells a cleanup of linked releases tries to publish together. Most tries there
    /// succeed (the heuristic over-suppresses where releases overlap), and each try costs a full
    /// audit, so a group that passes saves the audits of its members; a group that fails is halved.
    static let linkedCleanupGroup = 8

    /// Whether `target` fails the audit with `interval`: it breaks its rule (``violates(_:_:minCell:protectionLevel:)``)
    /// and this release narrows it beyond what earlier releases and the reader's knowledge alone allow.
    ///
    /// What earlier releases already narrowed is not this release's doing and cannot be undone; the
    /// new release may only not narrow it further. The interval from earlier releases alone must be
    /// in ``earlierOnly`` for every violating target (``failing(_:_:minCell:protectionLevel:auditor:)`` fills it);
    /// without it the target fails.
    func fails(_ target: AuditTarget, _ interval: FeasibleInterval, minCell: Int, protectionLevel: Int) -> Bool {
        guard violates(target, interval, minCell: minCell, protectionLevel: protectionLevel) else { return false }
        guard let before = earlierOnly[target] else { return true }
        return !interval.covers(before)
    }

    /// The rule each kind of target must meet.
    ///
    /// A withheld cell needs an interval `protectionLevel` wide; one withheld as secondary suppression
    /// may instead be pinned at zero (a true zero is published anyway). Cells withheld for group
    /// disclosure, by the ledger or in an earlier release need the width even at zero: otherwise the
    /// release would tell that nobody in a group answered otherwise, which is what they hide. An atom
    /// breaks its rule when it may hold a small count and is narrower than `protectionLevel`
    /// (``FeasibleInterval/exposesSmallCount(minCell:protectionLevel:)``). A change cell, the people
    /// who joined or left in a released cell, needs the full width: a reader who knows who they are
    /// must not learn their answers.
    func violates(_ target: AuditTarget, _ interval: FeasibleInterval, minCell: Int, protectionLevel: Int) -> Bool {
        switch target {
        case .atom:
            return interval.exposesSmallCount(minCell: minCell, protectionLevel: protectionLevel)
        case .cell(let cell) where reasons[cell] == .secondary:
            return !interval.protectsWithheld(protectionLevel)
        case .cell, .change:
            return !interval.protects(protectionLevel)
        case .earlier:
            return !interval.protects(protectionLevel)
        }
    }

    /// The targets that fail with their intervals, after fetching (once, then cached) the intervals
    /// from earlier releases alone of those that violate their rule.
    mutating func failing(_ targets: [AuditTarget], _ intervals: [FeasibleInterval], minCell: Int, protectionLevel: Int,
                          auditor: some SuppressionAuditor) throws -> [(AuditTarget, FeasibleInterval)] {
        let violating = zip(targets, intervals).filter { violates($0.0, $0.1, minCell: minCell, protectionLevel: protectionLevel) }
        let missing = violating.map(\.0).filter { earlierOnly[$0] == nil }
        if !missing.isEmpty {
            for (target, interval) in zip(missing, try auditor.earlierOnlyIntervals(of: missing)) { earlierOnly[target] = interval }
        }
        return violating.filter { fails($0.0, $0.1, minCell: minCell, protectionLevel: protectionLevel) }
    }

    /// Publishes again the secondary suppressions the final pattern does not need.
    ///
    /// The heuristic chooses cells one failing target at a time, so a later choice can make an
    /// earlier one superfluous — on sparse tables many are (the "information loss" tau-ARGUS and
    /// sdcTable report, and that their optimal methods avoid). This pass tries the secondary cells
    /// largest count first (the figures readers miss most: margins and totals), at most
    /// ``cleanupTries`` of them: a cell is published again when the full audit, with it published,
    /// still passes for every target; otherwise it stays withheld. With earlier releases the cells
    /// are tried in groups of ``linkedCleanupGroup`` (or `groupSize`): a group is published again
    /// when the full audit passes with all of it published, and halved when it does not, down to
    /// single cells. Tables with more than ``cleanupMaxWithheld`` withheld cells are left as they
    /// are. Primary, group-disclosure and ledger suppressions are never touched. The result passes
    /// the same audit as before, by construction: the last accepted pattern was fully audited.
    ///
    /// - Returns: the number of cells published again.
    @discardableResult
    mutating func publishUnneededSecondary(minCell: Int, protectionLevel: Int, auditor: some SuppressionAuditor,
                                           groupSize: Int? = nil) throws -> Int {
        guard suppressed.count <= Self.cleanupMaxWithheld else { return 0 }
        let isLinked = auditor.linksReleases
        let tries = suppressed.filter { reasons[$0] == .secondary }
            .sorted { (table.counts[$0], $1) > (table.counts[$1], $0) }
            .prefix(isLinked ? Self.linkedCleanupTries : Self.cleanupTries)
        var published = 0
        // One table: every try alone, since its audit is small. Linked releases: tries in groups,
        // since every audit covers everything; a group that fails is halved until single cells.
        let size = max(1, groupSize ?? (isLinked ? Self.linkedCleanupGroup : 1))
        for start in stride(from: tries.startIndex, to: tries.endIndex, by: size) {
            var groups = [Array(tries[start..<min(start + size, tries.endIndex)])]
            while let group = groups.popLast() {
                if try publishes(group, minCell: minCell, protectionLevel: protectionLevel, auditor: auditor) {
                    published += group.count
                } else if group.count > 1 {
                    groups.append(Array(group[(group.count / 2)...]))
                    groups.append(Array(group[..<(group.count / 2)]))
                }
            }
        }
        return published
    }

    /// Publishes `cells` again if the full audit passes without them; otherwise leaves them withheld.
    private mutating func publishes(_ cells: [Int], minCell: Int, protectionLevel: Int,
                                    auditor: some SuppressionAuditor) throws -> Bool {
        // For one table only the suppressed cells linked to the cells through additivity equations
        // can change: the attacker's system splits into independent parts. With earlier releases
        // the links run through their cells too, so everything is audited.
        let linked = auditor.linksReleases ? Set(suppressed) : Set(cells.flatMap(linkedSuppressed(to:)))
        for cell in cells { reasons[cell] = nil }
        // Most tries fail at a neighbour of a cell, so the neighbours are audited first.
        let neighbours = Set(cells.flatMap { table.equations(of: $0).flatMap(\.members) }).filter(isSuppressed)
        let rest = linked.filter { isSuppressed($0) && !neighbours.contains($0) }.sorted()
        var holds = true
        for batch in [neighbours.sorted().map(AuditTarget.cell), rest.map(AuditTarget.cell) + auditor.extraTargets] where holds && !batch.isEmpty {
            let intervals = try auditor.intervals(of: batch, plan: self)
            holds = try failing(batch, intervals, minCell: minCell, protectionLevel: protectionLevel, auditor: auditor).isEmpty
        }
        if !holds { for cell in cells { reasons[cell] = .secondary } }
        return holds
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
