import Testing
@testable import Disclosure

@Suite("Properties of protection on random tables")
struct PropertyTests {
    /// 240 random tables (2–4 dimensions, one hierarchical, many small cells and zeros).
    @Test(arguments: 0..<8)
    func protectionHoldsOnRandomTables(batch: Int) throws {
        var generator = SplitMix64(seed: 0x5EED_0000 + UInt64(batch))
        let policy = DisclosurePolicy()
        for _ in 0..<30 {
            let random = try randomTable(&generator)
            let protected = try protect(random.table, policy: policy)

            // (a) every suppressed cell is protected, by an audit built independently from the
            // released cells' domains (not from the table's leaves) ...
            let audit = try IntervalAudit.intervals(of: protected.releasedCells)
            #expect(audit.count == protected.suppressedCells.count)
            let groupDisclosure = Set(protected.cells.filter { $0.reason == .groupDisclosure }.map(\.domain))
            for cell in audit {
                #expect(cell.interval.protectsWithheld(policy.protectionLevel), "\(cell.domain): \(cell.interval)")
                // A zero withheld for group disclosure must not be pinned at zero: that is what it hides.
                if groupDisclosure.contains(cell.domain) {
                    #expect(cell.interval.protects(policy.protectionLevel), "group disclosure \(cell.domain): \(cell.interval)")
                }
            }
            // ... and it agrees with the table-based audit cell by cell.
            let tableAudit = try IntervalAudit.intervals(of: protected)
            let byDomain = Dictionary(audit.map { ($0.domain, $0.interval) }, uniquingKeysWith: { first, _ in first })
            for cell in tableAudit {
                let other = try #require(byDomain[cell.domain])
                #expect(abs(other.lower - cell.interval.lower) < 1e-6)
                #expect(other.upper == cell.interval.upper || abs(other.upper - cell.interval.upper) < 1e-6)
            }

            for cell in protected.cells {
                let truth = bruteForceCount(cell.coordinates, table: random.table, counts: random.counts,
                                            children: random.children)
                // (b) no published count is small.
                if let published = cell.published { #expect(published == 0 || published >= policy.minCell) }
                // (c) published figures, margins included, are the true sums of their leaves.
                if cell.status == .published { #expect(cell.published == truth) }
                if cell.status == .zero { #expect(truth == 0 && cell.published == 0) }
                // Primary cells are exactly the small non-zero ones.
                #expect((cell.reason == .primary) == (truth > 0 && truth < policy.minCell))
                #expect((cell.status == .suppressed) == (cell.reason != nil))
            }
        }
    }

    /// A second release over the same microdata groups the units differently (new subtotals to
    /// subtract) and drops a dimension: it is protected across both releases, never refused.
    @Test(arguments: 0..<4)
    func linkedReleasesStayProtected(batch: Int) throws {
        var generator = SplitMix64(seed: 0x11_4CED_0000 + UInt64(batch))
        for _ in 0..<10 {
            let random = try randomTable(&generator)
            let first = try protect(random.table)
            let second = try regroupedRelease(of: random, &generator)
            do {
                let linked = try protect(second, earlier: first.releasedCells)
                let releases = first.releasedCells + linked.releasedCells
                for cell in try IntervalAudit.intervals(of: releases) {
                    #expect(cell.interval.protectsWithheld(5), "\(cell.domain): \(cell.interval)")
                }
                // The second release never pins a cell the first withheld at zero, unless the first
                // already did: group-disclosure zeros stay hidden across releases.
                let alone = Dictionary(try IntervalAudit.intervals(of: first.releasedCells).map { ($0.domain, $0.interval) },
                                       uniquingKeysWith: { a, _ in a })
                let combined = Dictionary(try IntervalAudit.intervals(of: releases).map { ($0.domain, $0.interval) },
                                          uniquingKeysWith: { a, _ in a })
                for (domain, before) in alone where before.upper > 1e-6 {
                    #expect(combined[domain].map { $0.upper > 1e-6 } ?? true, "\(domain) pinned at zero by the second release")
                }
                #expect(try IntervalAudit.differencingRisks(in: releases).isEmpty)
                for cell in linked.cells where cell.status == .published {
                    #expect(cell.published! >= 5)
                }
            }
        }
    }

    @Test func protectionIsDeterministic() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<10 {
            let table = try randomTable(&generator).table
            #expect(try protect(table).cells == protect(table).cells)
        }
    }

    @Test func splitMixIsTheReferenceSequence() {
        // First outputs for seed 0 of the reference implementation (Vigna's splitmix64.c).
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
