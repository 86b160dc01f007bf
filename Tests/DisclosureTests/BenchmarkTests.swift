import Foundation
import Testing
@testable import Disclosure

/// Timing of protection for a realistic table size: 41 units (40 + Total) × 5 career-group nodes ×
/// 3 year nodes × 4 answer nodes. Prints the time and never asserts it; run with
/// `VIELFALT_BENCHMARK=1 swift test --filter BenchmarkTests` (ideally `-c release`).
@Suite("Benchmark", .enabled(if: ProcessInfo.processInfo.environment["VIELFALT_BENCHMARK"] != nil))
struct BenchmarkTests {
    @Test func protectA41x5x3x4Table() throws {
        var generator = SplitMix64(seed: 1)
        let units = (1...40).map { String(format: "%02d", $0) }
        let careers = ["A", "B", "C", "D"], years = ["2024", "2025"]
        var counts: [[String]: Int] = [:]
        for unit in units {
            let size = Double.random(in: 0.3...3, using: &generator)
            for career in careers {
                for year in years {
                    for (answer, share) in [("yes", 0.3), ("no", 0.6), ("not_determinable", 0.1)] {
                        let mean = size * share * 6
                        counts[[unit, career, year, answer]] =
                            Int((Double.random(in: 0..<1, using: &generator) * 2 * mean).rounded())
                    }
                }
            }
        }
        let table = try CountTable(dimensions: [
            try .flat("unit", leaves: units), try .flat("career_group", leaves: careers),
            try .flat("year", leaves: years), try indicator(),
        ], counts: counts)
        let clock = ContinuousClock()
        var protected: ProtectedTable?
        let protectTime = try clock.measure { protected = try protect(table) }
        var audit: [AuditedCell] = []
        let auditTime = try clock.measure { audit = try IntervalAudit.intervals(of: protected!) }
        print("benchmark: \(table.cellCount) cells, \(protected!.suppressedCells.count) suppressed;",
              "protect \(protectTime), exact audit of \(audit.count) cells \(auditTime)")
    }
}
