import Testing
@testable import Disclosure

/// The cleanup decides without an audit a try that leaves an equation with one withheld member
/// (``SuppressionPlan/surelyFails(publishing:minCell:protectionLevel:linksReleases:)``). It must
/// decide as the audit would: the same cells published, on single and on linked tables.
@Suite("Cleanup tries that surely fail")
struct SureFailuresTests {
    /// Unit 10's "yes" (3) is primary; its rectangle with unit 11 and "no" is withheld as secondary.
    func plan() throws -> (SuppressionPlan, yes: Int, no: Int, elevenYes: Int) {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"]), try indicator()], counts: [
            ["10", "yes"]: 3, ["10", "no"]: 9, ["10", "not_determinable"]: 7,
            ["11", "yes"]: 8, ["11", "no"]: 6, ["11", "not_determinable"]: 9,
        ])
        var plan = SuppressionPlan(table: table)
        let yes = table.cellIndex(of: ["10", "yes"])!, no = table.cellIndex(of: ["10", "no"])!
        let elevenYes = table.cellIndex(of: ["11", "yes"])!
        plan.suppress(yes, .primary)
        for cell in [no, elevenYes, table.cellIndex(of: ["11", "no"])!] { plan.suppress(cell, .secondary) }
        return (plan, yes, no, elevenYes)
    }

    @Test func aLoneWithheldMemberLeftBehindFails() throws {
        let (plan, _, no, elevenYes) = try plan()
        // Either partner of the primary published again leaves it alone in its row or column.
        #expect(plan.surelyFails(publishing: [no], minCell: 5, protectionLevel: 5, linksReleases: false))
        #expect(plan.surelyFails(publishing: [elevenYes], minCell: 5, protectionLevel: 5, linksReleases: false))
        // Nothing published again: every row and column keeps two withheld.
        #expect(!plan.surelyFails(publishing: [], minCell: 5, protectionLevel: 5, linksReleases: false))
    }

    /// Two withheld parts of a published total holding three people between them: neither can be
    /// five wide.
    @Test func partsTooFewForTheProtectionLevelFail() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"]), try indicator()], counts: [
            ["10", "yes"]: 2, ["10", "no"]: 1, ["10", "not_determinable"]: 7,
            ["11", "yes"]: 8, ["11", "no"]: 6, ["11", "not_determinable"]: 9,
        ])
        var plan = SuppressionPlan(table: table)
        let cells = [["10", "yes"], ["10", "no"], ["10", "not_determinable"]].map { table.cellIndex(of: $0)! }
        plan.suppress(cells[0], .primary)
        plan.suppress(cells[1], .primary)
        plan.suppress(cells[2], .secondary)
        #expect(plan.surelyFails(publishing: [cells[2]], minCell: 5, protectionLevel: 5, linksReleases: false))
        #expect(!plan.surelyFails(publishing: [cells[2]], minCell: 3, protectionLevel: 3, linksReleases: false))
        // Earlier releases that already held unit 10's "yes" within 0…3 leave it to the audit.
        plan.earlierOnly[.cell(cells[0])] = FeasibleInterval(lower: 0, upper: 3)
        plan.earlierOnly[.cell(cells[1])] = FeasibleInterval(lower: 0, upper: 2)
        #expect(!plan.surelyFails(publishing: [cells[2]], minCell: 5, protectionLevel: 5, linksReleases: true))
    }

    /// A secondary cell pinned at 0 tells nobody's answer: its rule allows it, so the audit decides.
    /// The same cell holding two people fails.
    @Test(arguments: [(0, false), (2, true)])
    func aSecondaryZeroLeftAloneIsLeftToTheAudit(count: Int, fails: Bool) throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"]), try indicator()], counts: [
            ["10", "yes"]: 8, ["10", "no"]: count, ["10", "not_determinable"]: 7,
            ["11", "yes"]: 8, ["11", "no"]: 6, ["11", "not_determinable"]: 9,
        ])
        var plan = SuppressionPlan(table: table)
        let no = table.cellIndex(of: ["10", "no"])!, other = table.cellIndex(of: ["10", "not_determinable"])!
        plan.suppress(no, .secondary)
        plan.suppress(other, .secondary)
        #expect(plan.surelyFails(publishing: [other], minCell: 5, protectionLevel: 5, linksReleases: false) == fails)
    }

    /// With earlier releases the rule is to narrow nothing they left open: a member they already
    /// pin exactly may be left alone, and one without its interval from them is left to the audit.
    @Test func whatEarlierReleasesPinnedIsLeftToTheAudit() throws {
        var (plan, yes, _, elevenYes) = try plan()
        #expect(!plan.surelyFails(publishing: [elevenYes], minCell: 5, protectionLevel: 5, linksReleases: true))
        plan.earlierOnly[.cell(yes)] = FeasibleInterval(lower: 3, upper: 3)
        #expect(!plan.surelyFails(publishing: [elevenYes], minCell: 5, protectionLevel: 5, linksReleases: true))
        // Unit 11's "no" (6, as wide as the protection level asks of a sum, but alone) is exact.
        plan.earlierOnly[.cell(table11No(plan))] = FeasibleInterval(lower: 0, upper: 20)
        #expect(plan.surelyFails(publishing: [elevenYes], minCell: 5, protectionLevel: 5, linksReleases: true))
        plan.earlierOnly[.cell(table11No(plan))] = nil
        plan.earlierOnly[.cell(yes)] = FeasibleInterval(lower: 0, upper: 12)
        #expect(plan.surelyFails(publishing: [elevenYes], minCell: 5, protectionLevel: 5, linksReleases: true))
    }

    func table11No(_ plan: SuppressionPlan) -> Int { plan.table.cellIndex(of: ["11", "no"])! }

    /// A withheld total whose parts are all published again is their sum.
    @Test func aWithheldTotalWithEveryPartPublishedFails() throws {
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"])], counts: [["10"]: 6, ["11"]: 8])
        var plan = SuppressionPlan(table: table)
        let total = table.cellIndex(of: ["Total"])!, ten = table.cellIndex(of: ["10"])!
        plan.suppress(total, .groupDisclosure)
        plan.suppress(ten, .secondary)
        #expect(plan.surelyFails(publishing: [ten], minCell: 5, protectionLevel: 5, linksReleases: false))
    }

    /// Random single tables: the cleanup with and without the shortcut publishes the same cells,
    /// and the shortcut decides some tries.
    @Test func singleTablesPublishTheSameCells() throws {
        var generator = SplitMix64(seed: 0x5EF0_0001)
        var decided = 0
        for _ in 0..<40 {
            let random = try randomTable(&generator)
            var plan = SuppressionPlan(table: random.table)
            plan.primarySuppression(minCell: 5)
            plan.groupDisclosure()
            plan.singletonPass()
            let auditor = TableAuditor(provingWidth: 5)
            try plan.secondarySuppression(minCell: 5, protectionLevel: 5, auditor: auditor)
            decided += plan.suppressed.filter {
                plan.reasons[$0] == .secondary && plan.surelyFails(publishing: [$0], minCell: 5, protectionLevel: 5, linksReleases: false)
            }.count
            var skipping = plan, auditing = plan
            let count = try skipping.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor)
            #expect(count == (try auditing.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, skipsSureFailures: false)))
            #expect(skipping.reasons == auditing.reasons)
        }
        #expect(decided > 20)
    }

    /// Linked releases (a release by unit, then one by another grouping of the same people): the
    /// same cells, side by side or one after another.
    @Test(arguments: [true, false])
    func linkedReleasesPublishTheSameCells(sideBySide: Bool) throws {
        var decided = 0, published = 0
        for (_, _, plan, auditor) in try LinkedCleanupTests().pairsBeforeCleanup(seed: 0x5EF0_0002) {
            decided += plan.suppressed.filter {
                plan.reasons[$0] == .secondary && plan.surelyFails(publishing: [$0], minCell: 5, protectionLevel: 5, linksReleases: true)
            }.count
            var skipping = plan, auditing = plan
            let count = try skipping.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, groupSize: 8,
                                                              sideBySide: sideBySide)
            #expect(count == (try auditing.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, groupSize: 8,
                                                                    sideBySide: sideBySide, skipsSureFailures: false)))
            #expect(skipping.reasons == auditing.reasons)
            published += count
        }
        #expect(decided > 5)
        #expect(published > 0)
    }
}
