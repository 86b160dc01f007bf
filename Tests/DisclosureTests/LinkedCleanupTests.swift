import Testing
@testable import Disclosure

/// The linked steps of ``protect(_:policy:earlier:universe:changes:rules:)`` up to the cleanup, at
/// minimum cell and protection level 5, with or without leaving out unreachable targets.
func beforeCleanup(_ table: CountTable, earlier: [ReleasedCell], universe: [String: Set<String>],
                   skips: Bool) throws -> (SuppressionPlan, LinkedAuditor) {
    let auditor = LinkedAuditor(table: table, earlier: earlier, universe: universe, provingWidth: 5, skipsUntouched: skips)
    var plan = SuppressionPlan(table: table)
    plan.primarySuppression(minCell: 5)
    plan.groupDisclosure()
    try plan.applyLedger(auditor, protectionLevel: 5)
    plan.singletonPass()
    try plan.secondarySuppression(minCell: 5, protectionLevel: 5, auditor: auditor)
    return (plan, auditor)
}

/// The cleanup of a release linked to an earlier one tries its cells in groups; whatever it
/// publishes again must still pass the exact audit over both releases.
@Suite("Cleanup of a linked release in groups")
struct LinkedCleanupTests {
    /// Random people by unit × d × mh; the first release counts them by unit × mh, the second by
    /// d × mh, so the two share the people and only the mh margin.
    func releases(_ generator: inout SplitMix64) throws -> (first: ProtectedTable, second: CountTable) {
        let kinds = ["c0", "c1", "c2"], answers = ["yes", "no", "not_determinable"]
        var byUnit: [[String]: Int] = [:], byKind: [[String]: Int] = [:]
        for unit in ["10", "11", "20", "21"] {
            for kind in kinds {
                for answer in answers {
                    let count = Bool.random(using: &generator) ? 0 : Int.random(in: 1...9, using: &generator)
                    byUnit[[unit, answer], default: 0] += count
                    byKind[[kind, answer], default: 0] += count
                }
            }
        }
        let first = try protect(try CountTable(dimensions: [try units(), try indicator()], counts: byUnit))
        let second = try CountTable(dimensions: [try .flat("d", leaves: kinds), try indicator()], counts: byKind)
        return (first, second)
    }

    /// Twelve random pairs of releases, each with the second's plan and auditor before its cleanup.
    func pairsBeforeCleanup(seed: UInt64) throws -> [(first: ProtectedTable, second: CountTable, plan: SuppressionPlan, auditor: LinkedAuditor)] {
        var generator = SplitMix64(seed: seed)
        return try (0..<12).map { _ in
            let (first, second) = try releases(&generator)
            let (plan, auditor) = try beforeCleanup(second, earlier: first.releasedCells, universe: [:], skips: true)
            return (first, second, plan, auditor)
        }
    }

