import Foundation
import Testing
@testable import Disclosure

/// An auditor that answers from a script: every target is wide, except the extra atom, which is
/// pinned whenever `exposing` is published. Screening never looks at that atom, so only a full
/// audit can see what publishing `exposing` does.
private struct ScriptedAuditor: SuppressionAuditor {
    final class Log { var fullAudits = 0 }
    let exposing: Int
    let log = Log()
    var extraTargets: [AuditTarget] { [.atom(0)] }
    var linksReleases: Bool { true }

    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval] {
        if targets.contains(.atom(0)) { log.fullAudits += 1 }
        return targets.map { target in
            target == .atom(0) && !plan.isSuppressed(exposing) ? FeasibleInterval(lower: 1, upper: 2)
                : FeasibleInterval(lower: 0, upper: 10)
        }
    }

    func earlierOnlyIntervals(of targets: [AuditTarget]) throws -> [FeasibleInterval] {
        targets.map { _ in FeasibleInterval(lower: 0, upper: 10) }
    }

    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int] { [] }
    func describe(_ target: AuditTarget) -> String { "" }
    func screeningTargets(publishing cells: [Int]) -> [AuditTarget] { [] }
}

/// An auditor whose screens fail while `blocking` is published (a group-disclosure target no
/// table shows, narrow then), and that counts the audits run off the thread that made it.
private final class BlockingAuditor: SuppressionAuditor, @unchecked Sendable {
    let blocking: Int
    private let caller = ObjectIdentifier(Thread.current)
    private let lock = NSLock()
    private var elsewhere = 0
    var auditsElsewhere: Int { lock.withLock { elsewhere } }

    init(blocking: Int) { self.blocking = blocking }

    var extraTargets: [AuditTarget] { [] }
    var linksReleases: Bool { true }

    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval] {
        if ObjectIdentifier(Thread.current) != caller { lock.withLock { elsewhere += 1 } }
        return targets.map { target in
            target == .atom(1) && !plan.isSuppressed(blocking) ? FeasibleInterval(lower: 1, upper: 2)
                : FeasibleInterval(lower: 0, upper: 10)
        }
    }

    func earlierOnlyIntervals(of targets: [AuditTarget]) throws -> [FeasibleInterval] {
        targets.map { _ in FeasibleInterval(lower: 0, upper: 10) }
    }

    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int] { [] }
    func describe(_ target: AuditTarget) -> String { "" }
    func screeningTargets(publishing cells: [Int]) -> [AuditTarget] { [.atom(1)] }
}

@Suite("Screened cleanup of linked releases")
struct CleanupScreeningTests {
    /// A plan whose five smallest non-zero cells are withheld as secondary suppressions, and the
    /// next one as a primary suppression (which a cleanup never publishes).
    func plan() throws -> (SuppressionPlan, [Int], primary: Int) {
        let table = try CountTable(dimensions: [try units(), try indicator()],
                                   counts: [["10", "yes"]: 7, ["10", "no"]: 9, ["11", "no"]: 12, ["20", "yes"]: 6,
                                            ["21", "not_determinable"]: 8, ["21", "no"]: 11])
        var plan = SuppressionPlan(table: table)
        let secondary = (0..<table.cellCount).filter { table.counts[$0] > 0 }
            .sorted { (table.counts[$0], $0) < (table.counts[$1], $1) }.prefix(6)
        for cell in secondary.prefix(5) { plan.suppress(cell, .secondary) }
        plan.suppress(secondary.last!, .primary)
        return (plan, Array(secondary.prefix(5)), secondary.last!)
    }

