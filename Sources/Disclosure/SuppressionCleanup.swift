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
        case .earlier, .alone(.change):
            return !interval.protects(protectionLevel)
        case .otherAnswers, .alone(.otherAnswers):
            // Group disclosure no table shows: everybody of a context who answered alone provably
            // gave one answer.
            return interval.wholeUpper <= 0
        case .alone(.cell(let cell)) where reasons[cell] == .groupDisclosure:
            // Withheld because everybody who answered alone there gave one answer: that must stay hidden.
            return !interval.protects(protectionLevel)
        case .alone:
            // The reader who entered the other answers learns of those who answered alone no more
            // than of a group no release shows, held to at least the protection level: the Cell Key
            // Method's noise (`min_cell` 1) does not hide a part that reader reads off exactly.
            return interval.exposesSmallCount(minCell: DisclosurePolicy.aloneMinCell(minCell: minCell, protectionLevel: protectionLevel),
                                              protectionLevel: protectionLevel)
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
    /// when the audit passes with all of it published, and halved when it does not, down to single
    /// cells. Tables with more than ``cleanupMaxWithheld`` withheld cells are left as they are.
    /// Primary, group-disclosure and ledger suppressions are never touched.
    ///
    /// With earlier releases a full audit covers every earlier cell, atom and change cell, and costs
    /// about a second on a city's monitoring, so the pass *screens* instead (``publishScreened(_:size:rules:auditor:)``).
    /// Either way the result passes the same audit as before, by construction: the last accepted
    /// pattern was fully audited.
    ///
    /// - Parameter givenIsAudited: whether the pattern as given has passed a full audit; when not
    ///   (``secondarySuppression(minCell:protectionLevel:auditor:provisional:)`` left it provisional),
    ///   the pass audits it before it relies on it, or repairs it with secondary suppression.
    /// - Returns: the number of cells published again.
    @discardableResult
    mutating func publishUnneededSecondary(minCell: Int, protectionLevel: Int, auditor: some SuppressionAuditor,
                                           groupSize: Int? = nil, givenIsAudited: Bool = true, sideBySide: Bool = true,
                                           skipsSureFailures: Bool = true) throws -> Int {
        let isLinked = auditor.linksReleases
        let tries = suppressed.filter { reasons[$0] == .secondary }
            .sorted { (table.counts[$0], $1) > (table.counts[$1], $0) }
            .prefix(isLinked ? Self.linkedCleanupTries : Self.cleanupTries)
        guard suppressed.count <= Self.cleanupMaxWithheld, !tries.isEmpty else {
            if !givenIsAudited { try secondarySuppression(minCell: minCell, protectionLevel: protectionLevel, auditor: auditor) }
            return 0
        }
        let rules = AuditRules(minCell: minCell, protectionLevel: protectionLevel)
        let shortcuts = Shortcuts(sideBySide: sideBySide, skipsSureFailures: skipsSureFailures)
        // One table: every try alone, since its audit is small. Linked releases: tries in groups,
        // since every audit covers everything; a group that fails is halved until single cells.
        let size = max(1, groupSize ?? (isLinked ? Self.linkedCleanupGroup : 1))
        if isLinked {
            return try publishScreened(Array(tries), size: size, rules: rules, auditor: auditor, givenIsAudited: givenIsAudited,
                                       shortcuts: shortcuts)
        }
        if !givenIsAudited { try secondarySuppression(minCell: minCell, protectionLevel: protectionLevel, auditor: auditor) }
        return try publishGroups(Array(tries), size: size, rules: rules, auditor: auditor, screening: false, shortcuts: shortcuts)
    }

    /// The two numbers every audit rule needs.
    private struct AuditRules {
        let minCell: Int
        let protectionLevel: Int
    }

    /// Ways to decide the same tries for less (both on by default; tests turn them off to compare):
    /// the try most likely next screened beside the current one (``screens(_:beside:on:auditor:)``:
    /// a group's first half, or what follows a single cell if it passes), and tries that
    /// surely fail decided without a screen (``surelyFails(publishing:minCell:protectionLevel:linksReleases:)``).
    private struct Shortcuts {
        let sideBySide: Bool
        let skipsSureFailures: Bool
    }

    /// The cleanup of a linked release: each group is decided on a *screen* — the new table's
    /// withheld cells that share an equation with the group, and the earlier cells and change
    /// cells over the same people (``SuppressionAuditor/screeningTargets(publishing:)``), where
    /// nearly every try that fails, fails; not the thousands of atoms — and the resulting pattern
    /// is then audited once in full. (Screening on the neighbours alone let the full audit fail on
    /// the 2024 baseline by career group × employment of the 24-release benchmark. The table's
    /// other withheld cells are left to the full audit: on that benchmark no full audit failed
    /// without them, every release withheld the same cells, and auditing them on every try cost
    /// the second indicator about a second per release.)
    ///
    /// When that audit fails, the longest run of accepted groups, in the order they were accepted,
    /// that passes in full is found by bisection and kept; the first group after it is tried again
    /// with full audits (halved down to single cells), and the cells not yet decided are screened
    /// anew on top. Every round decides at least that group, so the pass ends; every pattern it
    /// keeps has passed a full audit. A given pattern that has not passed one is relied on only
    /// after it does: when the first full audit fails, secondary suppression audits the given
    /// pattern in full (adding cells if it must) and the pass starts again from there.
    private mutating func publishScreened(_ tries: [Int], size: Int, rules: AuditRules,
                                          auditor: some SuppressionAuditor, givenIsAudited: Bool, shortcuts: Shortcuts) throws -> Int {
        var published = 0
        var remaining = tries
        while !remaining.isEmpty {
            let given = reasons
            var accepted: [[Int]] = []
            _ = try publishGroups(remaining, size: size, rules: rules, auditor: auditor, screening: true,
                                  shortcuts: shortcuts) { accepted.append($0) }
            if accepted.isEmpty && givenIsAudited { return published }
            if try passesFullAudit(rules, auditor: auditor) { return published + accepted.joined().count }
            if !givenIsAudited {
                reasons = given
                try secondarySuppression(minCell: rules.minCell, protectionLevel: rules.protectionLevel, auditor: auditor)
                return try publishUnneededSecondary(minCell: rules.minCell, protectionLevel: rules.protectionLevel,
                                                    auditor: auditor, groupSize: size, sideBySide: shortcuts.sideBySide,
                                                    skipsSureFailures: shortcuts.skipsSureFailures)
            }
            // Prefix 0 is the given pattern, which passed; the whole run does not.
            var passing = 0, failingAt = accepted.count
            while failingAt - passing > 1 {
                let middle = (passing + failingAt) / 2
                reasons = given
                for cell in accepted[..<middle].joined() { reasons[cell] = nil }
                if try passesFullAudit(rules, auditor: auditor) { passing = middle } else { failingAt = middle }
            }
            reasons = given
            for cell in accepted[..<passing].joined() { reasons[cell] = nil }
            published += accepted[..<passing].joined().count
            let culprit = accepted[passing]
            if culprit.count > 1 {
                published += try publishGroups(culprit, size: (culprit.count + 1) / 2, rules: rules, auditor: auditor,
                                               screening: false, shortcuts: shortcuts)
            }
            let decided = Set(accepted[...passing].joined())
            remaining = remaining.filter { !decided.contains($0) && reasons[$0] == .secondary }
        }
        return published
    }

    /// Tries `tries` in groups of `size`, halving a group that fails; returns how many it published
    /// and hands every group it publishes to `accepting`, in order.
    private mutating func publishGroups(_ tries: [Int], size: Int, rules: AuditRules, auditor: some SuppressionAuditor,
                                        screening: Bool, shortcuts: Shortcuts, accepting: ([Int]) -> Void = { _ in }) throws -> Int {
        var published = 0
        // One stack for all groups, the first on top: a failed group's halves go on top of it.
        var groups: [[Int]] = stride(from: 0, to: tries.count, by: size).reversed().map { Array(tries[$0..<min($0 + size, tries.count)]) }
        // A screen made ahead on the pattern as it now is (``screens(_:beside:on:auditor:)``), by its cells.
        var ready: (cells: [Int], screen: Result<Screen, Error>)?
        func decidedWithoutScreen(_ cells: [Int], on plan: SuppressionPlan) -> Bool {
            shortcuts.skipsSureFailures && plan.surelyFails(publishing: cells, minCell: rules.minCell, protectionLevel: rules.protectionLevel,
                                                            linksReleases: auditor.linksReleases)
        }
        func judge(_ screen: Screen) throws -> Bool {
            try publishes(screen, minCell: rules.minCell, protectionLevel: rules.protectionLevel, auditor: auditor)
        }
        while let group = groups.popLast() {
            // Decided as its audit would, without it (``surelyFails(publishing:minCell:protectionLevel:linksReleases:)``),
            // whether or not a screen was made ahead: the pattern stays, and so does that screen.
            if decidedWithoutScreen(group, on: self) {
                groups += Self.halves(group)
                continue
            }
            var screen = try ready.flatMap { $0.cells == group ? try $0.screen.get() : nil }
            ready = nil
            let sideBySide = screening && shortcuts.sideBySide && screen == nil
            if sideBySide && group.count > 1 {
                // Two screens at once: the group, and the first half that follows if it fails;
                // judged in the order a pass one by one would. A half that surely fails needs no
                // screen beside the group.
                let split = Self.halves(group)
                let (secondHalf, half) = (split[0], split[1])
                if !decidedWithoutScreen(half, on: self) {
                    let screens = try screens(group, beside: half, on: self, auditor: auditor)
                    if try judge(screens.first) {
                        published += group.count
                        accepting(group)
                        continue
                    }
                    groups.append(secondHalf)
                    if try judge(try screens.second.get()) {
                        published += half.count
                        accepting(half)
                    } else {
                        groups += Self.halves(half)
                    }
                    continue
                }
            } else if sideBySide {
                // A single cell mostly passes; the try screened next is then screened beside it, on
                // the pattern with it published, and used if it passes.
                var passed = self
                passed.reasons[group[0]] = nil
                if let next = Self.nextScreened(groups, skipping: { decidedWithoutScreen($0, on: passed) }) {
                    let screens = try screens(group, beside: next, on: passed, auditor: auditor)
                    screen = screens.first
                    ready = (next, screens.second)
                }
            }
            let holds: Bool
            if let screen {
                holds = try judge(screen)
            } else {
                holds = try publishes(group, rules: rules, auditor: auditor, screening: screening)
            }
            if holds {
                published += group.count
                accepting(group)
            } else {
                ready = nil
                groups += Self.halves(group)
            }
        }
        return published
    }

    /// Whether the current pattern passes the audit of every withheld cell and every extra target.
    private mutating func passesFullAudit(_ rules: AuditRules, auditor: some SuppressionAuditor) throws -> Bool {
        let targets = suppressed.map(AuditTarget.cell) + auditor.extraTargets
        let intervals = try auditor.intervals(of: targets, plan: self)
        return try failing(targets, intervals, minCell: rules.minCell, protectionLevel: rules.protectionLevel,
                           auditor: auditor).isEmpty
    }

    /// Publishes `cells` again if the audit passes without them; otherwise leaves them withheld.
    /// When `screening`, the try is decided on its screen (``screen(_:auditor:)``): the withheld
    /// neighbours and the targets ``SuppressionAuditor/screeningTargets(publishing:)`` names.
    private mutating func publishes(_ cells: [Int], rules: AuditRules, auditor: some SuppressionAuditor,
                                    screening: Bool) throws -> Bool {
        if screening {
            return try publishes(try screen(cells, auditor: auditor), minCell: rules.minCell, protectionLevel: rules.protectionLevel,
                                 auditor: auditor)
        }
        // For one table only the suppressed cells linked to the cells through additivity equations
        // can change: the attacker's system splits into independent parts. With earlier releases
        // the links run through their cells too, so everything is audited.
        let linked = auditor.linksReleases ? Set(suppressed) : Set(cells.flatMap(linkedSuppressed(to:)))
        for cell in cells { reasons[cell] = nil }
        let neighbours = withheldNeighbours(of: cells)
        let rest = linked.subtracting(neighbours).filter(isSuppressed).sorted()
        let batches = [neighbours.map(AuditTarget.cell), rest.map(AuditTarget.cell) + auditor.extraTargets]
        var holds = true
        for batch in batches where holds && !batch.isEmpty {
            let intervals = try auditor.intervals(of: batch, plan: self)
            holds = try failing(batch, intervals, minCell: rules.minCell, protectionLevel: rules.protectionLevel,
                                auditor: auditor).isEmpty
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