    @Test func publishedGroupsPassTheExactAudit() throws {
        var publishedAgain = 0
        for (first, second, given, auditor) in try pairsBeforeCleanup(seed: 0x6C1E_A000) {
            var plan = given
            let before = plan.reasons
            let count = try plan.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, groupSize: 4)
            let changed = before.indices.filter { before[$0] != plan.reasons[$0] }
            #expect(changed.count == count)
            #expect(changed.allSatisfy { before[$0] == .secondary && plan.reasons[$0] == nil })
            // The exact audit (no proving shortcut) over every target still passes.
            let exact = LinkedAuditor(table: second, earlier: first.releasedCells, universe: [:], provingWidth: nil)
            let targets = plan.suppressed.map(AuditTarget.cell) + exact.extraTargets
            let failing = try plan.failing(targets, try exact.intervals(of: targets, plan: plan),
                                           minCell: 5, protectionLevel: 5, auditor: exact)
            #expect(failing.isEmpty, "\(failing.map { exact.describe($0.0) })")
            publishedAgain += count
        }
        #expect(publishedAgain > 0)
    }

    /// A group that fails is halved down to single cells, so grouping loses little: on these
    /// releases it publishes at least as many cells in total as trying each cell alone. (Measured,
    /// not a theorem: a group accepted together can stop a later cell that alone would pass.)
    @Test func groupsPublishAsMuchAsSingleTries() throws {
        var grouped = 0, single = 0
        for (_, _, plan, auditor) in try pairsBeforeCleanup(seed: 0x6C1E_A001) {
            var inGroups = plan, alone = plan
            grouped += try inGroups.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, groupSize: 8)
            single += try alone.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, groupSize: 1)
        }
        #expect(single > 0)
        #expect(grouped >= single, "grouped \(grouped), alone \(single)")
    }

    /// Two screens at once (a group, and beside it the first half that follows if it fails) decide
    /// exactly as one screen after another.
    @Test func screensSideBySideDecideAsOneAfterAnother() throws {
        var published = 0
        for (_, _, plan, auditor) in try pairsBeforeCleanup(seed: 0x51DE_B51D) {
            var together = plan, oneByOne = plan
            let count = try together.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, groupSize: 8)
            #expect(count == (try oneByOne.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor, groupSize: 8,
                                                                      sideBySide: false)))
            #expect(together.reasons == oneByOne.reasons)
            published += count
        }
        #expect(published > 0)
    }
}

/// The linked audit leaves out targets that no pattern of the new table can narrow; leaving them
/// in must decide exactly the same.
@Suite("Targets a new table cannot reach")
struct UntouchedTargetsTests {
    /// Runs the linked steps of ``protect(_:policy:earlier:universe:changes:rules:)`` with or
    /// without the skipping, and returns the plan and how many extra targets were audited.
    func protectLinked(_ table: CountTable, earlier: [ReleasedCell], universe: [String: Set<String>],
                       skips: Bool) throws -> (plan: SuppressionPlan, targets: Int) {
        var (plan, auditor) = try beforeCleanup(table, earlier: earlier, universe: universe, skips: skips)
        try plan.publishUnneededSecondary(minCell: 5, protectionLevel: 5, auditor: auditor)
        return (plan, auditor.extraTargets.count)
    }

    /// Two hiring years: a baseline by unit each year, then a trend over both years (with its
    /// all-years total), then the second year by unit again.
    @Test func skippingDecidesAsAuditingEverything() throws {
        var generator = SplitMix64(seed: 0x0A11_0000)
        var skippedSomewhere = false
        for _ in 0..<6 {
            var people: [[String]: Int] = [:]   // year, unit, mh
            for year in ["2023", "2024"] {
                for unit in ["10", "11", "20", "21"] {
                    for answer in ["yes", "no", "not_determinable"] where Bool.random(using: &generator) {
                        people[[year, unit, answer]] = Int.random(in: 1...9, using: &generator)
                    }
                }
            }
            func byUnit(_ year: String) throws -> CountTable {
                var counts: [[String]: Int] = [:]
                for (key, count) in people where key[0] == year { counts[[key[1], key[2]], default: 0] += count }
                return try CountTable(dimensions: [try units(), try indicator()], counts: counts,
                                      scope: CellDomain(["year": [year]]))
            }
            var trend: [[String]: Int] = [:]
            for (key, count) in people { trend[[key[0], key[2]], default: 0] += count }
            let tables = [try byUnit("2023"), try byUnit("2024"),
                          try CountTable(dimensions: [try .flat("year", leaves: ["2023", "2024"]), try indicator()],
                                         counts: trend, scope: CellDomain(["year": ["2023", "2024"]])),
                          try byUnit("2024")]
            let universe: [String: Set<String>] = ["year": ["2023", "2024"]]
            var earlier: [ReleasedCell] = []
            for table in tables {
                if earlier.isEmpty {
                    earlier = try protect(table).releasedCells
                    continue
                }
                let skipping = try protectLinked(table, earlier: earlier, universe: universe, skips: true)
                let full = try protectLinked(table, earlier: earlier, universe: universe, skips: false)
                #expect(skipping.plan.reasons == full.plan.reasons)
                if skipping.targets < full.targets { skippedSomewhere = true }
                earlier += ProtectedTable(plan: skipping.plan, policy: DisclosurePolicy()).releasedCells
            }
        }
        #expect(skippedSomewhere)
    }
}

