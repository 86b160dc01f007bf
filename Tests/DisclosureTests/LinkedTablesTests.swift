import Foundation
import Testing
@testable import Disclosure

/// The differencing suite: a second release over the same microdata must not undo the first.
@Suite("Linked tables and the release ledger")
struct LinkedTablesTests {
    /// Units 10, 11 (Dezernat I) and 20, 21 (Dezernat II); unit 10 has 3 people.
    func firstRelease() throws -> ProtectedTable {
        try protect(try CountTable(dimensions: [try units()],
                                   counts: [["10"]: 3, ["11"]: 9, ["20"]: 8, ["21"]: 7]))
    }

    /// (i) Dezernat I (12) is published with 10 and 11 suppressed; a later table of "every unit but
    /// 10" would give 11 = 9 and hence 10 = 12 − 9 = 3.
    @Test func subunitRemovedInASecondReleaseIsNotRevealed() throws {
        let first = try firstRelease()
        #expect(suppressionMap(first) == ["10": .primary, "11": .secondary])
        let second = try CountTable(dimensions: [try .flat("unit", leaves: ["11", "20", "21"])],
                                    counts: [["11"]: 9, ["20"]: 8, ["21"]: 7])

        // Protected on its own, the second table would publish everything and leak unit 10.
        let naive = try protect(second)
        #expect(naive.suppressedCells.isEmpty)
        let leaked = try IntervalAudit.intervals(of: first.releasedCells + naive.releasedCells)
        #expect(leaked.first { $0.domain == CellDomain(["unit": ["10"]]) }?.interval.description == "[3, 3]")

        // With the ledger: 11 stays suppressed, and so must the total (20 and 21 are known already).
        let linked = try protect(second, earlier: first.releasedCells)
        #expect(suppressionMap(linked) == ["11": .ledger, "Total": .secondary])
        try expectProtected(first.releasedCells + linked.releasedCells)
    }

    /// (ii) Hires of 2023 by unit, then the cumulative 2023–2024 table: the difference is the 2024
    /// table, whose unit 10 holds only 2 people.
    @Test func cumulativeTotalsDoNotRevealTheNewYear() throws {
        let unit = try TableDimension.flat("unit", leaves: ["10", "11", "12"])
        let first = try protect(try CountTable(dimensions: [unit], counts: [["10"]: 20, ["11"]: 30, ["12"]: 25],
                                               scope: CellDomain(["year": ["2023"]])))
        #expect(first.suppressedCells.isEmpty)
        let second = try CountTable(dimensions: [unit], counts: [["10"]: 22, ["11"]: 36, ["12"]: 31],
                                    scope: CellDomain(["year": ["2023", "2024"]]))

        let naive = try protect(second)
        #expect(try IntervalAudit.differencingRisks(in: first.releasedCells + naive.releasedCells)
                == [ExposedGroup(description: "unit ∈ {10}, year ∈ {2024}",
                                 interval: FeasibleInterval(lower: 2, upper: 2))])

