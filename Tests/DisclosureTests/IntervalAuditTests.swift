import Testing
@testable import Disclosure

@Suite("Interval audit")
struct IntervalAuditTests {
    @Test func aCellRecomputableFromItsRowIsFound() throws {
        // Total 53 and the other two units published: unit 10 is exactly 53 − 20 − 30 = 3.
        let releases = [
            ReleasedCell(domain: CellDomain(["unit": ["10", "11", "12"]]), status: .published, value: 53),
            ReleasedCell(domain: CellDomain(["unit": ["10"]]), status: .suppressed, value: nil),
            ReleasedCell(domain: CellDomain(["unit": ["11"]]), status: .published, value: 20),
            ReleasedCell(domain: CellDomain(["unit": ["12"]]), status: .published, value: 30),
        ]
        let audit = try IntervalAudit.intervals(of: releases)
        #expect(audit == [AuditedCell(coordinates: [], domain: CellDomain(["unit": ["10"]]),
                                      interval: FeasibleInterval(lower: 3, upper: 3))])
        #expect(!audit[0].interval.protects(5))
    }

    @Test func roundedFiguresBoundButDoNotPin() throws {
        // Total rounded to 55 means 53…57; with 20 and 30 exact, unit 10 lies in 3…7.
        let releases = [
            ReleasedCell(domain: CellDomain(["unit": ["10", "11", "12"]]), status: .rounded, value: 55,
                         knownRange: Rounding.knownRange(ofRounded: 55, base: 5)),
            ReleasedCell(domain: CellDomain(["unit": ["10"]]), status: .suppressed, value: nil),
            ReleasedCell(domain: CellDomain(["unit": ["11"]]), status: .published, value: 20),
            ReleasedCell(domain: CellDomain(["unit": ["12"]]), status: .published, value: 30),
        ]
        #expect(try IntervalAudit.intervals(of: releases).map(\.interval) == [FeasibleInterval(lower: 3, upper: 7)])
    }

    @Test func unboundedWhenNothingPublishedMentionsTheCell() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"])],
                                   counts: [["10"]: 2, ["11"]: 1])
        let protected = try protect(table)
        #expect(suppressionMap(protected) == ["Total": .primary, "10": .primary, "11": .primary])
        #expect(try intervalMap(protected) == ["Total": "[0, ∞]", "10": "[0, ∞]", "11": "[0, ∞]"])
    }

    /// GLPK is not thread-safe: concurrent protection must give the same results as sequential.
    @Test func concurrentProtectionMatchesSequential() async throws {
        var generator = SplitMix64(seed: 7)
        let tables = try (0..<8).map { _ in try randomTable(&generator).table }
        let sequential = try tables.map { try protect($0).cells }
        let concurrent = try await withThrowingTaskGroup(of: (Int, [ProtectedCell]).self) { group in
            for (index, table) in tables.enumerated() {
                group.addTask { (index, try protect(table).cells) }
            }
            var results = [[ProtectedCell]](repeating: [], count: tables.count)
            for try await (index, cells) in group { results[index] = cells }
            return results
        }
        #expect(concurrent == sequential)
    }
}
