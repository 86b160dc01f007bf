import Testing
@testable import Forms

@Suite struct FormDefinitionTests {
    @Test func theShippedFormHasItsFieldsInStorageOrder() {
        let form = Fixtures.form
        #expect(form.id == "migration-background")
        #expect(form.version == 1)
        #expect(form.sealedFieldNames == ["unit", "hired_quarter", "career_group", "employment", "born_in_germany", "citizenship",
                                          "parent_a_german_by_birth", "parent_b_german_by_birth", "parent_a_immigrated", "parent_b_immigrated"])
        #expect(form.items.allSatisfy { $0.codes.contains("no_answer") })
        #expect(form.indicators.map(\.key) == ["migration_background", "immigration_history", "foreign_national"])
        // YAML 1.1 would read these as booleans; they must stay answer codes.
        #expect(form.item("born_in_germany")!.codes == ["yes", "no", "no_answer"])
    }

    @Test func theShippedUnitsFollowTheKGStStructure() {
        let units = Fixtures.units
        #expect(units.units.count == 20)
        #expect(units.dezernate.map(\.code) == ["I", "II", "III", "IV"])
        #expect(units.unit("51")?.name.de == "Jugendamt")
        #expect(units.unit("51")?.dezernat == "III")
    }

    static let base = """
        id: test
        version: 1
        title: {de: T, en: T}
        consent: {de: C, en: C}
        context:
          - {key: unit, kind: unit, label: {de: E, en: U}}
          - {key: hired, kind: month, label: {de: M, en: M}}
        items:
          - key: q
            question: {de: F, en: Q}
            answers:
              - {code: "yes", de: Ja, en: "Yes"}
              - {code: no_answer, de: k.A., en: n/a}

        """

    @Test(arguments: [
        ("id: [unclosed\n", 2, nil as String?),
        (base + "colour: blue\n", 14, "colour"),
        (base.replacingOccurrences(of: "version: 1", with: "version: one"), 2, "version"),
        (base.replacingOccurrences(of: "      - {code: no_answer, de: k.A., en: n/a}\n", with: ""), 11, "items[0].answers"),
        (base.replacingOccurrences(of: "title: {de: T, en: T}", with: "title: {de: T}"), 3, "title.en"),
        (base + "indicators:\n  - {key: i, label: {de: I, en: I}, categories: [{code: a, de: A, en: A}], rules: [{result: a, all: {q: [maybe]}}], otherwise: a}\n", 15, "indicators[0]"),
        (base + "id: again\n", 1, "id"),
    ])
    func badFormFilesNameLineAndKey(_ text: String, _ line: Int, _ field: String?) {
        do {
            _ = try FormDefinition.parse(text, file: "bad.yaml")
            Issue.record("accepted a bad form")
        } catch let error as InputError {
            #expect(error.file == "bad.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.field == field, "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
