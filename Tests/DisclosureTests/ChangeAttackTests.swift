import Testing
import TestSupport
@testable import Disclosure

/// Threat model 5, tried as the reader would: every release so far, plus who joined or withdrew in
/// between (their unit, career group and year, not their answers), solved by ``Reader``'s linear
/// programs. After each release, nothing it protects may be narrower than the rules allow unless
/// the releases before it had already narrowed it as far.
@Suite("Releases with people joining and leaving between them")
struct ChangeAttackTests {
    struct Person {
        let unit: String, career: String, answer: String
        let entered: Int
        var withdrawn: Int?
    }

    static let universe: [String: Set<String>] = ["year": ["2024"], "unit": ["10", "11", "20", "21"],
                                                   "career_group": ["A", "B"], "mh": ["yes", "no", "not_determinable"]]
    static let groupings: [[String]] = [["unit"], ["career_group"], ["unit", "career_group"], []]

    static func table(_ people: [Person], by grouping: [String]) throws -> CountTable {
        var dimensions: [TableDimension] = []
        for name in grouping {
            dimensions.append(name == "unit" ? try units() : try .flat("career_group", leaves: ["A", "B"]))
        }
        dimensions.append(try indicator())
        var counts: [[String]: Int] = [:]
        for person in people where person.withdrawn == nil {
            counts[grouping.map { $0 == "unit" ? person.unit : person.career } + [person.answer], default: 0] += 1
        }
        return try CountTable(dimensions: dimensions, counts: counts, scope: CellDomain(["year": ["2024"]]))
    }

    /// The changes as the reader knows them when release `current` is made.
    static func changes(_ people: [Person], current: Int) -> PopulationChanges {
        var groups: [PopulationChanges.Group: Int] = [:]
        for person in people where person.entered > 0 || person.withdrawn != nil {
            let presence = PopulationChanges.Presence(first: person.entered, end: person.withdrawn)
            if let end = presence.end, end <= presence.first { continue }
            let context = ["year": "2024", "unit": person.unit, "career_group": person.career]
            groups[.init(context: context, presence: presence, count: 0), default: 0] += 1
        }
        return PopulationChanges(current: current, groups: groups.map { .init(context: $0.key.context, presence: $0.key.presence, count: $0.value) })
    }

    static func expectNothingNewIsExposed(_ released: [[ReleasedCell]], changes: PopulationChanges) {
        for exposure in Reader.exposures(released, changes: changes, universe: universe, answers: ("mh", ["yes", "no", "not_determinable"])) {
            Issue.record(Comment(rawValue: exposure))
        }
    }

    @Test(arguments: 0..<12)
    func randomSequencesWithLateEntriesAndWithdrawals(seed: Int) throws {
        try Self.randomSequence(seed: UInt64(seed) &+ 900, answers: ["yes", "no", "no", "not_determinable"], people: 25...60) { release in
            try protect(try Self.table(release.people, by: release.grouping), earlier: release.earlier, universe: Self.universe,
                        changes: release.changes)
        } check: { release, released in
            Self.expectNothingNewIsExposed(released, changes: release.changes)
        }
    }

    /// One release of ``randomSequence(seed:answers:people:protecting:check:)``.
    struct RandomRelease {
        let number: Int
        /// Everybody entered so far, the withdrawn included (``Person/withdrawn``).
        let people: [Person]
        let changes: PopulationChanges
        let grouping: [String]
        let earlier: [ReleasedCell]
    }

    /// Four releases by random groupings of people in 2024, with up to two late entries and maybe a
    /// withdrawal before each later one; `protecting` makes each release, `check` sees it with
    /// every release so far. Answers are drawn from `answers` (repeat a code to make it likelier).
    static func randomSequence(seed: UInt64, answers: [String], people count: ClosedRange<Int>,
                               protecting: (RandomRelease) throws -> ProtectedTable,
                               check: (RandomRelease, [[ReleasedCell]]) throws -> Void) throws {
        var generator = SplitMix64(seed: seed)
        func randomPerson(entered: Int) -> Person {
            let answer = answers.randomElement(using: &generator)!
            return Person(unit: ["10", "11", "20", "21"].randomElement(using: &generator)!,
                          career: ["A", "B"].randomElement(using: &generator)!, answer: answer, entered: entered)
        }
        var people = (0..<Int.random(in: count, using: &generator)).map { _ in randomPerson(entered: 0) }
        var released: [[ReleasedCell]] = []
        for number in 0..<4 {
            if number > 0 {
                for _ in 0..<Int.random(in: 0...2, using: &generator) { people.append(randomPerson(entered: number)) }
                if Bool.random(using: &generator), let index = people.indices.filter({ people[$0].withdrawn == nil }).randomElement(using: &generator) {
                    people[index].withdrawn = number
                }
            }
            let release = RandomRelease(number: number, people: people, changes: changes(people, current: number),
                                        grouping: groupings.randomElement(using: &generator)!, earlier: released.flatMap { $0 })
            released.append(try protecting(release).releasedCells.map { var cell = $0; cell.release = number; return cell })
            try check(release, released)
        }
    }

