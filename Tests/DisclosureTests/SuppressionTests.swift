import Testing
@testable import Disclosure

/// Suppressed cells as "coordinates joined by /" → reason, for exact comparisons.
func suppressionMap(_ table: ProtectedTable) -> [String: SuppressionReason] {
    Dictionary(uniqueKeysWithValues: table.suppressedCells.map { ($0.coordinates.joined(separator: "/"), $0.reason!) })
}

/// Audited intervals as "coordinates" → "[lower, upper]".
func intervalMap(_ table: ProtectedTable) throws -> [String: String] {
    Dictionary(uniqueKeysWithValues: try IntervalAudit.intervals(of: table).map {
        ($0.coordinates.joined(separator: "/"), $0.interval.description)
    })
}

@Suite("Primary suppression and group disclosure")
struct PrimarySuppressionTests {
    @Test func smallCountsAreSuppressedAndZerosPublished() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11", "12", "13"])],
                                   counts: [["10"]: 4, ["11"]: 5, ["12"]: 0, ["13"]: 1])
        var plan = SuppressionPlan(table: table)
        plan.primarySuppression(minCell: 5)
        #expect(plan.suppressed.map(table.coordinates(of:)) == [["10"], ["13"]])
        let protected = try protect(table)
        #expect(protected[["12"]]?.status == .zero)
        #expect(protected[["12"]]?.published == 0)
        #expect(protected[["11"]]?.status == .published)
        #expect(protected[["10"]]?.reason == .primary)
        #expect(protected[["10"]]?.published == nil)
        #expect(protected.cells.map(\.displayText) == ["10", ".", "5", "–", "."])
    }

    @Test func groupWhoseAnswersAreAllAlikeLosesItsDetail() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"]), try indicator()], counts: [
            ["10", "yes"]: 6, ["10", "not_determinable"]: 2,
            ["11", "yes"]: 7, ["11", "no"]: 5,
        ])
        var plan = SuppressionPlan(table: table)
        plan.groupDisclosure()
        #expect(plan.suppressed.map { table.coordinates(of: $0).joined(separator: "/") }
                == ["10/yes", "10/no", "10/not_determinable"])
        #expect(plan.suppressed.allSatisfy { plan.reasons[$0] == .groupDisclosure })
    }

    @Test(arguments: [
        // yes, no, not_determinable → group disclosure?
        (6, 0, 0, true), (6, 0, 9, true), (0, 5, 0, true), (5, 5, 0, false), (0, 0, 7, false), (0, 0, 0, false),
    ])
    func groupDisclosureRule(yes: Int, no: Int, notDeterminable: Int, disclosed: Bool) throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10"]), try indicator()], counts: [
            ["10", "yes"]: yes, ["10", "no"]: no, ["10", "not_determinable"]: notDeterminable,
        ])
        var plan = SuppressionPlan(table: table)
        plan.groupDisclosure()
        // Groups: Total and 10, each with three category cells.
        #expect(plan.suppressed.count == (disclosed ? 6 : 0))
    }

    @Test func smallGroupWithOneAnswerHidesItsZerosToo() throws {
        // Unit 10 has 3 respondents, all "yes": without the rule "no" and "not determinable" would
        // print as "–" and tell everybody what the three answered.
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"]), try indicator()], counts: [
            ["10", "yes"]: 3, ["11", "yes"]: 8, ["11", "no"]: 9, ["11", "not_determinable"]: 6,
        ])
        let protected = try protect(table)
        #expect(protected[["10", "no"]]?.status == .suppressed)
        #expect(protected[["10", "not_determinable"]]?.status == .suppressed)
        #expect(protected[["10", "no"]]?.reason == .groupDisclosure)
        #expect(protected[["10", "yes"]]?.reason == .primary)
        for cell in try IntervalAudit.intervals(of: protected) { #expect(cell.interval.protects(5)) }
    }

    @Test func groupDisclosureCanBeSwitchedOff() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"]), try indicator()], counts: [
            ["10", "yes"]: 6, ["11", "yes"]: 7, ["11", "no"]: 5,
        ])
        let protected = try protect(table, policy: DisclosurePolicy(groupDisclosure: false))
        #expect(protected.suppressedCells.isEmpty)
    }
}

