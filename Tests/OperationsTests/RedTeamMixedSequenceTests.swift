import Foundation
import Forms
@testable import Operations
import Reports
import Store
import Testing
import TestSupport
import Vault

/// Red team (stop 21): HR as a reader of a *sequence* of releases over hiring years that mix answers
/// HR typed with answers new hires gave alone through an invitation. HR knows every answer it typed
/// (every indicator), the contexts of the invitations it issued and how many were answered, and who
/// joined or left between releases. Each test builds a store through the application path
/// (`Installation.enter`, invitations, `Installation.release`) and asks whether HR can tell two
/// worlds apart that differ only in one invitee's answer, from published figures plus that knowledge.
///
/// The tests pass when the application protects the invitee; a failure message says BREACH, with
/// the numbers HR reads. Five attacks succeeded against the first version of the second reader and
/// were closed the same stop: ``theInviteesOfAUnitWhoAllAnswerAlikeAreNotReadOff()`` (group
/// disclosure on the parts that answered alone never fired), ``aGroupNoReleaseShowsIsNotPinnedToOneAnswer()``
/// (a group that only two releases together show was pinned to one answer),
/// ``aPublishedFigureEqualToWhatHRTypedRulesOutNothing()`` (a decline told from an answer),
/// ``theCellKeyMethodDoesNotPublishTheOneInviteesAnswer()`` (Cell Key Method, `min_cell: 1`) and
/// the pattern check of ``lateHREntriesDoNotUncoverTheInvitee()`` (which cells are withheld
/// depended on the answer). Set `REDTEAM_DUMP=1` to print releases.
@Suite struct RedTeamMixedSequenceTests {
    static let clerk = Actor(role: "hr", user: "clerk")
    static let statistics = Actor(role: "statistics", user: "statistik")

    static func context(_ unit: String, year: Int = 2026, career: String = "gehoben", employment: String = "regular") -> [String: String] {
        ["unit": unit, "hired": "\(year)-03", "career_group": career, "employment": employment]
    }

    /// migration_background yes, immigration_history first_generation, foreign_national yes.
    static let withBackground = ["born_in_germany": "no", "citizenship": "not_german", "parent_a_german_by_birth": "no",
                                 "parent_b_german_by_birth": "no", "parent_a_immigrated": "yes", "parent_b_immigrated": "yes"]
    /// migration_background no, immigration_history none, foreign_national no.
    static let withoutBackground = ["born_in_germany": "yes", "citizenship": "german_by_birth", "parent_a_german_by_birth": "yes",
                                    "parent_b_german_by_birth": "yes", "parent_a_immigrated": "no", "parent_b_immigrated": "no"]

    /// One invitee's answer in the two worlds: answers, or nil for a decline in the survey.
    enum Answer: Sendable { case answers([String: String]), declines }

    /// A small demo store (2020–2025, all typed by HR as rows sealed before sources count as HR's).
    struct Store {
        let installation: Installation
        /// `policy` replaces lines of `policy/disclosure.yaml` (key → value) in a copy of the folder.
        init(policy: [String: String] = [:]) throws {
            let demo = try DemoFixture(hires: 60)
            var policyDirectory = Repository.policyDirectory
            if !policy.isEmpty {
                policyDirectory = try temporaryDirectory("policy")
                try FileManager.default.removeItem(at: policyDirectory)
                try FileManager.default.copyItem(at: Repository.policyDirectory, to: policyDirectory)
                let file = policyDirectory.appendingPathComponent("disclosure.yaml")
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    policy.first { line.hasPrefix($0.key + ":") }.map { "\($0.key): \($0.value)" } ?? String(line)
                }
                try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            }
            installation = try Installation.open(.init(data: demo.location.directory, forms: Repository.formsDirectory,
                                                       policy: policyDirectory,
                                                       reports: Repository.root.appendingPathComponent("reports")),
                                                 passwordStrength: .minimum)
        }

        /// HR types `times` questionnaires with `answers` in `context`; returns the receipts.
        @discardableResult
        func hr(_ answers: [String: String], _ context: [String: String], times: Int = 1) throws -> [ReceiptCode] {
            try (0..<times).map { _ in
                try installation.enter(RawEntry(form: "migration-background", version: 1, context: context, answers: answers), by: clerk)
            }
        }

        /// HR records a decline it was told in person.
        func hrDecline(_ context: [String: String], times: Int = 1) throws {
            for _ in 0..<times {
                try installation.decline(RawEntry(form: "migration-background", version: 1, context: context, answers: [:]), by: clerk)
            }
        }

