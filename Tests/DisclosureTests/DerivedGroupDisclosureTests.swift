import Testing
import TestSupport
@testable import Disclosure

/// Open (found by the red team of stop 21, attack 10, here without HR): group disclosure is checked
/// on the groups a table shows, not on a group that only releases together pin. Unit 10 × career
/// group A holds ten people, all with a migration background; a release by unit and one by career
/// group, each mixed, together prove it to a reader who knows how many people unit 10 × A holds.
/// Against HR the audit checks such groups (``LinkedAuditor/otherAnswers``); for everybody it does
/// not yet. The known-issue marker keeps the suite green while the gap stands and fails the day it
/// is closed, so that it comes off then.
@Suite struct DerivedGroupDisclosureTests {
    @Test func aGroupOnlyTwoReleasesTogetherShowIsPinnedToOneAnswer() throws {
        var people: [ChangeAttackTests.Person] = []
        for (unit, career, yes) in [("10", "A", 10), ("10", "B", 5), ("11", "A", 5), ("11", "B", 0)] {
            people += (0..<10).map { Person(unit: unit, career: career, answer: $0 < yes ? "yes" : "no", entered: 0) }
        }
        var released: [[ReleasedCell]] = []
        for (release, grouping) in [["unit"], ["career_group"]].enumerated() {
            let protected = try protect(try ChangeAttackTests.table(people, by: grouping), earlier: released.flatMap { $0 },
                                        universe: ChangeAttackTests.universe)
            released.append(protected.releasedCells.map { var cell = $0; cell.release = release; return cell })
        }
        // The reader knows that unit 10 × A holds ten people, and reads both releases.
        var reader = Reader(universe: ChangeAttackTests.universe, changes: .none)
        for cells in released { reader.read(cells) }
        reader.know(10, in: CellDomain(["unit": ["10"], "career_group": ["A"]]))
        let others = reader.interval(of: reader.columns(in: CellDomain(["unit": ["10"], "career_group": ["A"], "mh": ["no", "not_determinable"]]),
                                                        presences: ["base"]))
        withKnownIssue("group disclosure across releases is not checked for everybody yet (README, Self-service invitations)") {
            #expect(others.wholeUpper > 0, "the reader proves that all ten in unit 10 × A have a migration background: others \(others)")
        }
    }

    typealias Person = ChangeAttackTests.Person
}