    /// Issue 9, finding 2: a baseline by career group, one late hire (B), the same table again. The
    /// late hire's answer must not follow from the difference of the two releases.
    @Test func aLateHireIsNotRevealedByReleasingTheSameTableAgain() throws {
        var people: [Person] = []
        for (index, answer) in ["yes", "no", "no", "not_determinable"].enumerated() {
            for unit in ["10", "11", "20", "21"] {
                for career in ["A", "B"] { people += Array(repeating: Person(unit: unit, career: career, answer: answer, entered: 0), count: 2 + index) }
            }
        }
        let first = try protect(try Self.table(people, by: ["career_group"]), universe: Self.universe)
        people.append(Person(unit: "20", career: "B", answer: "yes", entered: 1))
        let changes = Self.changes(people, current: 1)
        let earlier = first.releasedCells.map { var cell = $0; cell.release = 0; return cell }
        let second = try protect(try Self.table(people, by: ["career_group"]), earlier: earlier, universe: Self.universe, changes: changes)
        #expect(second[["B", "yes"]]?.status == .suppressed)
        Self.expectNothingNewIsExposed([earlier, second.releasedCells.map { var cell = $0; cell.release = 1; return cell }], changes: changes)
    }

    /// Issue 9, finding 2: after one withdrawal, releases by career group and by unit must not let a
    /// reader who knows who withdrew prove that person's answer.
    @Test func aWithdrawalIsNotRevealedByReleasesAfterIt() throws {
        var people: [Person] = []
        for (index, answer) in ["yes", "no", "not_determinable"].enumerated() {
            for unit in ["10", "11", "20", "21"] {
                for career in ["A", "B"] { people += Array(repeating: Person(unit: unit, career: career, answer: answer, entered: 0), count: 3 + index) }
            }
        }
        var released: [[ReleasedCell]] = []
        for (release, grouping) in [["career_group"], ["career_group"], ["unit"]].enumerated() {
            if release == 1 { people[0].withdrawn = 1 }
            let changes = Self.changes(people, current: release)
            let protected = try protect(try Self.table(people, by: grouping), earlier: released.flatMap { $0 },
                                        universe: Self.universe, changes: changes)
            released.append(protected.releasedCells.map { var cell = $0; cell.release = release; return cell })
            Self.expectNothingNewIsExposed(released, changes: changes)
        }
    }

    /// The full reader of threat model 5 over random monitoring sequences: baselines of one year and
    /// trends over both, two indicators derived from the same answers, random groupings, late entries
    /// (into either year) and withdrawals between releases; the reader knows every context's size.
    @Test(arguments: 0..<4)
    func randomMonitoringSequences(seed: Int) throws {
        try MonitoringSequence.run(seed: seed) { release in
            for exposure in Reader.exposures(release.released, changes: release.changes, universe: release.universe,
                                             answers: (release.indicator, ["yes", "no", "nd"]), rules: release.rules, sizes: release.sizes)
                + Reader.groupDisclosures(release.released, changes: release.changes, sizes: release.sizes, universe: release.universe,
                                          answers: (release.indicator, ["yes", "no"]), rules: release.rules) {
                Issue.record(Comment(rawValue: "seed \(seed): \(exposure)"))
            }
            // Group disclosure of the other indicator too: a release of one, read with earlier
            // releases of the other and the rules, must not prove that a context gave one answer.
            let other = release.indicator == "mh" ? "fn" : "mh"
            for exposure in Reader.groupDisclosures(release.released, changes: release.changes, sizes: release.sizesByIndicator[other]!,
                                                    universe: release.universe, answers: (other, ["yes", "no"]), rules: release.rules) {
                Issue.record(Comment(rawValue: "seed \(seed), \(other) through a release of \(release.indicator): \(exposure)"))
            }
        }
    }
}