        /// An invitation HR issues, answered alone on `/survey`; the receipt (nil for a decline).
        @discardableResult
        func invitee(_ answer: Answer, _ context: [String: String]) throws -> ReceiptCode? {
            let issued = try installation.issueInvitation(context: context, by: clerk)
            switch answer {
            case .answers(let answers):
                guard case .answered(let receipt) = try installation.redeemInvitation(issued.code, answers: answers, consentedTo: 1) else {
                    throw CancellationError()
                }
                return receipt
            case .declines:
                guard case .declined = try installation.redeemInvitation(issued.code, answers: nil, consentedTo: nil) else {
                    throw CancellationError()
                }
                return nil
            }
        }

        func invitees(_ answers: [String: String], _ context: [String: String], times: Int) throws {
            for _ in 0..<times { try invitee(.answers(answers), context) }
        }

        func release(_ kind: ReportDefinition.Kind = .baseline, indicator: String = "migration_background", by: [String],
                     years: ClosedRange<Int>) throws -> PublishedReport {
            let definition = try installation.definition(kind, indicator: indicator, by: by, periods: .years(years))
            let released = try installation.release(definition, passphrase: try Passphrase(DemoFixture.passphrase), by: statistics)
            if ProcessInfo.processInfo.environment["REDTEAM_DUMP"] != nil { print("withheld: \(released.loss.summary)") }
            return released.report
        }
    }

    /// Every figure published in both worlds: the cells whose counts differ. HR knows every row of
    /// the store but the one invitee's answer (when the invitee is the only one who answered alone),
    /// so a published figure that differs between the worlds tells HR the answer.
    static func dump(_ report: PublishedReport) {
        print("== \(report.indicator) \(report.kind) \(report.periods)")
        for cell in report.cells where cell.coordinates.values.allSatisfy({ ["51", "50", "32", "Dezernat III", "Total", "2026", "2025", "gehoben", "mittel", "regular", "trainee"].contains($0) }) {
            print("  \(cell.coordinates.sorted { $0.key < $1.key }.map(\.value)) \(cell.category) = \(cell.count.map(String.init) ?? ".") [\(cell.status)]")
        }
    }

    static func differences(_ a: [PublishedReport], _ b: [PublishedReport]) -> [String] {
        var found: [String] = []
        for (index, (x, y)) in zip(a, b).enumerated() {
            for cell in x.cells {
                guard let other = y.cell(cell.coordinates, category: cell.category), let one = cell.count, let two = other.count,
                      one != two else { continue }
                found.append("release \(index + 1) (\(x.indicator), \(x.kind)): \(cell.coordinates.sorted { $0.key < $1.key }) \(cell.category) = \(one) vs \(two)")
            }
        }
        return found
    }

    /// Cells published (a count, zeros included) in one world and withheld in the other. HR, which
    /// knows every other row, can run the same protection on both hypotheses and compare patterns.
    static func patternDifferences(_ a: [PublishedReport], _ b: [PublishedReport]) -> [String] {
        var found: [String] = []
        for (index, (x, y)) in zip(a, b).enumerated() {
            for cell in x.cells {
                guard let other = y.cell(cell.coordinates, category: cell.category), (cell.count == nil) != (other.count == nil) else { continue }
                found.append("release \(index + 1) (\(x.indicator), \(x.kind)): \(cell.coordinates.sorted { $0.key < $1.key }) \(cell.category) = \(cell.count.map(String.init) ?? ".") vs \(other.count.map(String.init) ?? ".")")
            }
        }
        return found
    }

    /// Categories whose figure for `coordinates` is published as 0 in `report`: HR, which knows it
    /// typed nobody there, learns the invitee did not give that answer.
    static func publishedZeros(_ report: PublishedReport, _ coordinates: [String: String]) -> [String] {
        report.categories.filter { report.cell(coordinates, category: $0)?.count == 0 }
    }

    // MARK: - Attack 1: one mixed year, a sequence of releases over every grouping and indicator

    /// 2026: HR types answers in units 51 and 50 over two career groups and both employments;
    /// one new hire in unit 51 (gehoben, regular) answers an invitation alone. Then, in order: a
    /// baseline by unit, by career group × employment, a trend 2025–2026 by unit, foreign nationals
    /// by unit, immigration history by career group, migration background by unit × career group.
    static func mixedYearSequence(invitee: Answer) throws -> [PublishedReport] {
        let store = try Store()
        for unit in ["51", "50"] {
            for (career, employment) in [("gehoben", "regular"), ("mittel", "regular"), ("gehoben", "trainee")] {
                let here = context(unit, career: career, employment: employment)
                try store.hr(withBackground, here, times: 3)
                try store.hr(withoutBackground, here, times: 4)
            }
        }
        try store.invitee(invitee, context("51"))
        return [
            try store.release(by: ["unit"], years: 2026...2026),
            try store.release(by: ["career_group", "employment"], years: 2026...2026),
            try store.release(.trend, by: ["unit"], years: 2025...2026),
            try store.release(indicator: "foreign_national", by: ["unit"], years: 2026...2026),
            try store.release(indicator: "immigration_history", by: ["career_group"], years: 2026...2026),
            try store.release(by: ["unit", "career_group"], years: 2026...2026),
        ]
    }

    /// The two worlds side by side (two cores: about half the time in a debug build).
    static func worlds(_ a: Answer, _ b: Answer) async throws -> ([PublishedReport], [PublishedReport]) {
        async let first = Task.detached { try mixedYearSequence(invitee: a) }.value
        async let second = Task.detached { try mixedYearSequence(invitee: b) }.value
        return (try await first, try await second)
    }

    @Test func aSequenceOverOneMixedYearDoesNotTellTheInviteesAnswer() async throws {
        let (yes, no) = try await Self.worlds(.answers(Self.withBackground), .answers(Self.withoutBackground))
        let found = Self.differences(yes, no)
        #expect(found.isEmpty, "HR tells the invitee's answer apart: \(found)")
    }

    @Test func aSequenceOverOneMixedYearDoesNotTellADeclineInTheSurvey() async throws {
        let (declines, answers) = try await Self.worlds(.declines, .answers(Self.withBackground))
        let found = Self.differences(declines, answers)
        #expect(found.isEmpty, "HR tells a decline in the survey from an answer: \(found)")
    }

    // MARK: - Attack 2: a baseline over two years, then one of them (base rows of the other year)

    /// 2026: HR types 5 with, 5 without a migration background in unit 51, and one new hire there
    /// answers alone (the target). 2027: ten new hires in unit 51 answer alone (5 with, 5 without);
    /// with `hrIn2027`, HR also types 5 + 5 there. Release 1: a baseline by unit over 2026–2027
    /// (one sum over both years). Release 2: the same baseline for 2027 alone.
    ///
    /// 2026 = release 1 − release 2, exactly, and HR subtracts its ten 2026 answers: the rest is the
    /// target. Release 2's audit must know what HR typed in 2026, a year it does not count.
    static func twoYearsThenOne(invitee: [String: String], hrIn2027: Bool, hrCounts: (Int, Int) = (5, 5), later2027: (Int, Int) = (5, 5))
        throws -> (first: PublishedReport, second: PublishedReport) {
        let store = try Store()
        try store.hr(withBackground, context("51"), times: hrCounts.0)
        try store.hr(withoutBackground, context("51"), times: hrCounts.1)
        try store.invitee(.answers(invitee), context("51"))
        let later = context("51", year: 2027)
        if hrIn2027 {
            try store.hr(withBackground, later, times: 5)
            try store.hr(withoutBackground, later, times: 5)
        }
        try store.invitees(withBackground, later, times: later2027.0)
        try store.invitees(withoutBackground, later, times: later2027.1)
        let first = try store.release(by: ["unit"], years: 2026...2027)
        let second = try store.release(by: ["unit"], years: 2027...2027)
        if ProcessInfo.processInfo.environment["REDTEAM_DUMP"] != nil { dump(first); dump(second) }
        return (first, second)
    }

    /// HR's subtraction: (release 1 − release 2) for unit 51 with a migration background, minus the
    /// five HR typed in 2026. 1: the invitee has a migration background; 0: not.
    static func subtraction(_ releases: (first: PublishedReport, second: PublishedReport), typed: Int = 5) -> Int? {
        guard let both = releases.first.cell(["unit": "51"], category: "yes")?.count,
              let later = releases.second.cell(["unit": "51"], category: "yes")?.count else { return nil }
        return both - later - typed
    }

    /// Control: the same sequence with every answer typed by HR (nobody answered alone): what the
    /// public reader alone withholds.
    @Test func controlTwoYearBaselineThenOneYearAllTypedByHR() throws {
        let store = try Store()
        try store.hr(Self.withBackground, Self.context("51"), times: 6)
        try store.hr(Self.withoutBackground, Self.context("51"), times: 5)
        try store.hr(Self.withBackground, Self.context("51", year: 2027), times: 5)
        try store.hr(Self.withoutBackground, Self.context("51", year: 2027), times: 5)
        _ = try store.release(by: ["unit"], years: 2026...2027)
        let second = try store.release(by: ["unit"], years: 2027...2027)
        #expect(second.cell(["unit": "51"], category: "yes")?.count == 5)
    }

    @Test(arguments: [((5, 5), (7, 8)), ((6, 7), (10, 10)), ((8, 9), (12, 15))])
    func twoYearBaselineThenOneOfItsYearsWithOtherCounts(hr: (Int, Int), alone: (Int, Int)) throws {
        let yes = try Self.twoYearsThenOne(invitee: Self.withBackground, hrIn2027: false, hrCounts: hr, later2027: alone)
        let no = try Self.twoYearsThenOne(invitee: Self.withoutBackground, hrIn2027: false, hrCounts: hr, later2027: alone)
        let learnedYes = Self.subtraction(yes, typed: hr.0), learnedNo = Self.subtraction(no, typed: hr.0)
        #expect(learnedYes == nil || learnedNo == nil || learnedYes == learnedNo,
                "BREACH: HR reads the 2026 invitee's answer: with background → \(String(describing: learnedYes)), without → \(String(describing: learnedNo))")
    }

    /// Safe: the run counts who typed every row of the released years it does not show
    /// (the run opens every row of the years it does not show), and release 2 withholds 2027's answer cells.
    @Test func aTwoYearBaselineThenOneOfItsYearsDoesNotLetHRSubtract() throws {
        let yes = try Self.twoYearsThenOne(invitee: Self.withBackground, hrIn2027: false)
        let no = try Self.twoYearsThenOne(invitee: Self.withoutBackground, hrIn2027: false)
        let learnedYes = Self.subtraction(yes), learnedNo = Self.subtraction(no)
        #expect(learnedYes == nil || learnedNo == nil || learnedYes == learnedNo,
                """
                BREACH: HR reads the 2026 invitee's answer off (2026–2027) − (2027) − its own five: \
                with background → \(String(describing: learnedYes)) \
                (\(String(describing: yes.first.cell(["unit": "51"], category: "yes")?.count)) − \(String(describing: yes.second.cell(["unit": "51"], category: "yes")?.count)) − 5), \
                without → \(String(describing: learnedNo)) \
                (\(String(describing: no.first.cell(["unit": "51"], category: "yes")?.count)) − \(String(describing: no.second.cell(["unit": "51"], category: "yes")?.count)) − 5)
                """)
    }

    /// The same with HR answers in 2027 too. The release must neither refuse nor crash, and HR must
    /// not learn the answer.
    @Test func twoYearBaselineThenOneYearWithHRAnswersInBothYears() throws {
        let yes = try Self.twoYearsThenOne(invitee: Self.withBackground, hrIn2027: true)
        let no = try Self.twoYearsThenOne(invitee: Self.withoutBackground, hrIn2027: true)
        let learnedYes = Self.subtraction(yes), learnedNo = Self.subtraction(no)
        #expect(learnedYes == nil || learnedNo == nil || learnedYes == learnedNo,
                "BREACH: HR reads the 2026 invitee's answer: with background → \(String(describing: learnedYes)), without → \(String(describing: learnedNo))")
    }

    // MARK: - Attack 3: late entries and withdrawals between releases

    /// HR's 2026 answers in units 51 and 50 (3 with, 4 without each, in two career groups), then
    /// the steps of `between` after a baseline by unit, then the same baseline and one by career
    /// group × employment.
    static func sequence(before: (Store) throws -> Void, between: (Store) throws -> Void) throws -> [PublishedReport] {
        let store = try Store()
        for unit in ["51", "50"] {
            for career in ["gehoben", "mittel"] {
                try store.hr(Self.withBackground, Self.context(unit, career: career), times: 3)
                try store.hr(Self.withoutBackground, Self.context(unit, career: career), times: 4)
            }
        }
        try before(store)
        let first = try store.release(by: ["unit"], years: 2026...2026)
        try between(store)
        return [first, try store.release(by: ["unit"], years: 2026...2026),
                try store.release(by: ["career_group", "employment"], years: 2026...2026)]
    }

    /// Release 1 holds HR's answers only; then one new hire answers an invitation alone (unit 51):
    /// release 2 − release 1 is that person, a change HR knows the context of.
    @Test func anInviteeWhoAnswersAfterAReleaseIsNotReadOffTheDifference() throws {
        let runs = try [Self.withBackground, Self.withoutBackground].map { answers in
            try Self.sequence(before: { _ in }, between: { try $0.invitee(.answers(answers), Self.context("51")) })
        }
        let found = Self.differences(runs[0], runs[1])
        #expect(found.isEmpty, "BREACH: HR tells the late invitee's answer apart: \(found)")
    }

    /// The invitee answered before release 1; HR types two more answers in unit 51 after it.
    ///
    /// Also the suppression pattern (attack 9): HR, which knows every other row, can run the
    /// protection on both hypotheses and compare which cells are withheld. Before group disclosure
    /// on the parts that answered alone, release 3 (career group × employment) withheld the totals
    /// of `mittel` and `gehoben` in one world and published them (14, 17) in the other.
    @Test func lateHREntriesDoNotUncoverTheInvitee() throws {
        let runs = try [Self.withBackground, Self.withoutBackground].map { answers in
            try Self.sequence(before: { try $0.invitee(.answers(answers), Self.context("51")) },
                              between: { store in
                                  try store.hr(Self.withBackground, Self.context("51"))
                                  try store.hr(Self.withoutBackground, Self.context("51"))
                              })
        }
        let found = Self.differences(runs[0], runs[1])
        #expect(found.isEmpty, "BREACH: HR tells the invitee's answer apart after late HR entries: \(found)")
        let pattern = Self.patternDifferences(runs[0], runs[1])
        #expect(pattern.isEmpty, "BREACH (pattern): withheld in one world, published in the other (with background vs without): \(pattern)")
    }

    /// The invitee answered before release 1 and withdraws with the receipt code after it: release
    /// 1 − release 2 is that person.
    @Test func anInviteeWhoWithdrawsBetweenReleasesIsNotReadOffTheDifference() throws {
        let runs = try [Self.withBackground, Self.withoutBackground].map { answers in
            var receipt: ReceiptCode?
            return try Self.sequence(before: { receipt = try $0.invitee(.answers(answers), Self.context("51")) },
                                     between: { store in _ = try store.installation.withdraw(receipt!, by: Actor(role: "respondent", user: "-")) })
        }
        let found = Self.differences(runs[0], runs[1])
        #expect(found.isEmpty, "BREACH: HR tells the withdrawn invitee's answer apart: \(found)")
    }

    /// An answer HR typed is withdrawn between releases (HR still knows it): every later answer
    /// cell of 2026 must be withheld, also in a baseline over 2026–2027 and a trend 2025–2026.
    @Test func aWithdrawnHRAnswerWithholdsItsYearInEveryLaterRelease() throws {
        var reports: [[PublishedReport]] = []
        for answers in [Self.withBackground, Self.withoutBackground] {
            let store = try Store()
            let receipts = try store.hr(Self.withBackground, Self.context("51"), times: 5) + store.hr(Self.withoutBackground, Self.context("51"), times: 5)
            try store.hr(Self.withBackground, Self.context("50"), times: 5)
            try store.hr(Self.withoutBackground, Self.context("50"), times: 5)
            try store.invitee(.answers(answers), Self.context("51"))
            try store.invitees(Self.withBackground, Self.context("51", year: 2027), times: 5)
            try store.invitees(Self.withoutBackground, Self.context("51", year: 2027), times: 5)
            try store.hr(Self.withBackground, Self.context("50", year: 2027), times: 5)
            let first = try store.release(by: ["unit"], years: 2026...2026)
            _ = try store.installation.withdraw(receipts[0], by: Self.clerk)
            let later = [try store.release(by: ["unit"], years: 2026...2026),
                         try store.release(by: ["unit"], years: 2026...2027),
                         try store.release(.trend, by: ["unit"], years: 2025...2026)]
            for report in later {
                let leaked = report.cells.filter { cell in
                    cell.category != "total" && cell.count != nil
                        && (report.kind == .baseline || cell.coordinates["year"] == "2026")
                }
                #expect(leaked.isEmpty, "\(report.kind) \(report.periods): answer cells of 2026 published after HR's withdrawal: \(leaked.map { "\($0.coordinates) \($0.category)=\($0.count!)" })")
            }
            reports.append([first] + later)
        }
        let found = Self.differences(reports[0], reports[1])
        #expect(found.isEmpty, "BREACH: HR tells the invitee's answer apart: \(found)")
    }

    // MARK: - Attack 4 and 5: declines typed by HR, and a paper form

    /// HR records five declines and types answers in unit 51; the invitee declines in the survey, or
    /// answers. The declined figure minus HR's five is the invitee.
    @Test func aDeclineInTheSurveyBesideDeclinesHRTypedIsNotReadOff() throws {
        let runs = try [Answer.declines, .answers(Self.withoutBackground)].map { answer in
            let store = try Store()
            try store.hrDecline(Self.context("51"), times: 5)
            try store.hr(Self.withBackground, Self.context("51"), times: 5)
            try store.hr(Self.withoutBackground, Self.context("51"), times: 5)
            try store.hr(Self.withBackground, Self.context("50"), times: 5)
            try store.hr(Self.withoutBackground, Self.context("50"), times: 5)
            try store.invitee(answer, Self.context("51"))
            return [try store.release(by: ["unit"], years: 2026...2026),
                    try store.release(indicator: "foreign_national", by: ["unit"], years: 2026...2026)]
        }
        let found = Self.differences(runs[0], runs[1])
        #expect(found.isEmpty, "BREACH: HR tells a decline in the survey from an answer: \(found)")
    }

    /// The invitee returns a paper form, typed by the statistics unit: the respondent's answer.
    @Test func aPaperFormTypedByTheStatisticsUnitIsNotReadOff() throws {
        let runs = try [Self.withBackground, Self.withoutBackground].map { answers in
            let store = try Store()
            try store.hr(Self.withBackground, Self.context("51"), times: 5)
            try store.hr(Self.withoutBackground, Self.context("51"), times: 5)
            try store.hr(Self.withBackground, Self.context("50"), times: 5)
            try store.hr(Self.withoutBackground, Self.context("50"), times: 5)
            let html = try store.installation.paperQuestionnaires(count: 1, withdrawURL: PaperTests.url, by: PaperTests.statistician)
            let receipt = try #require(PaperTests.receipts(in: html).first)
            let issued = try store.installation.issueInvitation(context: Self.context("51"), by: Self.clerk)
            #expect(try store.installation.enterPaperForm(PaperForm(invitationCode: issued.code.formatted, receiptCode: receipt,
                                                                    answers: answers, consentVersion: 1), by: PaperTests.statistician) == .answered)
            return [try store.release(by: ["unit"], years: 2026...2026),
                    try store.release(by: ["unit", "career_group"], years: 2026...2026)]
        }
        let found = Self.differences(runs[0], runs[1])
        #expect(found.isEmpty, "BREACH: HR tells the paper form's answer apart: \(found)")
    }

    // MARK: - Attack 6: everybody who answered alone gave one answer (group disclosure)

    /// Unit 51, 2026: HR types five questionnaires without a migration background; five new hires
    /// answer invitations alone, `withBackground` of them with one, the rest without. Unit 50 holds
    /// HR's answers only. A baseline by unit.
    static func everyInviteeAlike(withBackground count: Int, policy: [String: String] = [:]) throws -> PublishedReport {
        let store = try Store(policy: policy)
        try store.hr(withoutBackground, context("51"), times: 5)
        try store.hr(withBackground, context("50"), times: 5)
        try store.hr(withoutBackground, context("50"), times: 5)
        try store.invitees(withBackground, context("51"), times: count)
        try store.invitees(withoutBackground, context("51"), times: 5 - count)
        let report = try store.release(by: ["unit"], years: 2026...2026)
        if ProcessInfo.processInfo.environment["REDTEAM_DUMP"] != nil { dump(report) }
        return report
    }

    /// Found by the red team of stop 21 and closed (group disclosure on the parts that answered
    /// alone): it was a breach while group disclosure on the parts that answered alone never fires: HR knows it typed
    /// nobody with a migration background in unit 51 and that five answered alone there; the
    /// published count with a migration background, 5, says every one of them has one: each
    /// invitee's answer. (`protect` computes the alone part only for cells that split by answer, so
    /// `groupDisclosure(counts: alone)` sees 0 respondents in every group and skips it.)
    @Test func theInviteesOfAUnitWhoAllAnswerAlikeAreNotReadOff() throws {
        let report = try Self.everyInviteeAlike(withBackground: 5)
        let yes = report.cell(["unit": "51"], category: "yes")?.count
        // HR's arithmetic: published "yes" minus the 0 HR typed, against the 5 who answered alone.
        #expect(yes == nil || yes! - 0 < 5,
                "BREACH: unit 51 yes = \(yes!) published; HR typed 0 with a migration background and 5 invitees answered alone: all 5 have one")
        let other = try Self.everyInviteeAlike(withBackground: 4)
        let found = Self.differences([report], [other])
        #expect(found.isEmpty, "BREACH: one invitee's answer changes published figures: \(found)")
    }

    // MARK: - Attack 7: published figures equal to what HR typed rule answers out

    /// Unit 51, 2026: HR types five answers with, five without a migration background and records
    /// five declines; one new hire answers alone (`invitee`). Unit 50 holds HR's answers only.
    static func oneInvitee(_ invitee: Answer) throws -> PublishedReport {
        let store = try Store()
        try store.hrDecline(context("51"), times: 5)
        try store.hr(withBackground, context("51"), times: 5)
        try store.hr(withoutBackground, context("51"), times: 5)
        try store.hr(withBackground, context("50"), times: 5)
        try store.hr(withoutBackground, context("50"), times: 5)
        try store.invitee(invitee, context("51"))
        let report = try store.release(by: ["unit"], years: 2026...2026)
        if ProcessInfo.processInfo.environment["REDTEAM_DUMP"] != nil { dump(report) }
        return report
    }

    /// The answers HR rules out for the one invitee of unit 51: categories whose published count
    /// equals what HR typed there (the part that answered alone is then 0).
    static func ruledOut(_ report: PublishedReport, typed: [String: Int]) -> Set<String> {
        Set(report.categories.filter { category in report.cell(["unit": "51"], category: category)?.count == typed[category, default: 0] })
    }

    /// Found by the red team of stop 21 and closed (group disclosure on the parts that answered
    /// alone takes every category as informative): it was a partial, negative breach: with one invitee, a published figure that equals what HR typed
    /// tells HR the invitee did not give that answer; the audit's rule for the parts that answered
    /// alone (``FeasibleInterval/exposesSmallCount(minCell:protectionLevel:)``) accepts an interval
    /// pinned to 0. The published figures then differ with the invitee's answer: HR tells "declined"
    /// from "no migration background" from "with one".
    @Test func aPublishedFigureEqualToWhatHRTypedRulesOutNothing() throws {
        let typed = ["yes": 5, "no": 5, "declined": 5]
        let declines = Self.ruledOut(try Self.oneInvitee(.declines), typed: typed)
        let no = Self.ruledOut(try Self.oneInvitee(.answers(Self.withoutBackground)), typed: typed)
        let yes = Self.ruledOut(try Self.oneInvitee(.answers(Self.withBackground)), typed: typed)
        #expect(declines == no && no == yes,
                "BREACH (negative): HR rules out, for an invitee who declines \(declines.sorted()), who has no migration background \(no.sorted()), who has one \(yes.sorted())")
    }

    // MARK: - Attack 8: rounding and the Cell Key Method

    /// Attack 6 under rounding to base 5: HR reads the rounded count with a migration background in
    /// unit 51 as an interval (±2) and subtracts the 0 it typed; the invitees must not all be pinned.
    @Test func roundingKeepsAUnitsInviteesFromBeingReadOff() throws {
        for count in [5, 4] {
            let report = try Self.everyInviteeAlike(withBackground: count, policy: ["rounding_base": "5"])
            guard let yes = report.cell(["unit": "51"], category: "yes")?.count else { continue }
            #expect(yes - 2 < 5, "BREACH: unit 51 yes rounded to \(yes) ⇒ at least \(yes - 2) of the 5 invitees have a migration background")
        }
    }

    /// Attack 6 under the Cell Key Method with `min_cell: 1`: both releases are made (no refusal, no
    /// crash), and unit 51's "yes", where HR typed none, is withheld in both worlds: all five
    /// invitees alike is group disclosure, four of five is a part below the protection level.
    @Test func theCellKeyMethodReleasesMixedYears() throws {
        let policy = ["cell_key": "perturbation-table.csv", "min_cell": "1"]
        let all = try Self.everyInviteeAlike(withBackground: 5, policy: policy)
        let four = try Self.everyInviteeAlike(withBackground: 4, policy: policy)
        let counts = [all, four].map { $0.cell(["unit": "51"], category: "yes")?.count }
        #expect(!all.cells.isEmpty && !four.cells.isEmpty)
        #expect(counts == [nil, nil], "unit 51 yes published under the Cell Key Method: \(counts)")
    }

    /// Found by the red team of stop 21 and closed (the parts that answered alone are held to at
    /// least the protection level): it was a breach under the Cell Key Method (`min_cell: 1`): zeros are never perturbed, so a published
    /// count above 0 means somebody is there. Unit 51: HR types five answers without a migration
    /// background; the one invitee has one. The count "with" is 1, published as 0 (p = 2/3) or 3
    /// (p = 1/3): whenever it is 3, HR, which typed nobody "with" there, knows the invitee has a
    /// migration background. The second reader's rule cannot see it: with `min_cell` 1,
    /// `exposesSmallCount` never flags an interval pinned to [1, 1]. Eight stores with fresh record
    /// keys: the chance that none shows it is (2/3)^8 ≈ 4 %.
    @Test func theCellKeyMethodDoesNotPublishTheOneInviteesAnswer() throws {
        var learned: [Int] = []
        for trial in 0..<8 {
            let store = try Store(policy: ["cell_key": "perturbation-table.csv", "min_cell": "1"])
            try store.hr(Self.withoutBackground, Self.context("51"), times: 5)
            try store.hr(Self.withBackground, Self.context("50"), times: 5)
            try store.hr(Self.withoutBackground, Self.context("50"), times: 5)
            try store.invitee(.answers(Self.withBackground), Self.context("51"))
            let report = try store.release(by: ["unit"], years: 2026...2026)
            if let yes = report.cell(["unit": "51"], category: "yes")?.count, yes > 0 { learned.append(trial) }
        }
        #expect(learned.isEmpty, "BREACH: in stores \(learned) of 8, unit 51 'yes' is published above 0 where HR typed none: the one invitee has a migration background")
    }

    /// Attack 6 across releases: release 1 holds HR's answers only; then five new hires of unit 51
    /// answer alone, all with a migration background (or four of them). Release 2 − release 1 is
    /// those five, and HR knows who they are as a group: the change must not show one answer for all.
    @Test func inviteesWhoAllAnswerAlikeAfterAReleaseAreNotReadOff() throws {
        let runs = try [5, 4].map { count in
            try Self.sequence(before: { _ in }, between: { store in
                try store.invitees(Self.withBackground, Self.context("51"), times: count)
                try store.invitees(Self.withoutBackground, Self.context("51"), times: 5 - count)
            })
        }
        // Release 1 published unit 51 yes = 6 (HR's); release 2 - 6 = the five who answered alone.
        for (run, count) in zip(runs, [5, 4]) {
            if let before = run[0].cell(["unit": "51"], category: "yes")?.count, let after = run[1].cell(["unit": "51"], category: "yes")?.count {
                #expect(after - before < 5, "BREACH: \(count) of 5 late invitees with a background; unit 51 yes \(before) → \(after): all five have one")
            }
        }
        let found = Self.differences(runs[0], runs[1])
        #expect(found.isEmpty, "BREACH: one late invitee's answer changes published figures: \(found)")
    }

    // MARK: - Attack 10: a group no release shows, all alike (beyond group disclosure of a table)

    /// 2026, ten new hires answer alone in each of unit 51 and 50 × career group mittel and gehoben
    /// (all regular): with a migration background 10 in 51 × mittel, 5 in 51 × gehoben, 5 in
    /// 50 × mittel, 0 in 50 × gehoben; HR types 5 with and 5 without one in unit 32 (hoeher), so the
    /// year mixes both ways. Release 1: a baseline by unit; release 2: by career group. Every unit
    /// and career group holds invitees of both answers (15 / 5), so no table's group is one-sided.
    ///
    /// HR knows ten answered alone in each unit × career group. With t the number with a background
    /// in 51 × mittel: 50 × gehoben holds Y(gehoben) − Y(51) + t ≥ 0, so t ≥ Y(51) − Y(gehoben) =
    /// 15 − 5 = 10: all ten invitees of 51 × mittel have a migration background (and, by the same
    /// count, none of the ten in 50 × gehoben). The audit's rule for the parts that answered alone
    /// accepts [10, 10] and [0, 0] (``FeasibleInterval/exposesSmallCount(minCell:protectionLevel:)``).
    @Test func aGroupNoReleaseShowsIsNotPinnedToOneAnswer() throws {
        let store = try Store()
        try store.hr(Self.withBackground, Self.context("32", career: "hoeher"), times: 5)
        try store.hr(Self.withoutBackground, Self.context("32", career: "hoeher"), times: 5)
        for (unit, career, with) in [("51", "mittel", 10), ("51", "gehoben", 5), ("50", "mittel", 5), ("50", "gehoben", 0)] {
            try store.invitees(Self.withBackground, Self.context(unit, career: career), times: with)
            try store.invitees(Self.withoutBackground, Self.context(unit, career: career), times: 10 - with)
        }
        let byUnit = try store.release(by: ["unit"], years: 2026...2026)
        let byCareer = try store.release(by: ["career_group"], years: 2026...2026)
        if ProcessInfo.processInfo.environment["REDTEAM_DUMP"] != nil { Self.dump(byUnit); Self.dump(byCareer) }
        // HR typed nobody in units 51 and 50, or in career groups mittel and gehoben.
        guard let y51 = byUnit.cell(["unit": "51"], category: "yes")?.count,
              let yGehoben = byCareer.cell(["career_group": "gehoben"], category: "yes")?.count else { return }
        #expect(y51 - yGehoben < 10,
                "BREACH: unit 51 yes = \(y51), gehoben yes = \(yGehoben): at least \(y51 - yGehoben) of the 10 invitees in 51 × mittel have a migration background")
    }
}
