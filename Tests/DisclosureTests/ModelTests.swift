import Testing
@testable import Disclosure

@Suite("Count table model")
struct ModelTests {
    @Test func marginsAreComputedForEveryNodeCombination() throws {
        let table = try CountTable(dimensions: [try units(), try indicator()], counts: [
            ["10", "yes"]: 3, ["10", "no"]: 12, ["11", "no"]: 7, ["20", "not_determinable"]: 4, ["21", "yes"]: 9,
        ])
        #expect(table.cellCount == 7 * 4)
        #expect(table.count(at: ["Total", "total"]) == 35)
        #expect(table.count(at: ["I", "total"]) == 22)
        #expect(table.count(at: ["I", "no"]) == 19)
        #expect(table.count(at: ["II", "yes"]) == 9)
        #expect(table.count(at: ["Total", "yes"]) == 12)
        #expect(table.count(at: ["11", "yes"]) == 0)
        #expect(table.count(at: ["12", "yes"]) == nil)
    }

    @Test func everyEquationAdds() throws {
        let table = try CountTable(dimensions: [try units(), try indicator()], counts: [
            ["10", "yes"]: 3, ["11", "no"]: 7, ["20", "not_determinable"]: 4, ["21", "yes"]: 9,
        ])
        let equations = table.allEquations
        // unit: (Total, I, II) × 4 category nodes; categories: 7 unit nodes × root.
        #expect(equations.count == 3 * 4 + 7)
        for equation in equations {
            #expect(table.counts[equation.total] == equation.parts.reduce(0) { $0 + table.counts[$1] })
        }
    }

    @Test func cellKeySumsWrapAroundInMargins() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"])],
                                   counts: [["10"]: 1, ["11"]: 1],
                                   cellKeySums: [["10"]: 0xFFFF_FFFF, ["11"]: 2])
        #expect(table.cellKeySum(at: ["Total"]) == 1)
        #expect(table.cellKeySum(at: ["11"]) == 2)
    }

    @Test func domainsUseLeafCodesAndScope() throws {
        let table = try CountTable(dimensions: [try units()], counts: [["10"]: 1],
                                   scope: CellDomain(["year": ["2024"]]))
        #expect(table.domain(of: table.cellIndex(of: ["I"])!) == CellDomain(["unit": ["10", "11"], "year": ["2024"]]))
        #expect(table.domain(of: 0) == CellDomain(["unit": ["10", "11", "20", "21"], "year": ["2024"]]))
        #expect(table.domain(of: 0).description == "unit ∈ {10, 11, 20, 21}, year ∈ {2024}")
    }

    @Test(arguments: [
        (["Total": ["A", "A"]], "hierarchy code \"A\" occurs more than once"),
        (["Total": []], "hierarchy root \"Total\" has no children"),
        (["Total": ["A"], "B": ["C"]], "hierarchy node \"B\" is not reachable from \"Total\""),
        (["Total": ["A"], "A": []], "hierarchy node \"A\" lists no children"),
    ])
    func badHierarchiesAreRejected(children: [String: [String]], message: String) {
        #expect(throws: DisclosureError.invalidTable(message)) {
            _ = try Hierarchy(root: "Total", children: children)
        }
    }

    @Test func badTablesAreRejected() throws {
        let unit = try TableDimension.flat("unit", leaves: ["10", "11"])
        #expect(throws: DisclosureError.invalidTable("negative count -1 at [\"10\"]")) {
            _ = try CountTable(dimensions: [unit], counts: [["10"]: -1])
        }
        #expect(throws: DisclosureError.invalidTable("\"Total\" is not a leaf code of unit")) {
            _ = try CountTable(dimensions: [unit], counts: [["Total"]: 1])
        }
        #expect(throws: DisclosureError.invalidTable("coordinates [\"10\", \"yes\"] need 1 codes")) {
            _ = try CountTable(dimensions: [unit], counts: [["10", "yes"]: 1])
        }
        #expect(throws: DisclosureError.invalidTable("dimension \"unit\" occurs twice")) {
            _ = try CountTable(dimensions: [unit, unit], counts: [:])
        }
        #expect(throws: DisclosureError.invalidTable("code \"11\" of unit lies outside the scope")) {
            _ = try CountTable(dimensions: [unit], counts: [:], scope: CellDomain(["unit": ["10"]]))
        }
        #expect(throws: DisclosureError.invalidTable("non-informative code \"n/a\" is not a category of mh")) {
            _ = try TableDimension.categories("mh", codes: ["yes"], nonInformative: ["n/a"])
        }
    }
}

@Suite("Disclosure policy")
struct PolicyTests {
    @Test func defaults() {
        let policy = DisclosurePolicy()
        #expect(policy.minCell == 5)
        #expect(policy.protectionLevel == 5)
        #expect(policy.groupDisclosure)
        #expect(policy.roundingBase == nil)
        #expect(policy.cellKey == nil)
        #expect(DisclosurePolicy(minCell: 3).protectionLevel == 3)
    }

    @Test(arguments: [
        (DisclosurePolicy(minCell: 0), "min_cell must be at least 1, got 0"),
        (DisclosurePolicy(minCell: -3), "min_cell must be at least 1, got -3"),
        (DisclosurePolicy(protectionLevel: 0), "protection_level must be at least 1, got 0"),
        (DisclosurePolicy(roundingBase: -5), "rounding base must be at least 2, got -5"),
        (DisclosurePolicy(roundingBase: 1), "rounding base must be at least 2, got 1"),
    ])
    func nonsenseIsRejected(policy: DisclosurePolicy, message: String) {
        #expect(throws: DisclosureError.invalidPolicy(message)) { try policy.validate() }
    }

    @Test func roundingAndCellKeyExcludeEachOther() throws {
        let perturbation = try PerturbationTable(csv: "i,v,p\n1,0,1\n")
        let policy = DisclosurePolicy(roundingBase: 5, cellKey: perturbation)
        #expect(throws: DisclosureError.invalidPolicy("choose rounding or the cell key method, not both")) {
            try policy.validate()
        }
    }

    @Test func protectValidatesThePolicy() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10"])], counts: [:])
        #expect(throws: DisclosureError.invalidPolicy("min_cell must be at least 1, got 0")) {
            _ = try protect(table, policy: DisclosurePolicy(minCell: 0))
        }
    }
}

@Suite struct RefusalReasonTests {
    /// A refusal reaches the ledger as a kind of cause only: no cell, no range, no count.
    @Test(arguments: [
        (DisclosureError.differencingRisk(cell: "unit ∈ {23}, year ∈ {2025}", interval: FeasibleInterval(lower: 2, upper: 3),
                                          protectionLevel: 5), "solver"),
        (DisclosureError.inconsistentReleases("cell x: published 7, now 6"), "inconsistent_ledger"),
    ])
    func aRefusalCauseNamesNoCellAndNoFigure(error: DisclosureError, cause: String) {
        #expect(error.cause == cause)
        #expect(error.description.contains(cause == "solver" ? "[2, 3]" : "7"), "the statistics unit's own message keeps the detail")
    }
}