        let linked = try protect(second, earlier: first.releasedCells)
        #expect(suppressionMap(linked) == ["10": .secondary, "12": .secondary])
        try expectProtected(first.releasedCells + linked.releasedCells)
    }

    /// (iii) Career groups for the whole administration, then unit × career group for Dezernat II:
    /// career group B minus Dezernat II's B leaves unit 10 × B = 2. Unit 10 appears in neither
    /// table, so the unit code list is passed as the universe.
    @Test func careerGroupsThenUnitsDoNotRevealAUnitGroupCell() throws {
        let universe: [String: Set<String>] = ["unit": ["10", "11", "12"]]
        let career = try TableDimension.flat("career_group", leaves: ["A", "B"])
        let first = try protect(try CountTable(dimensions: [career], counts: [["A"]: 50, ["B"]: 12]))
        #expect(first.suppressedCells.isEmpty)
        let second = try CountTable(dimensions: [try .flat("unit", leaves: ["11", "12"]), career], counts: [
            ["11", "A"]: 20, ["11", "B"]: 5, ["12", "A"]: 20, ["12", "B"]: 5,
        ])

        let naive = try protect(second)
        #expect(naive.suppressedCells.isEmpty)
        #expect(try IntervalAudit.differencingRisks(in: first.releasedCells + naive.releasedCells, universe: universe)
                == [ExposedGroup(description: "career_group ∈ {B}, unit ∈ {10}",
                                 interval: FeasibleInterval(lower: 2, upper: 2))])
        // Without the universe, unit 10 "does not exist" and the two releases contradict each other.
        #expect(throws: DisclosureError.inconsistentReleases("published figures contradict each other (a sum is off by 2)")) {
            _ = try protect(second, earlier: first.releasedCells)
        }

        let linked = try protect(second, earlier: first.releasedCells, universe: universe)
        #expect(suppressionMap(linked) == ["11/A": .secondary, "11/B": .secondary, "12/A": .secondary,
                                           "12/B": .secondary, "Total/A": .secondary, "Total/B": .secondary])
        try expectProtected(first.releasedCells + linked.releasedCells, universe: universe)
    }

    /// A cell of a new table counting the same people as an earlier suppressed cell stays
    /// suppressed, even when the tables differ (here the new one adds a career-group dimension).
    @Test func sameCellInAnotherTableKeepsItsSuppression() throws {
        let first = try protect(try CountTable(dimensions: [try units()],
                                               counts: [["10"]: 1, ["11"]: 3, ["20"]: 6, ["21"]: 9]))
        #expect(suppressionMap(first) == ["10": .primary, "11": .primary, "I": .primary,
                                          "II": .secondary, "20": .secondary])
        let second = try CountTable(dimensions: [try units(), try .flat("career_group", leaves: ["A", "B"])], counts: [
            ["10", "A"]: 1, ["11", "B"]: 3, ["20", "A"]: 6, ["21", "A"]: 5, ["21", "B"]: 4,
        ])
        let linked = try protect(second, earlier: first.releasedCells)
        #expect(linked[["II", "Total"]]?.reason == .ledger)
        #expect(linked[["20", "Total"]]?.reason == .ledger)
        #expect(linked[["I", "Total"]]?.reason == .primary)
        #expect(linked[["Total", "Total"]]?.published == 19)
        try expectProtected(first.releasedCells + linked.releasedCells)
    }

    /// A cell that earlier releases alone already pin is withheld, and the release goes ahead: it
    /// tells nothing the earlier releases did not (no refusal, which would itself say something).
    @Test func aCellEarlierReleasesPinIsWithheldNotRefused() throws {
        // The earlier releases published 27 for everyone and 24 for units 11, 20, 21 - so unit 10 = 3
        // is known; a new table by unit cannot hide it, and must not be refused for it.
        let earlier = [
            ReleasedCell(domain: CellDomain(["unit": ["10", "11", "20", "21"]]), status: .published, value: 27, release: 0),
            ReleasedCell(domain: CellDomain(["unit": ["11", "20", "21"]]), status: .published, value: 24, release: 1),
        ]
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11", "20", "21"])],
                                   counts: [["10"]: 3, ["11"]: 9, ["20"]: 8, ["21"]: 7])
        let protected = try protect(table, earlier: earlier)
        #expect(protected.suppressedCells.map(\.coordinates) == [["10"]])
        #expect(protected[["Total"]]?.published == 27)
    }

    @Test func contradictoryReleasesAreReported() throws {
        let earlier = [ReleasedCell(domain: CellDomain(["unit": ["10", "11"]]), status: .published, value: 40)]
        let table = try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"])],
                                   counts: [["10"]: 3, ["11"]: 9])
        // Presolve or the solver finds the contradiction, depending on which audit meets it first.
        let error = #expect(throws: DisclosureError.self) { _ = try protect(table, earlier: earlier) }
        guard case .inconsistentReleases = error else {
            Issue.record("expected inconsistent releases, got \(String(describing: error))")
            return
        }
    }

    @Test func ledgerRecordsAreCodableAndCarryRanges() throws {
        var policy = DisclosurePolicy()
        policy.roundingBase = 5
        let released = try protect(try CountTable(dimensions: [try .flat("unit", leaves: ["10", "11"])],
                                                  counts: [["10"]: 13, ["11"]: 9]), policy: policy).releasedCells
        #expect(released.map(\.value) == [20, 15, 10])
        #expect(released.map(\.knownRange) == [18...22, 13...17, 8...12])
        #expect(released.map(\.status) == [.rounded, .rounded, .rounded])
        let decoded = try JSONDecoder().decode([ReleasedCell].self, from: JSONEncoder().encode(released))
        #expect(decoded == released)
        let suppressed = ReleasedCell(domain: .all, status: .suppressed, value: 4)
        #expect(suppressed.value == nil && suppressed.knownRange == nil)
    }

    func expectProtected(_ releases: [ReleasedCell], universe: [String: Set<String>] = [:],
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let audit = try IntervalAudit.intervals(of: releases, universe: universe)
        #expect(!audit.isEmpty, sourceLocation: sourceLocation)
        for cell in audit {
            #expect(cell.interval.protects(5), "\(cell.domain): \(cell.interval)", sourceLocation: sourceLocation)
        }
        #expect(try IntervalAudit.differencingRisks(in: releases, universe: universe).isEmpty,
                sourceLocation: sourceLocation)
    }
}

