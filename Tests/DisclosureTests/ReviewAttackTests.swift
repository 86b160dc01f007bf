import Testing
import TestSupport
@testable import Disclosure

/// Review of the cross-release protection (issue 9), as an attacker: scenarios the audit and the
/// independent reader (``Reader``) do not look at. Each test states what the reader of threat model 5
/// learns; a failing expectation is a finding.
@Suite("Review: attacks on the cross-release protection")
struct ReviewAttackTests {
    typealias Person = ChangeAttackTests.Person

    static func base(_ perCell: Int) -> [Person] {
        var people: [Person] = []
        for unit in ["10", "11", "20", "21"] {
            for career in ["A", "B"] {
                for answer in ["yes", "no", "not_determinable"] {
                    people += Array(repeating: Person(unit: unit, career: career, answer: answer, entered: 0), count: perCell)
                }
            }
        }
        return people
    }

    static func release(_ people: [Person], by grouping: [String], epoch: Int, after released: [[ReleasedCell]]) throws -> [ReleasedCell] {
        let changes = ChangeAttackTests.changes(people, current: epoch)
        let protected = try protect(try ChangeAttackTests.table(people, by: grouping), earlier: released.flatMap { $0 },
                                    universe: ChangeAttackTests.universe, changes: changes)
        return protected.releasedCells.map { var cell = $0; cell.release = epoch; return cell }
    }

