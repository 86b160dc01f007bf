import Foundation

/// Screens of a linked cleanup run two at a time.
///
/// A cleanup's screening audits are small (a try's neighbours and the figures over the same
/// people), so each runs on one thread and the second core waits. So the try that most likely
/// comes next is screened beside the current one, on the pattern it will meet:
/// - Most groups fail, and the try after a failed group is its first half, on the same pattern:
///   it is screened beside the group, used when the group fails, thrown away when it passes.
/// - Most single cells pass, and the try after one is the next not surely failing once it is
///   published: it is screened beside the cell on that pattern, used when the cell passes, thrown
///   away when it fails (on the second indicator of the 24-release benchmark, 8 of 8 were used).
///
/// A screen only computes intervals; the plan judges both on this thread in the order a
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

    /// Screens `cells` on the current pattern and, at once on another thread, `other` on `plan`:
    /// a group and its first half on the same pattern, or a single cell and the try after it on the
    /// pattern with that cell published. The second screen's error is handed back, not thrown: a
    /// pass one by one would meet it only if it used that screen.
    func screens(_ cells: [Int], beside other: [Int], on plan: SuppressionPlan,
                 auditor: some SuppressionAuditor) throws -> (first: Screen, second: Result<Screen, Error>) {
        let current = self
        nonisolated(unsafe) let second = { try plan.screen(other, auditor: auditor) }
        let box = ScreenResult()
        let done = DispatchSemaphore(value: 0)
        // A thread of its own (see ``TargetWorkers``): GLPK's programs stay on the thread that built them.
        let thread = Thread {
            box.result = Result { try second() }
            LinearProgram.releaseThread()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let first = Result { try current.screen(cells, auditor: auditor) }
        done.wait()
        return (try first.get(), box.result!)
    }

    /// The first of `groups` (a stack, the next on top) that a pass would screen on this pattern:
    /// those `skips` decides without a screen are halved on the way, as the pass halves them.
    static func nextScreened(_ groups: [[Int]], skipping skips: ([Int]) -> Bool) -> [Int]? {
        var ahead = groups
        while let next = ahead.popLast() {
            guard skips(next) else { return next }
            ahead += halves(next)
        }
        return nil
    }

    /// A failed group's two halves, in the order they go on the stack (the first half on top).
    static func halves(_ group: [Int]) -> [[Int]] {
        group.count > 1 ? [Array(group[(group.count / 2)...]), Array(group[..<(group.count / 2)])] : []
    }
}

/// Where the other thread leaves its screen; read only after it signals.
private final class ScreenResult: @unchecked Sendable {
    var result: Result<SuppressionPlan.Screen, Error>?
}