/// A trend's total over years is not part of its release (``CountTable/isOmitted(_:)``).
@Suite("Omitted totals")
struct OmittedTotalsTests {
    func trend(_ counts: [[String]: Int]) throws -> CountTable {
        try CountTable(dimensions: [try .flat("year", leaves: ["2023", "2024"]), try indicator()], counts: counts,
                       scope: CellDomain(["year": ["2023", "2024"]]), omittingTotalsOf: ["year"])
    }

    @Test func theTotalOverYearsIsNeitherPublishedNorWithheldNorUsable() throws {
        let table = try trend([["2023", "yes"]: 2, ["2023", "no"]: 9, ["2024", "yes"]: 7, ["2024", "no"]: 8])
        let protected = try protect(table)
        let omitted = protected.cells.filter { $0.status == .omitted }
        #expect(omitted.map { $0.coordinates[0] } == ["Total", "Total", "Total", "Total"])
        #expect(omitted.allSatisfy { $0.published == nil && $0.reason == nil })
        #expect(protected.releasedCells.count == protected.cells.count - 4)
        #expect(!protected.releasedCells.contains { $0.domain.restrictions["year"] == ["2023", "2024"] })
        // No equation runs through the omitted total: 2023 alone must hide its "yes" of 2.
        #expect(table.allEquations.allSatisfy { !$0.members.contains(where: table.isOmitted) })
        #expect(protected[["2023", "yes"]]?.status == .suppressed)
        try LinkedTablesTests().expectProtected(protected.releasedCells)
    }

    @Test func anUnknownDimensionCannotBeOmitted() {
        #expect(throws: DisclosureError.self) {
            try CountTable(dimensions: [try indicator()], counts: [:], omittingTotalsOf: ["year"])
        }
    }

    /// Without the total, a trend that adds a year reaches only that year: the earlier year's
    /// pieces are not audited again.
    @Test func aTrendWithoutTotalsReachesOnlyTheNewYear() throws {
        let first = try protect(try CountTable(dimensions: [try units(), try indicator()],
                                               counts: [["10", "yes"]: 3, ["10", "no"]: 6, ["11", "no"]: 9, ["20", "yes"]: 7,
                                                        ["21", "not_determinable"]: 5],
                                               scope: CellDomain(["year": ["2023"]])))
        let counts: [[String]: Int] = [["2023", "yes"]: 10, ["2023", "no"]: 15, ["2023", "not_determinable"]: 5,
                                       ["2024", "yes"]: 4, ["2024", "no"]: 12]
        let universe: [String: Set<String>] = ["year": ["2023", "2024"]]
        let withTotal = try CountTable(dimensions: [try .flat("year", leaves: ["2023", "2024"]), try indicator()], counts: counts,
                                       scope: CellDomain(["year": ["2023", "2024"]]))
        let linked = LinkedAuditor(table: withTotal, earlier: first.releasedCells, universe: universe, provingWidth: 5)
        let omitted = LinkedAuditor(table: try trend(counts), earlier: first.releasedCells, universe: universe, provingWidth: 5)
        func reaches2023(_ auditor: LinkedAuditor) -> Bool {
            auditor.extraTargets.contains { target in
                guard case .atom(let atom) = target else { return false }
                return auditor.atoms.codes(of: atom)["year"] == ["2023"]
            }
        }
        #expect(reaches2023(linked))
        #expect(!reaches2023(omitted))
    }
}
