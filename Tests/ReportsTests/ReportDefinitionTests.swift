import Foundation
import Testing
import TestSupport
@testable import Reports
import Forms
import Disclosure

@Suite struct ReportDefinitionTests {
    @Test func theShippedDefinitionsRead() throws {
        let baseline = try ReportDefinition.load(contentsOf: Repository.root.appendingPathComponent("reports/baseline.yaml"), form: Repository.form)
        #expect(baseline.kind == .baseline)
        #expect(baseline.by == ["unit"])
        #expect(baseline.periods == .latest)
        let trend = try ReportDefinition.load(contentsOf: Repository.root.appendingPathComponent("reports/trend.yaml"), form: Repository.form)
        #expect(trend.periods == .all)
    }

    static let base = "name: x\ntitle: {de: X, en: X}\nkind: baseline\nindicator: migration_background\nby: [unit]\nperiods: latest\n"

    @Test(arguments: [
        ("kind: baseline", "kind: pie", 3, "kind"),
        ("indicator: migration_background", "indicator: religion", 4, "indicator"),
        ("by: [unit]", "by: [unit, salary]", 5, "by"),
        ("by: [unit]", "by: [unit, career_group, employment]", 5, "by"),
        ("periods: latest", "periods: 2025-2021", 6, "periods"),
        ("name: x\n", "name: x\ncolour: red\n", 2, "colour"),
    ])
    func badDefinitionsNameLineAndKey(_ old: String, _ new: String, _ line: Int, _ field: String) {
        do {
            _ = try ReportDefinition.parse(Self.base.replacingOccurrences(of: old, with: new), file: "r.yaml", form: Repository.form)
            Issue.record("accepted a bad definition")
        } catch let error as InputError {
            #expect(error.file == "r.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.field == field, "\(error)")
        } catch { Issue.record("unexpected \(error)") }
    }

    static let policy = try! String(contentsOf: Repository.policyDirectory.appendingPathComponent("disclosure.yaml"), encoding: .utf8)

    @Test(arguments: [
        ("min_cell: 5", "min_cell: 0", "min_cell"),
        ("min_cell: 5", "min_cell: five", "min_cell"),
        ("rounding_base: none", "rounding_base: 1", "rounding_base"),
        ("cell_key: none", "cell_key: missing.csv", "cell_key"),
        ("rounding_base: none\n", "rounding_base: 5\n", nil),
        ("group_disclosure: true", "group_disclosure: maybe", "group_disclosure"),
    ] as [(String, String, String?)])
    func badDisclosurePoliciesAreRefused(_ old: String, _ new: String, _ field: String?) throws {
        var text = Self.policy.replacingOccurrences(of: old, with: new)
        if field == nil { text = text.replacingOccurrences(of: "cell_key: none", with: "cell_key: perturbation-table.csv") }
        do {
            _ = try DisclosurePolicyFile.parse(text, file: "disclosure.yaml", directory: Repository.policyDirectory)
            Issue.record("accepted a bad policy")
        } catch let error as InputError {
            #expect(error.file == "disclosure.yaml")
            #expect(error.field == (field ?? "cell_key"), "\(error)")
        }
    }

    @Test func aPerturbationTableThatPublishesSmallCountsIsRefused() throws {
        let directory = try temporaryDirectory("policy")
        // Count 3 may become 2: a small count would be published.
        try "i,v,p\n1,-1,1\n2,-2,1\n3,-1,0.5\n3,1,0.5\n4,0,1\n5,0,1\n".write(
            to: directory.appendingPathComponent("bad-table.csv"), atomically: true, encoding: .utf8)
        do {
            _ = try DisclosurePolicyFile.parse("version: 1\nmin_cell: 1\ngroup_disclosure: false\ncell_key: bad-table.csv\n",
                                               file: "disclosure.yaml", directory: directory)
            Issue.record("accepted a table that publishes 2")
        } catch let error as InputError {
            #expect(error.file == "bad-table.csv")
            #expect(error.english.contains("below 3"))
        }
    }

    @Test func onlyATrueZeroPrintsAsADash() {
        #expect(PublishedReport.display(0, status: "zero") == "–")
        #expect(PublishedReport.display(0, status: "perturbed") == "0")
        #expect(PublishedReport.display(0, status: "rounded") == "0")
        #expect(PublishedReport.display(nil, status: "suppressed") == ".")
        #expect(PublishedReport.display(12, status: "published") == "12")
    }
}

/// The reader's knowledge of how the shipped form's indicators relate, as disclosure control gets it.
@Suite struct DerivationRulesOfTheFormTests {
    @Test func aForeignNationalAlwaysHasAMigrationBackgroundAndADeclineDeclinesAll() {
        let rules = DerivationRules(form: Repository.form)
        #expect(rules.variables == ["migration_background", "immigration_history", "foreign_national"])
        #expect(rules.allowed.filter { $0["foreign_national"] == "yes" }.allSatisfy { $0["migration_background"] == "yes" })
        #expect(rules.allowed.contains(["migration_background": "declined", "immigration_history": "declined", "foreign_national": "declined"]))
        #expect(rules.allowed.filter { $0.values.contains("declined") }.count == 1)
        #expect(rules.allowed.contains { $0["migration_background"] == "no" } && rules.allowed.contains { $0["foreign_national"] == "no" })
    }
}
