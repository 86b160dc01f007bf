import Foundation
import Testing
@testable import Disclosure

/// An audit's targets run on every core (``TargetWorkers``). These tests hold the parallel audit
/// against one plain program over all atoms, on audits large enough to be split.
@Suite("Audits on several threads")
struct TargetWorkersTests {
    /// A random system of ``AttackerBlocksTests`` with enough targets to be split among threads.
    static func largeSystem(_ generator: inout SplitMix64, exactRows: Bool = true) -> AttackerBlocksTests.System {
        var system = AttackerBlocksTests.randomSystem(&generator, exactRows: exactRows)
        let atomCount = system.model.atomCount
        while system.targets.count < 8 * TargetWorkers.chunk {
            let size = Int.random(in: 1...min(atomCount, 4), using: &generator)
            system.targets.append(Array((0..<atomCount).shuffled(using: &generator).prefix(size)).sorted())
        }
        return system
    }

    @Test func largeAuditsAreSplitAmongThreadsWhereThereAreCores() {
        let count = 8 * TargetWorkers.chunk
        let expected = LinearProgram.isReentrant ? min(ProcessInfo.processInfo.activeProcessorCount, 4) : 1
        #expect(TargetWorkers.workerCount(for: count) == expected)
        #expect(TargetWorkers.workerCount(for: TargetWorkers.chunk) == 1)
    }

    @Test func everyIndexRunsOnceAndResultsKeepTheirOrder() throws {
        let count = 8 * TargetWorkers.chunk + 3
        let blocks = AttackerBlocks(constraints: [], fixed: [], atomCount: 0)
        let (results, kept) = try TargetWorkers.run(count: count, makeSolver: {
            BlockSolver(blocks: blocks, keepsSamples: false)
        }, body: { _, index in
            usleep(1_000)   // long enough that every worker gets chunks, even on a busy machine
            return (index, pthread_self())
        }, finish: { _, worker in worker })
        #expect(results.map(\.0) == Array(0..<count))
        #expect(kept == Array(0..<TargetWorkers.workerCount(for: count)))
        if TargetWorkers.workerCount(for: count) > 1 { #expect(Set(results.map(\.1)).count > 1) }
    }

    @Test func theErrorOfTheLowestFailingIndexIsThrown() {
        struct Failure: Error, Equatable { let index: Int }
        let blocks = AttackerBlocks(constraints: [], fixed: [], atomCount: 0)
        for _ in 0..<20 {
            #expect(throws: Failure(index: 17)) {
                _ = try TargetWorkers.run(count: 8 * TargetWorkers.chunk, makeSolver: {
                    BlockSolver(blocks: blocks, keepsSamples: false)
                }, body: { _, index -> Int in
                    if index == 17 || index == 100 { throw Failure(index: index) }
                    return index
                }, finish: { _, _ in () })
            }
        }
    }

    @Test(arguments: 0..<4)
    func parallelIntervalsEqualOnePlainProgram(batch: Int) throws {
        var generator = SplitMix64(seed: 0x7A46_0000 + UInt64(batch))
        for _ in 0..<60 {
            let system = Self.largeSystem(&generator, exactRows: batch % 2 == 0)
            let expected = try #require(AttackerBlocksTests.plainIntervals(system))
            let exact = try system.model.intervals(of: system.targets)
            #expect(zip(exact, expected).allSatisfy(AttackerBlocksTests.same))
            let width = Int.random(in: 1...6, using: &generator)
            let proven = try system.model.intervals(of: system.targets, provingWidth: width)
            for (interval, truth) in zip(proven, expected) {
                let inside = interval.lower >= truth.lower - 1e-6 && interval.upper <= truth.upper + 1e-6
                #expect(AttackerBlocksTests.same(interval, truth) || (inside && interval.protects(width)), "\(interval) vs \(truth)")
            }
        }
    }

    /// The points the threads found are kept for the next audit; each must be feasible.
    @Test func keptPointsAreFeasible() throws {
        var generator = SplitMix64(seed: 0x7A46_1000)
        for _ in 0..<40 {
            let system = Self.largeSystem(&generator)
            var kept: FeasiblePoints?
            _ = try system.model.intervals(of: system.targets, keeping: { kept = $0 })
            let points = try #require(kept)
            let blocks = try system.model.blocks().blocks
            for block in blocks.blocks {
                for sums in points.classSums(of: block) {
                    for row in block.classRows {
                        let value = row.columns.reduce(0) { $0 + sums[$1] }
                        #expect(value >= row.lower - 1e-6 && value <= row.upper + 1e-6)
                    }
                }
            }
        }
    }

    @Test func contradictionsAreReportedFromSplitAudits() throws {
        var generator = SplitMix64(seed: 0x7A46_2000)
        var contradictions = 0
        for _ in 0..<200 {
            guard let system = AttackerBlocksTests.breakingOneRow(of: Self.largeSystem(&generator, exactRows: false),
                                                                  using: &generator) else { continue }
            if AttackerBlocksTests.plainIntervals(system) == nil {
                contradictions += 1
                #expect(throws: DisclosureError.self) { try system.model.intervals(of: system.targets) }
            }
        }
        #expect(contradictions > 10)
    }
}
