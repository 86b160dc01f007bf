import Foundation

/// Screens of a linked cleanup run two at a time.
///
/// A cleanup's screening audits are small (a try's neighbours and the figures over the same
/// people), so each runs on one thread and the second core waits. Most tries fail, and the try
/// after a failed group is its first half, screened on the same pattern: so the first half is
/// screened beside the group, and its result is used when the group fails, thrown away when it
/// passes. A screen only computes intervals; the plan judges both on this thread in the order a
/// sequential pass would, so the cells published are the same either way.
extension SuppressionPlan {
    /// A screened try, audited but not yet judged: the targets and their intervals with `cells`
    /// published again on the current pattern.
    struct Screen {
        let cells: [Int]
        let targets: [AuditTarget]
        let intervals: [FeasibleInterval]
    }

    /// The screen ``publishes(_:rules:auditor:screening:)`` audits for `cells`, without judging it.
    func screen(_ cells: [Int], auditor: some SuppressionAuditor) throws -> Screen {
        var trial = self
        for cell in cells { trial.reasons[cell] = nil }
        let targets = trial.withheldNeighbours(of: cells).map(AuditTarget.cell) + auditor.screeningTargets(publishing: cells)
        return Screen(cells: cells, targets: targets, intervals: targets.isEmpty ? [] : try auditor.intervals(of: targets, plan: trial))
    }

    /// The withheld cells that share an equation with `cells`: most tries fail at one of them,
    /// so they are audited first.
    func withheldNeighbours(of cells: [Int]) -> [Int] {
        Set(cells.flatMap { table.equations(of: $0).flatMap(\.members) }).filter(isSuppressed).sorted()
    }

    /// Judges a screen made on the current pattern and publishes its cells again if it holds.
    mutating func publishes(_ screen: Screen, minCell: Int, protectionLevel: Int, auditor: some SuppressionAuditor) throws -> Bool {
        for cell in screen.cells { reasons[cell] = nil }
        let holds = try failing(screen.targets, screen.intervals, minCell: minCell, protectionLevel: protectionLevel,
                                auditor: auditor).isEmpty
        if !holds { for cell in screen.cells { reasons[cell] = .secondary } }
        return holds
    }

    /// Screens `group` and its first half at once, on the current pattern.
    func screens(_ group: [Int], firstHalf: [Int], auditor: some SuppressionAuditor) throws -> (group: Screen, firstHalf: Screen) {
        let plan = self
        nonisolated(unsafe) let other = { try plan.screen(firstHalf, auditor: auditor) }
        let box = ScreenResult()
        let done = DispatchSemaphore(value: 0)
        // A thread of its own (see ``TargetWorkers``): GLPK's programs stay on the thread that built them.
        let thread = Thread {
            box.result = Result { try other() }
            LinearProgram.releaseThread()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let whole = Result { try plan.screen(group, auditor: auditor) }
        done.wait()
        return (try whole.get(), try box.result!.get())
    }
}

/// Where the other thread leaves its screen; read only after it signals.
private final class ScreenResult: @unchecked Sendable {
    var result: Result<SuppressionPlan.Screen, Error>?
}