/// Zeros withheld to hide that a group answered alike stay hidden across releases (review findings).
@Suite("Group-disclosure zeros across releases")
struct GroupZerosAcrossReleasesTests {
    /// Earlier, rounded figures narrow (10, no) to [0, 4] — narrow, but not zero. The new release
    /// must not be the one that pins it at zero: it is refused, or the cell stays open.
    @Test func aNarrowButNotZeroCellIsNotPinnedAtZero() throws {
        let units = try TableDimension.flat("unit", leaves: ["10", "11", "12"])
        let table = try CountTable(dimensions: [units, try indicator()], counts: [
            ["10", "yes"]: 6, ["11", "yes"]: 7, ["11", "no"]: 8, ["12", "yes"]: 9, ["12", "no"]: 6, ["12", "not_determinable"]: 5,
        ])
        func rounded(_ units: Set<String>, _ value: Int) -> ReleasedCell {
            ReleasedCell(domain: CellDomain(["unit": units, "mh": ["no"]]), status: .rounded, value: value,
                         knownRange: Rounding.knownRange(ofRounded: value, base: 5))
        }
        let earlier = [rounded(["10", "11"], 10), rounded(["11"], 10), rounded(["12"], 5), rounded(["10", "11", "12"], 15)]
        let target = CellDomain(["unit": ["10"], "mh": ["no"]])
        let alone = try IntervalAudit.intervals(of: earlier + [ReleasedCell(domain: target, status: .suppressed, value: nil)])
        #expect(alone.first?.interval.upper ?? 0 > 0)
        do {
            let protected = try protect(table, earlier: earlier)
            let joint = try IntervalAudit.intervals(of: earlier + protected.releasedCells + [ReleasedCell(domain: target, status: .suppressed, value: nil)])
            for cell in joint where cell.domain == target { #expect(cell.interval.upper > 1e-6, "\(cell.interval)") }
        } catch DisclosureError.differencingRisk {
            // Refusing is the right answer when nothing else can keep the zero hidden.
        }
    }

    /// The regrouped second releases of the review's search (seed 0x1234_0001): no zero the first
    /// release withheld for group disclosure is pinned at zero by the two together.
    @Test func earlierGroupZerosStayOpenAfterARegroupedRelease() throws {
        var generator = SplitMix64(seed: 0x1234_0001)
        var checked = 0
        for _ in 0..<100 {
            let random = try randomTable(&generator)
            let first = try protect(random.table)
            guard let linked = try? protect(try regroupedRelease(of: random, &generator), earlier: first.releasedCells) else { continue }
            let groupZeros = Set(first.cells.filter { $0.reason == .groupDisclosure && $0.confidentialCount == 0 }.map(\.domain))
            for cell in try IntervalAudit.intervals(of: first.releasedCells + linked.releasedCells) where groupZeros.contains(cell.domain) {
                #expect(cell.interval.protects(5), "\(cell.domain): \(cell.interval)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }
}