@Suite("Secondary suppression")
struct SecondarySuppressionTests {
    @Test func oneSmallCellInA2x3TableNeedsARectangle() throws {
        let table = try CountTable(dimensions: [try .flat("row", leaves: ["r1", "r2"]),
                                                try .flat("col", leaves: ["A", "B", "C"])], counts: [
            ["r1", "A"]: 2, ["r1", "B"]: 10, ["r1", "C"]: 20,
            ["r2", "A"]: 10, ["r2", "B"]: 15, ["r2", "C"]: 30,
        ])
        let protected = try protect(table)
        #expect(suppressionMap(protected) == ["r1/A": .primary, "r1/B": .secondary,
                                              "r2/A": .secondary, "r2/B": .secondary])
        #expect(try intervalMap(protected) == ["r1/A": "[0, 12]", "r1/B": "[0, 12]",
                                               "r2/A": "[0, 12]", "r2/B": "[13, 25]"])
        #expect(protected[["Total", "Total"]]?.published == 87)
    }

    @Test func rowTotalWouldRevealASingleSmallCell() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11", "12"])],
                                   counts: [["10"]: 3, ["11"]: 20, ["12"]: 30])
        let protected = try protect(table)
        #expect(suppressionMap(protected) == ["10": .primary, "11": .secondary])
        #expect(try intervalMap(protected) == ["10": "[0, 23]", "11": "[0, 23]"])
        #expect(protected[["Total"]]?.published == 53)
    }

    @Test func smallSubtotalIsProtectedAtTheNextLevel() throws {
        let table = try CountTable(dimensions: [try units()],
                                   counts: [["10"]: 1, ["11"]: 3, ["20"]: 6, ["21"]: 9])
        let protected = try protect(table)
        #expect(suppressionMap(protected) == ["10": .primary, "11": .primary, "I": .primary,
                                              "II": .secondary, "20": .secondary])
        #expect(try intervalMap(protected) == ["10": "[0, 10]", "11": "[0, 10]", "I": "[0, 10]",
                                               "II": "[9, 19]", "20": "[0, 10]"])
        #expect(protected[["Total"]]?.published == 19)
    }

    @Test func pairOfSmallCellsWithASmallSumIsWidened() throws {
        // 1 + 2 in one row: each alone is hidden, but the row total bounds both by 3 < 5.
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11", "12"])],
                                   counts: [["10"]: 1, ["11"]: 2, ["12"]: 30])
        let protected = try protect(table)
        #expect(suppressionMap(protected) == ["10": .primary, "11": .primary, "12": .secondary])
        #expect(try intervalMap(protected) == ["10": "[0, 33]", "11": "[0, 33]", "12": "[0, 33]"])
    }

    @Test func noSuppressionWhenNothingIsSmall() throws {
        let table = try CountTable(dimensions: [try units(), try indicator()], counts: [
            ["10", "yes"]: 5, ["10", "no"]: 6, ["11", "yes"]: 7, ["11", "no"]: 8,
            ["20", "yes"]: 9, ["20", "no"]: 10, ["21", "yes"]: 11, ["21", "no"]: 12,
        ])
        let protected = try protect(table)
        #expect(protected.suppressedCells.isEmpty)
        #expect(protected.cells.filter { $0.status == .zero }.count == 7)
    }
}

@Suite("Cleanup of unneeded secondary suppressions")
struct SuppressionCleanupTests {
    @Test func onlySecondaryCellsArePublishedAgainAndSomeAre() throws {
        var generator = SplitMix64(seed: 0xC1EA_0000)
        var publishedAgain = 0
        for _ in 0..<20 {
            let random = try randomTable(&generator)
            let policy = DisclosurePolicy()
            var plan = SuppressionPlan(table: random.table)
            plan.primarySuppression(minCell: policy.minCell)
            plan.groupDisclosure()
            plan.singletonPass()
            let auditor = TableAuditor(provingWidth: policy.protectionLevel)
            try plan.secondarySuppression(minCell: policy.minCell, protectionLevel: policy.protectionLevel, auditor: auditor)
            let before = plan.reasons
            let count = try plan.publishUnneededSecondary(minCell: policy.minCell, protectionLevel: policy.protectionLevel, auditor: auditor)
            let changed = before.indices.filter { before[$0] != plan.reasons[$0] }
            #expect(changed.count == count)
            // Only secondary cells change, and only from withheld to published.
            #expect(changed.allSatisfy { before[$0] == .secondary && plan.reasons[$0] == nil })
            // The pattern still passes the exact audit (no proving shortcut).
            let targets = plan.suppressed.map(AuditTarget.cell)
            for (target, interval) in zip(targets, try TableAuditor().intervals(of: targets, plan: plan)) {
                #expect(!plan.fails(target, interval, minCell: policy.minCell, protectionLevel: policy.protectionLevel))
            }
            publishedAgain += count
        }
        #expect(publishedAgain > 0)
    }

    /// The cleanup audits only the withheld cells linked to its candidate; a version that audits
    /// everything, exactly, must decide the same.
    @Test func auditingOnlyTheLinkedCellsDecidesAsAFullAudit() throws {
        var generator = SplitMix64(seed: 0x5151)
        for _ in 0..<20 {
            var plan = SuppressionPlan(table: try randomTable(&generator).table)
            plan.primarySuppression(minCell: 5)
            plan.groupDisclosure()
            plan.singletonPass()
            try plan.secondarySuppression(minCell: 5, protectionLevel: 5, auditor: TableAuditor(provingWidth: 5))
            var restricted = plan, full = plan
            try restricted.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: TableAuditor(provingWidth: 5))
            let tries = full.suppressed.filter { full.reasons[$0] == .secondary }
                .sorted { (full.table.counts[$0], $1) > (full.table.counts[$1], $0) }.prefix(SuppressionPlan.cleanupTries)
            for cell in tries {
                full.reasons[cell] = nil
                let targets = full.suppressed.map(AuditTarget.cell)
                let intervals = try TableAuditor().intervals(of: targets, plan: full)
                if zip(targets, intervals).contains(where: { full.fails($0.0, $0.1, minCell: 5, protectionLevel: 5) }) { full.reasons[cell] = .secondary }
            }
            #expect(restricted.reasons == full.reasons)
        }
    }
}