    @Test func aScreenedPatternThatPassesIsAuditedInFullOnce() throws {
        var (plan, secondary, primary) = try plan()
        let auditor = ScriptedAuditor(exposing: primary)
        let published = try plan.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor)
        #expect(published == secondary.count)
        #expect(auditor.log.fullAudits == 1)
    }

    /// Screening publishes the exposing cell (nothing it audits objects); the full audit of the
    /// result fails; the pass starts again from the given pattern with full audits and keeps that
    /// one cell withheld.
    @Test func aScreenedPatternThatFailsFallsBackToFullAudits() throws {
        var (plan, secondary, _) = try plan()
        let exposing = secondary[2]
        let auditor = ScriptedAuditor(exposing: exposing)
        let published = try plan.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor)
        #expect(published == secondary.count - 1)
        #expect(plan.reasons[exposing] == .secondary)
        #expect(secondary.filter { $0 != exposing }.allSatisfy { plan.reasons[$0] == nil })
        #expect(auditor.log.fullAudits > 1)
    }

    /// A single cell mostly passes, so the try after it is screened beside it, on the pattern with
    /// it published, and that screen is used when it does: the cells published are those of one
    /// screen after another, for every position of the blocking cell (whose try fails, and the
    /// screen made beside it is dropped).
    @Test func theTryAfterASingleCellIsScreenedBesideIt() throws {
        let secondary = try plan().1
        for blocking in secondary {
            var together = try plan().0, oneByOne = together
            let besides = BlockingAuditor(blocking: blocking), alone = BlockingAuditor(blocking: blocking)
            let published = try together.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: besides, groupSize: 1)
            #expect(published == (try oneByOne.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: alone, groupSize: 1,
                                                                          sideBySide: false)))
            #expect(published == secondary.count - 1)
            #expect(together.reasons == oneByOne.reasons)
            #expect(together.reasons[blocking] == .secondary)
            #expect(besides.auditsElsewhere > 0)
            #expect(alone.auditsElsewhere == 0)
        }
    }

    /// A group that fails has its first half screened beside it, on another thread: the cells
    /// published are those of one screen after another, for every position of the blocking cell.
    @Test func aFailedGroupsHalfIsScreenedBesideIt() throws {
        let secondary = try plan().1
        for blocking in secondary {
            var together = try plan().0, oneByOne = together
            let besides = BlockingAuditor(blocking: blocking), alone = BlockingAuditor(blocking: blocking)
            let published = try together.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: besides)
            #expect(published == (try oneByOne.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: alone, sideBySide: false)))
            #expect(published == secondary.count - 1)
            #expect(together.reasons == oneByOne.reasons)
            #expect(together.reasons[blocking] == .secondary)
            #expect(besides.auditsElsewhere > 0)
            #expect(alone.auditsElsewhere == 0)
        }
    }

    /// Secondary suppression may leave its pattern provisional (not audited in full); the cleanup
    /// then audits it before relying on it. Here that audit fails, since the exposing cell is
    /// published: secondary suppression repairs the pattern, and only then are cells published again.
    @Test func aProvisionalPatternThatFailsIsRepairedFirst() throws {
        var (plan, secondary, _) = try plan()
        let exposing = (0..<plan.table.cellCount).first { !plan.isSuppressed($0) && plan.table.counts[$0] > 0 }!
        let auditor = ScriptedAuditor(exposing: exposing)
        _ = try plan.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, givenIsAudited: false)
        #expect(plan.isSuppressed(exposing))
        let targets = plan.suppressed.map(AuditTarget.cell) + auditor.extraTargets
        #expect(try plan.failing(targets, try auditor.intervals(of: targets, plan: plan), minCell: 5, protectionLevel: 5,
                                 auditor: auditor).isEmpty)
        #expect(secondary.contains { plan.reasons[$0] == nil })
    }

    /// The indexed neighbourhood search gives the same candidates as comparing every published
    /// figure with the growing neighbourhood, round by round (the way it was first written).
    @Test func candidatesMatchTheScanOverEveryFigure() throws {
        var generator = SplitMix64(seed: 0xCA9D_0001)
        var compared = 0
        for _ in 0..<10 {
            let (first, second) = try LinkedCleanupTests().releases(&generator)
            let (plan, auditor) = try beforeCleanup(second, earlier: first.releasedCells, universe: [:], skips: true)
            var early = SuppressionPlan(table: second)
            early.primarySuppression(minCell: 5)
            for state in [plan, early] {
                for target in auditor.extraTargets + state.suppressed.map(AuditTarget.cell) {
                    #expect(auditor.candidates(for: target, plan: state) == scan(auditor, target, state))
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    private func scan(_ auditor: LinkedAuditor, _ target: AuditTarget, _ plan: SuppressionPlan) -> [Int] {
        let table = auditor.table, offset = table.cellCount
        var published = auditor.earlier.indices.filter { auditor.earlier[$0].knownRange != nil }
            .map { auditor.cellAtoms[offset + $0] }
        published += auditor.knowledge.map(\.atoms)
        published += (0..<offset).filter { !plan.isSuppressed($0) }.map { auditor.cellAtoms[$0] }
        var neighbourhood = Set(auditor.atomsOf(target))
        var used = [Bool](repeating: false, count: published.count)
        while true {
            var grew = false
            for (index, atoms) in published.enumerated() where !used[index] && !neighbourhood.isDisjoint(with: atoms) {
                used[index] = true
                neighbourhood.formUnion(atoms)
                grew = true
            }
            let pool = (0..<offset).filter { plan.isCandidate($0) && !neighbourhood.isDisjoint(with: auditor.cellAtoms[$0]) }
            if !pool.isEmpty || !grew { return pool }
        }
    }
}
