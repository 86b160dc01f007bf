import Testing
import TestSupport
@testable import Disclosure

/// Issue 14, red-team finding 1, tried as HR would: HR typed some questionnaires itself, so it knows
/// those answers exactly, and subtracts them from every published figure to learn what the new
/// hires who answered an invitation alone said. ``Reader`` knows the entered answers as rows of its
/// own linear program (``Reader/know(_:)``) and shares no code with the audit.
@Suite("The reader who entered some answers itself")
struct EnteredAnswersAttackTests {
    struct Person {
        let unit: String, career: String, answer: String
        let byHR: Bool
        let entered: Int
        var withdrawn: Int?
    }

    static let universe = ChangeAttackTests.universe.merging([Reader.enteredBy: ["hr", "alone"]]) { $1 }

    static func known(_ people: [Person], current: Int = 0) -> KnownAnswers {
        var groups: [KnownAnswers.Group: Int] = [:], alone: [KnownAnswers.Group: Int] = [:]
        for person in people {
            let presence = person.entered > 0 || person.withdrawn != nil
                ? PopulationChanges.Presence(first: person.entered, end: person.withdrawn) : nil
            if let end = presence?.end, end <= presence!.first { continue }
            var context = ["year": "2024", "unit": person.unit, "career_group": person.career]
            if person.byHR {
                context["mh"] = person.answer
                groups[.init(context: context, presence: presence, count: 0), default: 0] += 1
            } else {
                alone[.init(context: context, presence: presence, count: 0), default: 0] += 1
            }
        }
        func grouped(_ counts: [KnownAnswers.Group: Int]) -> [KnownAnswers.Group] {
            counts.map { .init(context: $0.key.context, presence: $0.key.presence, count: $0.value) }
        }
        return KnownAnswers(groups: grouped(groups), answeredAlone: grouped(alone))
    }

    static func asChangePeople(_ people: [Person]) -> [ChangeAttackTests.Person] {
        people.map { .init(unit: $0.unit, career: $0.career, answer: $0.answer, entered: $0.entered, withdrawn: $0.withdrawn) }
    }

    /// Unit 10: HR typed ten questionnaires, five with and five without a migration background; one
    /// invitee answered alone. Every figure is at least 5, so nothing is withheld for size.
    static let unit10: [Person] = (0..<5).map { _ in Person(unit: "10", career: "A", answer: "yes", byHR: true, entered: 0) }
        + (0..<5).map { _ in Person(unit: "10", career: "A", answer: "no", byHR: true, entered: 0) }
        + [Person(unit: "10", career: "A", answer: "yes", byHR: false, entered: 0)]
        + (0..<12).map { Person(unit: $0 < 6 ? "11" : "20", career: "B", answer: $0 % 2 == 0 ? "yes" : "no", byHR: true, entered: 0) }

    @Test func withoutTheKnownAnswersHRReadsTheInviteesAnswer() throws {
        let table = try ChangeAttackTests.table(Self.asChangePeople(Self.unit10), by: ["unit"])
        let released = [try protect(table, universe: Self.universe).releasedCells.map { var cell = $0; cell.release = 0; return cell }]
        let found = Reader.exposuresOfAnswersGivenAlone(released, known: Self.known(Self.unit10), changes: .none, universe: Self.universe, answerVariables: ["mh"])
        // The reader is able to find the breach the audit must close: this test fails if it cannot.
        #expect(!found.isEmpty)
    }

    @Test func withTheKnownAnswersHRLearnsNothingOfTheInvitee() throws {
        let table = try ChangeAttackTests.table(Self.asChangePeople(Self.unit10), by: ["unit"])
        let protected = try protect(table, universe: Self.universe, known: Self.known(Self.unit10))
        let released = [protected.releasedCells.map { var cell = $0; cell.release = 0; return cell }]
        let found = Reader.exposuresOfAnswersGivenAlone(released, known: Self.known(Self.unit10), changes: .none, universe: Self.universe, answerVariables: ["mh"])
        #expect(found.isEmpty, "\(found)")
        // Unit 10's answers are withheld, and nobody else loses more than needed to hide them.
        let yes10 = protected.cells.first { $0.coordinates == ["10", "yes"] }
        #expect(yes10?.status == .suppressed)
        // Everybody else is still protected as before.
        #expect(Reader.exposures(released, changes: .none, universe: Self.universe, answers: ("mh", ["yes", "no", "not_determinable"])).isEmpty)
    }

