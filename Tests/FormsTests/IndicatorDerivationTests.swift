import Testing
@testable import Forms

/// The form file's rules against an independent reading of the Destatis definitions, for every
/// combination of answers (3 × 5 × 4⁴ = 3840), each also with omitted items standing for no_answer.
@Suite struct IndicatorDerivationTests {
    static func migrationBackground(_ a: [String: String]) -> String {
        let citizenship = a["citizenship"] ?? "no_answer"
        if ["german_naturalised", "german_aussiedler", "not_german"].contains(citizenship)
            || a["parent_a_german_by_birth"] == "no" || a["parent_b_german_by_birth"] == "no" { return "yes" }
        if citizenship == "german_by_birth", a["parent_a_german_by_birth"] == "yes", a["parent_b_german_by_birth"] == "yes" { return "no" }
        return "not_determinable"
    }

    static func immigrationHistory(_ a: [String: String]) -> String {
        switch (a["born_in_germany"], a["parent_a_immigrated"], a["parent_b_immigrated"]) {
        case ("no", _, _): "first_generation"
        case ("yes", "yes", "yes"): "second_generation"
        case ("yes", "yes", "no"), ("yes", "no", "yes"): "one_parent_immigrated"
        case ("yes", "no", "no"): "none"
        default: "not_determinable"
        }
    }

    static func foreignNational(_ a: [String: String]) -> String {
        switch a["citizenship"] {
        case "not_german": "yes"
        case "german_by_birth", "german_naturalised", "german_aussiedler": "no"
        default: "not_determinable"
        }
    }

    static func allCombinations() -> [[String: String]] {
        Fixtures.form.items.reduce([[:]]) { partial, item in
            partial.flatMap { answers in item.codes.map { answers.merging([item.key: $0]) { $1 } } }
        }
    }

    @Test func everyCombinationMatchesTheDefinitions() throws {
        let form = Fixtures.form
        let combinations = Self.allCombinations()
        #expect(combinations.count == 3840)
        let references: [(String, ([String: String]) -> String)] = [
            ("migration_background", Self.migrationBackground),
            ("immigration_history", Self.immigrationHistory),
            ("foreign_national", Self.foreignNational),
        ]
        for (key, reference) in references {
            let indicator = try #require(form.indicator(key))
            var mismatches = 0
            for answers in combinations {
                let omitted = answers.filter { $0.value != "no_answer" }
                if indicator.derive(answers) != reference(answers) || indicator.derive(omitted) != reference(answers) { mismatches += 1 }
            }
            #expect(mismatches == 0, "\(key): \(mismatches) combinations differ")
        }
    }

    @Test(arguments: [
        (["citizenship": "german_by_birth", "parent_a_german_by_birth": "yes", "parent_b_german_by_birth": "yes"], "no"),
        (["citizenship": "german_by_birth", "parent_a_german_by_birth": "yes"], "not_determinable"),
        (["citizenship": "german_aussiedler"], "yes"),
        (["citizenship": "no_answer", "parent_b_german_by_birth": "no"], "yes"),
        (["citizenship": "german_by_birth", "parent_a_german_by_birth": "unknown", "parent_b_german_by_birth": "yes"], "not_determinable"),
        ([:], "not_determinable"),
    ])
    func migrationBackgroundExamples(_ answers: [String: String], _ expected: String) {
        #expect(Fixtures.form.indicator("migration_background")!.derive(answers) == expected)
    }

    @Test(arguments: [
        (["born_in_germany": "no"], "first_generation"),
        (["born_in_germany": "yes", "parent_a_immigrated": "yes", "parent_b_immigrated": "yes"], "second_generation"),
        (["born_in_germany": "yes", "parent_a_immigrated": "no", "parent_b_immigrated": "yes"], "one_parent_immigrated"),
        (["born_in_germany": "yes", "parent_a_immigrated": "yes", "parent_b_immigrated": "unknown"], "not_determinable"),
        (["born_in_germany": "yes", "parent_a_immigrated": "no", "parent_b_immigrated": "no"], "none"),
        (["parent_a_immigrated": "yes", "parent_b_immigrated": "yes"], "not_determinable"),
    ])
    func immigrationHistoryExamples(_ answers: [String: String], _ expected: String) {
        #expect(Fixtures.form.indicator("immigration_history")!.derive(answers) == expected)
    }
}
