import Foundation
import Forms
import Testing
import TestSupport
@testable import Reports

/// `reports/monitoring.yaml`: the shipped goals read, and every slip is an error naming file, line
/// and key.
@Suite struct MonitoringPlanTests {
    static let shipped = try! String(contentsOf: Repository.root.appendingPathComponent("reports/monitoring.yaml"), encoding: .utf8)
    static let references = try! ReferenceShares.load(contentsOf: Repository.root.appendingPathComponent("reports/reference.yaml"))

    static func parse(_ text: String) throws -> MonitoringPlan {
        try MonitoringPlan.parse(text, forms: [Repository.form], references: references)
    }

    /// One goal, with `extra` lines appended to it and `replacing` lines swapped.
    static func goal(_ replacements: [(String, String)] = [], extra: String = "") -> String {
        var text = """
        goals:
          - id: neueinstellungen
            title: {de: "Neueingestellte", en: "New hires"}
            indicator: migration_background
            breakdown: none
            baseline_year: 2021
            target: {share: 0.25, year: 2031}
            reference: true
            measure: {status: ziel}

        """ + extra
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    @Test func theShippedGoalsRead() throws {
        let plan = try Self.parse(Self.shipped)
        #expect(plan.goals.map(\.goal.id) == ["neueinstellungen", "auszubildende"])
        #expect(plan.goals.map(\.goal.breakdown) == [.careerGroup, .trainees])
        #expect(plan.goals.allSatisfy { $0.baselineIsFirstYear })
        let first = plan.goals[0].goal(firstYear: 2021)
        #expect(first.baselineYear == 2021 && first.target == MonitoringGoal.Target(share: 0.25, year: 2031))
        #expect(first.category == "yes" && first.rule.tolerancePoints == 1 && first.measure == .inImplementation)
        #expect(plan.lowResponseRate == 0.5)
    }

    @Test func aGoalWithFixedYearsKeepsThem() throws {
        let goal = try Self.parse(Self.goal()).goals[0].goal(firstYear: 2019)
        #expect(goal.baselineYear == 2021 && goal.target?.year == 2031)
    }

    struct Slip: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let field: String?
        let line: Int?
        let words: String
        var testDescription: String { name }
    }

    static let slips: [Slip] = [
        Slip(name: "unknown key", text: goal(extra: "    colour: red\n"), field: "goals[0].colour", line: 10, words: "unknown key"),
        Slip(name: "unknown top-level key", text: "golas: []\n", field: "golas", line: 1, words: "unknown key"),
        Slip(name: "no goals", text: "goals: []\n", field: "goals", line: 1, words: "1 to 12 goals"),
        Slip(name: "bad id", text: goal([("id: neueinstellungen", "id: Neu Einstellungen")]), field: "goals[0].id", line: 2, words: "a-z"),
        Slip(name: "duplicate id", text: goal() + goal().replacingOccurrences(of: "goals:\n", with: ""), field: "goals[1].id", line: 10,
             words: "used twice"),
        Slip(name: "unknown indicator", text: goal([("indicator: migration_background", "indicator: origin")]), field: "goals[0].indicator",
             line: 4, words: "unknown indicator"),
        Slip(name: "unknown category", text: goal(extra: "    category: maybe\n"), field: "goals[0].category", line: 10, words: "unknown category"),
        Slip(name: "unknown breakdown", text: goal([("breakdown: none", "breakdown: gender")]), field: "goals[0].breakdown", line: 5,
             words: "breakdown must be one of"),
        Slip(name: "baseline year not a year", text: goal([("baseline_year: 2021", "baseline_year: soon")]), field: "goals[0].baseline_year",
             line: 6, words: "baseline_year must be"),
        Slip(name: "target share above 1", text: goal([("share: 0.25", "share: 25")]), field: "goals[0].target.share", line: 7,
             words: "share between 0 and 1"),
        Slip(name: "target year before the baseline", text: goal([("year: 2031", "year: 2020")]), field: "goals[0].target.year", line: 7,
             words: "after the baseline"),
        Slip(name: "target year and after_years", text: goal([("year: 2031", "year: 2031, after_years: 5")]), field: "goals[0].target.year",
             line: 7, words: "not both"),
        Slip(name: "after_years out of range", text: goal([("year: 2031", "after_years: 0")]), field: "goals[0].target.after_years", line: 7,
             words: "1 to 50"),
        Slip(name: "no reference for the indicator", text: goal([("indicator: migration_background", "indicator: foreign_national")]),
             field: "goals[0].reference", line: 8, words: "no share for 'foreign_national'"),
        Slip(name: "reference neither true nor false", text: goal([("reference: true", "reference: migration_background")]),
             field: "goals[0].reference", line: 8, words: "expected true or false"),
        Slip(name: "tolerance out of range", text: goal(extra: "    status_rule: {tolerance_points: 150}\n"),
             field: "goals[0].status_rule.tolerance_points", line: 10, words: "tolerance_points"),
        Slip(name: "another status rule", text: goal(extra: "    status_rule: {on_track: hope}\n"),
             field: "goals[0].status_rule.on_track", line: 10, words: "straight_line"),
        Slip(name: "unknown measure status", text: goal([("status: ziel", "status: erledigt")]), field: "goals[0].measure.status", line: 9,
             words: "status must be one of"),
        Slip(name: "missing measure", text: goal([("    measure: {status: ziel}\n", "")]), field: "goals[0].measure", line: nil,
             words: "required key is missing"),
        Slip(name: "low response rate above 1", text: "low_response_rate: 2\n" + goal(), field: "low_response_rate", line: 1,
             words: "share between 0 and 1"),
        Slip(name: "malformed YAML", text: "goals: [\n  - id: x\n", field: nil, line: nil, words: "YAML syntax error"),
    ]

    @Test(arguments: slips) func aSlipNamesFileLineAndKey(_ slip: Slip) {
        do {
            _ = try Self.parse(slip.text)
            Issue.record("\(slip.name) was accepted")
        } catch let error as InputError {
            #expect(error.file == "monitoring.yaml")
            #expect(error.field == slip.field, "\(error)")
            if let line = slip.line { #expect(error.line == line, "\(error)") }
            #expect(error.english.contains(slip.words), "\(error)")
            #expect(!error.german.isEmpty)
        } catch {
            Issue.record("\(slip.name): \(error)")
        }
    }

    @Test func traineesNeedTheirEmploymentCode() throws {
        let form = FormVariants.variant(employment: false)
        #expect(throws: InputError.self) {
            try MonitoringPlan.parse(Self.goal([("breakdown: none", "breakdown: trainees")]), forms: [form], references: Self.references)
        }
    }

    @Test func aFileThatIsNotUTF8IsRefusedByName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("monitoring-\(UUID().uuidString).yaml")
        try Data([0x67, 0x6f, 0x61, 0x6c, 0x73, 0x3a, 0x20, 0xff, 0xfe, 0x0a]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: InputError.self) { try MonitoringPlan.load(contentsOf: url, forms: [Repository.form], references: Self.references) }
        do { _ = try MonitoringPlan.load(contentsOf: url, forms: [Repository.form], references: Self.references) } catch let error as InputError {
            #expect(error.english.contains("UTF-8") && error.file == url.lastPathComponent)
        }
    }
}
