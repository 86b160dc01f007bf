import Foundation
import Testing
@testable import Disclosure

/// The perturbation table shipped in policy/perturbation-table.csv.
func shippedPerturbationTable() throws -> PerturbationTable {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("policy/perturbation-table.csv")
    return try PerturbationTable(csv: String(contentsOf: url, encoding: .utf8), smallestPublishedCount: 3)
}

@Suite("Cell Key Method")
struct CellKeyMethodTests {
    @Test func shippedTableIsUnbiasedWithSmallNoise() throws {
        let table = try shippedPerturbationTable()
        #expect(table.largestCount == 5)
        #expect(table.noiseRange == -2...2)
        let variances = table.rowsByCount.enumerated().map { index, rows -> Double in
            let mean = rows.reduce(0) { $0 + Double($1.noise) * $1.probability }
            #expect(abs(mean) < 1e-12, "count \(index + 1) has mean noise \(mean)")
            return rows.reduce(0) { $0 + Double($1.noise * $1.noise) * $1.probability }
        }
        let rounded = variances.map { ($0 * 1000).rounded() / 1000 }
        #expect(rounded == [2, 2, 0, 0.8, 1])
    }

    @Test func shippedTableNeverPublishesOneOrTwo() throws {
        let table = try shippedPerturbationTable()
        for count in 1...50 {
            for step in 0..<1000 {
                let published = table.perturb(count, key: CellKey(recordKeySum: UInt32(step) * 4_294_967))
                #expect(published == 0 || published >= 3)
                #expect(abs(published - count) <= 2)
            }
        }
    }

    @Test func noiseFollowsTheCumulativeIntervals() throws {
        let table = try shippedPerturbationTable()
        // Count 1: keys in [0, 2/3) draw −1, keys in [2/3, 1) draw +2.
        #expect(table.noise(forCount: 1, key: CellKey(recordKeySum: 0)) == -1)
        #expect(table.noise(forCount: 1, key: CellKey(recordKeySum: 0xAAAA_AAA0)) == -1)
        #expect(table.noise(forCount: 1, key: CellKey(recordKeySum: 0xAAAA_AAB0)) == 2)
        #expect(table.noise(forCount: 1, key: CellKey(recordKeySum: 0xFFFF_FFFF)) == 2)
        // Counts above 5 use the rows of 5: [0, .0625) → −2, [.0625, .3125) → −1, …
        #expect(table.noise(forCount: 100, key: CellKey(recordKeySum: 0x0FFF_FFFF)) == -2)
        #expect(table.noise(forCount: 100, key: CellKey(recordKeySum: 0x1000_0001)) == -1)
        #expect(table.noise(forCount: 100, key: CellKey(recordKeySum: 0x8000_0000)) == 0)
        #expect(table.noise(forCount: 0, key: CellKey(recordKeySum: 0)) == 0)
        #expect(CellKey(recordKeySum: 0x8000_0000).value == 0.5)
    }

    /// The same respondents give the same cell key and so the same noise in two different tables.
    @Test func sameCellSameNoiseInEveryTable() throws {
        let perturbation = try shippedPerturbationTable()
        let policy = DisclosurePolicy(minCell: 1, groupDisclosure: false, cellKey: perturbation)
        let unit = try TableDimension.flat("unit", leaves: ["10", "11"])
        let byUnit = try protect(try CountTable(dimensions: [unit], counts: [["10"]: 7, ["11"]: 12],
                                                cellKeySums: [["10"]: 0x1234_5678, ["11"]: 0x9ABC_DEF0]),
                                 policy: policy)
        let byUnitAndCareer = try protect(try CountTable(
            dimensions: [unit, try .flat("career_group", leaves: ["A", "B"])],
            counts: [["10", "A"]: 4, ["10", "B"]: 3, ["11", "A"]: 12],
            cellKeySums: [["10", "A"]: 0x1000_0000, ["10", "B"]: 0x0234_5678, ["11", "A"]: 0x9ABC_DEF0]),
            policy: policy)
        let expected10 = perturbation.perturb(7, key: CellKey(recordKeySum: 0x1234_5678))
        #expect(byUnit[["10"]]?.published == expected10)
        #expect(byUnitAndCareer[["10", "Total"]]?.published == expected10)
        #expect(byUnit[["11"]]?.published == byUnitAndCareer[["11", "A"]]?.published)
        #expect(byUnit[["10"]]?.status == .perturbed)
        // 12 + 0x9ABC_DEF0 (key ≈ 0.604) → rows of 5: cumulative .3125 … .6875 → noise 0.
        #expect(byUnit[["11"]]?.published == 12)
    }

    @Test func smallCountsArePerturbedAwayAndSharesNeedAPublishedDenominator() throws {
        let perturbation = try shippedPerturbationTable()
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10"]), try indicator()],
                                   counts: [["10", "yes"]: 3, ["10", "no"]: 2],
                                   cellKeySums: [["10", "yes"]: 0x0000_0001, ["10", "no"]: 0x2000_0000])
        // Total 5 with key ≈ 0.125 → −1 → 4, below minCell: no share.
        let protected = try protect(table, policy: DisclosurePolicy(cellKey: perturbation))
        #expect(protected[["10", "total"]]?.published == 4)
        #expect(protected[["10", "yes"]]?.status == .suppressed)
        #expect(protected.share(category: "no", of: ["unit": "10"]) == nil)
        let withoutSuppression = try protect(table, policy: DisclosurePolicy(minCell: 1, cellKey: perturbation))
        #expect(withoutSuppression[["10", "no"]]?.published == 0)      // 2 with key 0.125 → −2
        #expect(withoutSuppression[["10", "yes"]]?.published == 3)     // 3 is never changed
    }

    @Test func cellKeyNeedsKeySums() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10"])], counts: [["10"]: 7])
        #expect(throws: DisclosureError.invalidTable("the cell key method needs cellKeySums")) {
            _ = try protect(table, policy: DisclosurePolicy(cellKey: try shippedPerturbationTable()))
        }
    }

    @Test(arguments: [
        ("i,v\n1,0\n", 1, "expected the header i,v,p"),
        ("i,v,p\n1,0,x\n", 2, "expected integer i, integer v, number p"),
        ("i,v,p\n0,0,1\n", 2, "i must be at least 1 (zeros are never perturbed)"),
        ("i,v,p\n1,0,1.5\n", 2, "p must lie in (0, 1]"),
        ("i,v,p\n1,-2,1\n", 2, "count 1 with noise -2 is negative"),
        ("i,v,p\n1,-1,0.5\n1,2,0.4\n", 3, "probabilities for i = 1 sum to 0.9, not 1"),
        ("# comment\ni,v,p\n\n1,1,1\n", 4, "count 1 with noise 1 would publish 2, below 3"),
    ])
    func badTablesAreRejected(csv: String, line: Int, message: String) {
        #expect(throws: DisclosureError.invalidPerturbationTable(line: line, message)) {
            _ = try PerturbationTable(csv: csv, smallestPublishedCount: 3)
        }
    }

    @Test func tableNeedsRowsForEveryCount() {
        #expect(throws: DisclosureError.invalidPerturbationTable(line: nil, "no rows for i = 2")) {
            _ = try PerturbationTable(csv: "i,v,p\n1,0,1\n3,0,1\n")
        }
        #expect(throws: DisclosureError.invalidPerturbationTable(line: nil, "the table has no rows")) {
            _ = try PerturbationTable(csv: "i,v,p\n")
        }
    }
}
