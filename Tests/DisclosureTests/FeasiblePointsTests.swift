import Testing
@testable import Disclosure

/// Points of one audit start a later audit over a subset of its rows (``FeasiblePoints``); the
/// later audit must give what it gives without them.
@Suite("Feasible points carried into a later audit")
struct FeasiblePointsTests {
    /// The system with a random part of its rows dropped, as a later pattern that withholds more.
    func fewerRows(_ system: AttackerBlocksTests.System, _ generator: inout SplitMix64) -> AttackerBlocksTests.System {
        var later = system
        later.model.constraints = system.model.constraints.filter { _ in Int.random(in: 0..<3, using: &generator) > 0 }
        return later
    }

    @Test(arguments: 0..<4)
    func seededIntervalsAreThoseOfOnePlainProgram(batch: Int) throws {
        var generator = SplitMix64(seed: 0x5EED_0000 + UInt64(batch))
        var seededSomewhere = false
        for _ in 0..<200 {
            let first = AttackerBlocksTests.randomSystem(&generator, exactRows: batch % 2 == 0)
            guard AttackerBlocksTests.plainIntervals(first) != nil else { continue }
            var points: FeasiblePoints?
            _ = try first.model.intervals(of: first.targets, provingWidth: 3, keeping: { points = $0 })
            let seeds = try #require(points)
            let later = fewerRows(first, &generator)
            let expected = try #require(AttackerBlocksTests.plainIntervals(later))
            let exact = try later.model.intervals(of: later.targets, seeds: seeds)
            let width = Int.random(in: 1...6, using: &generator)
            let proving = try later.model.intervals(of: later.targets, provingWidth: width, seeds: seeds)
            for index in later.targets.indices {
                let truth = expected[index]
                #expect(AttackerBlocksTests.same(exact[index], truth), "\(exact[index]) vs \(truth)")
                let interval = proving[index]
                let inside = interval.lower >= truth.lower - 1e-6 && interval.upper <= truth.upper + 1e-6
                #expect(AttackerBlocksTests.same(interval, truth) || (inside && interval.protects(width)), "\(interval) vs \(truth)")
                #expect(interval.protects(width) == truth.protects(width))
            }
            seededSomewhere = seededSomewhere || later.model.constraints.count < first.model.constraints.count
        }
        #expect(seededSomewhere)
    }

    /// `protect` settles targets on its first audit and starts later audits from its points; the
    /// linked steps without either (``beforeCleanup(_:earlier:universe:skips:)``) must withhold the
    /// same cells.
    @Test func settlingDecidesAsAuditingEverything() throws {
        var generator = SplitMix64(seed: 0x5E77_0000)
        var compared = 0
        for _ in 0..<12 {
            let (first, second) = try LinkedCleanupTests().releases(&generator)
            let earlier = first.releasedCells
            var (plan, auditor) = try beforeCleanup(second, earlier: earlier, universe: [:], skips: true)
            try plan.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor)
            let policy = DisclosurePolicy(minCell: 5, protectionLevel: 5)
            let protected = try protect(second, policy: policy, earlier: earlier)
            #expect(protected.cells.map(\.reason) == plan.reasons)
            compared += 1
        }
        #expect(compared == 12)
    }
}