    /// Finding (fixed: `LinkedAuditor.changeCells` covers every pair of releases): change cells were
    /// audited per presence, never per pair of releases. Two people join
    /// unit 10 (one after release 0, one after release 1); release 1 must withhold unit 10, release 2
    /// publishes it again. Each person's own change cell keeps [0, 1], so the audit passes, but
    /// release 2 minus release 0 is the change "joined unit 10 since release 0": the reader learns
    /// that exactly one of the two has a migration background and the other has not — a change
    /// cell of 1 person narrowed to width 0. ``Reader/exposures(_:changes:universe:answers:rules:level:)``
    /// does not look at sums over presences either, so the existing attack tests cannot see this.
    /// (An indicator with two categories, so that no category of the two is pinned at zero.)
    @Test func theChangeBetweenTwoNonAdjacentReleasesIsNotProtected() throws {
        let universe: [String: Set<String>] = ["year": ["2024"], "unit": ["10", "11", "20", "21"], "mh": ["yes", "no"]]
        var people: [(unit: String, answer: String, entered: Int)] = []
        for unit in ["10", "11", "20", "21"] { for answer in ["yes", "no"] { people += Array(repeating: (unit, answer, 0), count: 12) } }
        var released: [[ReleasedCell]] = []
        var changes = PopulationChanges.none
        for epoch in 0..<3 {
            if epoch == 1 { people.append(("10", "yes", 1)) }
            if epoch == 2 { people.append(("10", "no", 2)) }
            changes = PopulationChanges(current: epoch, groups: people.filter { $0.entered > 0 }.map {
                .init(context: ["year": "2024", "unit": $0.unit], presence: .init(first: $0.entered, end: nil), count: 1)
            })
            var counts: [[String]: Int] = [:]
            for person in people { counts[[person.unit, person.answer], default: 0] += 1 }
            let table = try CountTable(dimensions: [try units(), try .categories("mh", codes: ["yes", "no"])], counts: counts,
                                       scope: CellDomain(["year": ["2024"]]))
            let protected = try protect(table, earlier: released.flatMap { $0 }, universe: universe, changes: changes)
            released.append(protected.releasedCells.map { var cell = $0; cell.release = epoch; return cell })
        }
        // The Reader now checks the changes between every two releases too, and finds nothing.
        let exposures = Reader.exposures(released, changes: changes, universe: universe, answers: ("mh", ["yes", "no"]))
        #expect(exposures.isEmpty, "\(exposures)")
        // The change since release 0, as the reader computes it: release 2 minus release 0.
        var before = Reader(universe: universe, changes: changes)
        for cells in released.dropLast() { before.read(cells) }
        var after = before
        after.read(released[2])
        for answer in ["yes", "no"] {
            let domain = CellDomain(["year": ["2024"], "unit": ["10"], "mh": [answer]])
            let joined = after.columns(in: domain, presences: ["1-now", "2-now"])
            let was = before.interval(of: joined), now = after.interval(of: joined)
            #expect(now.protects(5) || now.covers(was),
                    "the 2 people who joined unit 10 since release 0: '\(answer)' narrowed from \(was) to \(now)")
        }
    }

    /// Finding (group disclosure among the changed people): the atom rule lets an atom be pinned at
    /// min_cell or more, and change cells exist only for released groupings. Random sequences where
    /// several people join one context with the same answer, read by ``Reader`` (which checks every
    /// changed context × answer).
    @Test(arguments: 0..<16)
    func bulkLateEntriesOfOneContext(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) &+ 4242)
        var people = Self.base(Int.random(in: 2...5, using: &generator))
        var released: [[ReleasedCell]] = []
        for epoch in 0..<4 {
            if epoch > 0 {
                for _ in 0..<Int.random(in: 1...2, using: &generator) {
                    let unit = ["10", "11", "20", "21"].randomElement(using: &generator)!
                    let career = ["A", "B"].randomElement(using: &generator)!
                    let answer = ["yes", "no"].randomElement(using: &generator)!
                    people += Array(repeating: Person(unit: unit, career: career, answer: answer, entered: epoch),
                                    count: Int.random(in: 5...7, using: &generator))
                }
            }
            let grouping = ChangeAttackTests.groupings.randomElement(using: &generator)!
            released.append(try Self.release(people, by: grouping, epoch: epoch, after: released))
            let changes = ChangeAttackTests.changes(people, current: epoch)
            for exposure in Reader.exposures(released, changes: changes, universe: ChangeAttackTests.universe,
                                             answers: ("mh", ["yes", "no", "not_determinable"])) {
                Issue.record(Comment(rawValue: "seed \(seed) \(grouping): \(exposure)"))
            }
        }
    }
    /// Suspicion (integrality): the audit and ``Reader`` both solve linear relaxations and compare
    /// real widths, but counts are integers: an interval [0.5, 5.5] passes `protects(5)` while a
    /// reader who rounds inward knows [1, 5]. Random monitoring sequences with two indicators and
    /// their derivation rules (the structure most likely to give fractional vertices): every
    /// withheld cell whose LP interval passes but whose integer rounding is narrower than the
    /// protection level, where the rounding before the release was not. Not demonstrated: 16 seeds
    /// give hundreds of fractional LP bounds but no such case (rounding inward is itself weaker than
    /// an integer program); kept at 4 seeds as a record.
    @Test(arguments: 0..<4)
    func fractionalBoundsHideIntegerNarrowing(seed: Int) throws {
        func rounded(_ interval: FeasibleInterval) -> FeasibleInterval {
            FeasibleInterval(lower: (interval.lower - 1e-6).rounded(.up), upper: interval.upper.isInfinite ? .infinity : (interval.upper + 1e-6).rounded(.down))
        }
        var fractional = 0
        try MonitoringSequence.run(seed: seed) { sequence in
            let released = sequence.released, changes = sequence.changes, indicator = sequence.indicator, release = sequence.number
            var before = Reader(universe: sequence.universe, changes: changes, rules: sequence.rules)
            before.know(sequence.sizes, current: changes.current)
            for cells in released.dropLast() { before.read(cells) }
            var after = before
            after.read(released.last!)
            func check(_ columns: [Int], _ what: String) {
                let now = after.interval(of: columns), was = before.interval(of: columns)
                if now.lower != now.lower.rounded() || (now.upper.isFinite && now.upper != now.upper.rounded()) { fractional += 1 }
                let real = now.protects(5) || now.covers(was)
                let integer = rounded(now).protects(5) || rounded(now).covers(rounded(was))
                if real && !integer {
                    Issue.record("seed \(seed) release \(release): \(what): LP [\(now.lower), \(now.upper)] (before [\(was.lower), \(was.upper)]), integer ⊆ [\(rounded(now).lower), \(rounded(now).upper)]")
                }
            }
            for cells in released {
                for cell in cells where cell.knownRange == nil {
                    check(after.columns(in: cell.domain, presences: after.counted(by: cell.release)), "withheld \(cell.domain)")
                }
            }
            for group in changes.groups {
                for answer in ["yes", "no", "nd"] {
                    var domain = CellDomain(group.context.mapValues { [$0] })
                    domain.restrict(indicator, to: [answer])
                    check(after.columns(in: domain, presences: [group.presence.description]), "\(answer) among \(group.count) changed in \(group.context)")
                }
            }
        }
        print("review: seed \(seed): \(fractional) fractional LP bounds among withheld cells")
    }
}