    /// Red team, stop 21: HR typed five "no" in unit 10 and five new hires there answered alone,
    /// all "yes". A published "yes" of 5 would tell HR that every one of them has a migration
    /// background: group disclosure applies to the parts that answered alone too.
    @Test func everyInviteeOfAUnitGivingOneAnswerIsNotReadOff() throws {
        let people = (0..<5).map { _ in Person(unit: "10", career: "A", answer: "no", byHR: true, entered: 0) }
            + (0..<5).map { _ in Person(unit: "10", career: "A", answer: "yes", byHR: false, entered: 0) }
            + (0..<24).map { Person(unit: ["11", "20", "21"][$0 % 3], career: "B", answer: $0 % 2 == 0 ? "yes" : "no", byHR: true, entered: 0) }
        let known = Self.known(people)
        let protected = try protect(try ChangeAttackTests.table(Self.asChangePeople(people), by: ["unit"]), universe: Self.universe, known: known)
        var reader = Reader(universe: Self.universe, changes: .none)
        reader.know(known)
        reader.read(protected.releasedCells)
        let aloneYes = reader.columns(in: CellDomain(["unit": ["10"], "mh": ["yes"], Reader.enteredBy: ["alone"]]), presences: ["base"])
        #expect(reader.interval(of: aloneYes).wholeLower < 5, "HR proves that all five who answered alone in unit 10 have a migration background")
    }

    /// Random release sequences mixing HR entry and answers given alone, with late entries of both
    /// kinds and withdrawals of those who answered alone (a year where HR-entered answers were
    /// withdrawn is withheld by the report run, as it cannot know their answers any more).
    @Test(arguments: 0..<10)
    func randomMixedSequences(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) &+ 4_100)
        func randomPerson(entered: Int) -> Person {
            Person(unit: ["10", "11", "20", "21"].randomElement(using: &generator)!, career: ["A", "B"].randomElement(using: &generator)!,
                   answer: ["yes", "no", "no", "not_determinable"].randomElement(using: &generator)!,
                   byHR: Int.random(in: 0..<10, using: &generator) < 7, entered: entered)
        }
        var people = (0..<Int.random(in: 30...70, using: &generator)).map { _ in randomPerson(entered: 0) }
        var released: [[ReleasedCell]] = []
        for release in 0..<3 {
            if release > 0 {
                for _ in 0..<Int.random(in: 0...3, using: &generator) { people.append(randomPerson(entered: release)) }
                if let index = people.indices.filter({ !people[$0].byHR && people[$0].withdrawn == nil }).randomElement(using: &generator),
                   Bool.random(using: &generator) {
                    people[index].withdrawn = release
                }
            }
            let changes = ChangeAttackTests.changes(Self.asChangePeople(people), current: release)
            let known = Self.known(people)
            let grouping = ChangeAttackTests.groupings.randomElement(using: &generator)!
            let protected = try protect(try ChangeAttackTests.table(Self.asChangePeople(people), by: grouping), earlier: released.flatMap { $0 },
                                        universe: Self.universe, changes: changes, known: known)
            released.append(protected.releasedCells.map { var cell = $0; cell.release = release; return cell })
            for exposure in Reader.exposuresOfAnswersGivenAlone(released, known: known, changes: changes, universe: Self.universe, answerVariables: ["mh"]) {
                Issue.record(Comment(rawValue: "seed \(seed), release \(release) by \(grouping): \(exposure)"))
            }
            for exposure in Reader.exposures(released, changes: changes, universe: Self.universe,
                                             answers: ("mh", ["yes", "no", "not_determinable"])) {
                Issue.record(Comment(rawValue: "everybody, seed \(seed), release \(release): \(exposure)"))
            }
        }
    }
}
