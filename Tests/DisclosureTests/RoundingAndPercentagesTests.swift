import Testing
@testable import Disclosure

@Suite("Rounding and percentages")
struct RoundingAndPercentagesTests {
    @Test(arguments: [(0, 0), (1, 0), (2, 0), (3, 5), (7, 5), (8, 10), (12, 10), (13, 15), (100, 100)])
    func conventionalRoundingToFive(count: Int, rounded: Int) {
        #expect(Rounding.round(count, toBase: 5) == rounded)
        #expect(Rounding.knownRange(ofRounded: rounded, base: 5).contains(count))
    }

    @Test(arguments: [(4, 0), (5, 10), (14, 10), (15, 20)])
    func halvesRoundUpForAnEvenBase(count: Int, rounded: Int) {
        #expect(Rounding.round(count, toBase: 10) == rounded)
        #expect(Rounding.knownRange(ofRounded: rounded, base: 10).contains(count))
    }

    @Test func marginsAreRoundedIndependently() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11", "12"])],
                                   counts: [["10"]: 7, ["11"]: 7, ["12"]: 0])
        let protected = try protect(table, policy: DisclosurePolicy(roundingBase: 5))
        #expect(protected[["10"]]?.published == 5)
        #expect(protected[["11"]]?.published == 5)
        #expect(protected[["Total"]]?.published == 15)   // 14 rounds to 15, not 5 + 5
        #expect(protected[["Total"]]?.status == .rounded)
        #expect(protected[["12"]]?.status == .zero)
    }

    func sharesTable() throws -> ProtectedTable {
        try protect(try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11", "12"]), try indicator()], counts: [
            ["10", "yes"]: 10, ["10", "no"]: 30,
            ["11", "yes"]: 2, ["11", "no"]: 30, ["11", "not_determinable"]: 8,
            ["12", "yes"]: 6, ["12", "no"]: 7, ["12", "not_determinable"]: 9,
        ]))
    }

    @Test func shareOfPublishedCounts() throws {
        let table = try sharesTable()
        #expect(table.share(category: "yes", of: ["unit": "10"]) == 0.25)
        #expect(table.share(category: "yes", of: [:]) == 18.0 / 102.0)
        #expect(table[named: ["unit": "10", "mh": "not_determinable"]]?.status == .zero)
        #expect(table.share(category: "not_determinable", of: ["unit": "10"]) == 0)
    }

    @Test func noShareFromSuppressedCountsOrSmallDenominators() throws {
        let table = try sharesTable()
        #expect(table[named: ["unit": "11", "mh": "yes"]]?.status == .suppressed)
        #expect(table.share(category: "yes", of: ["unit": "11"]) == nil)
        #expect(table.share(category: "maybe", of: ["unit": "10"]) == nil)
        #expect(table.share(category: "yes", of: ["department": "10"]) == nil)

    }
}
