import Testing
import TestSupport
import Forms

/// A report finds its form by the indicator it counts, and reads every version of it.
@Suite struct ReportFormTests {
    @Test func theVersionsOfTheOneFormThatDefinesTheIndicatorNewestFirst() throws {
        let form = try ReportForm(indicator: "migration_background",
                                  in: [FormVariants.version2, FormVariants.variant(id: "andere-umfrage", indicators: false), FormVariants.variant(version: 3)])
        #expect(form.id == "migration-background")
        #expect(form.versions.map(\.version) == [3, 2])
        // The newest order first, then codes only older versions have, with their newest labels.
        #expect(form.choices("career_group").map(\.code) == ["einfach", "mittel", "gehoben", "hoeher", "leitung"])
        #expect(form.choices("career_group").last?.label.en == "Leading position")
        #expect(form.choices("employment").map(\.code) == ["regular", "trainee"])
        #expect(form.choices("hired") == [])
        #expect(form.indicator.categoryCodes == ["yes", "no", "not_determinable"])
        #expect(form.indicator.label == form.newest.indicator("migration_background")?.label)
    }

    @Test func anIndicatorNoFormDefinesIsAnErrorNamingIt() {
        #expect(throws: InputError(field: "indicator",
                                   english: "unknown indicator 'religion' (known: migration_background, immigration_history, foreign_national)",
                                   german: "Unbekanntes Merkmal „religion“ (bekannt: migration_background, immigration_history, foreign_national).")) {
            try ReportForm(indicator: "religion", in: [Repository.form, FormVariants.version2])
        }
    }

    @Test func anIndicatorTwoFormsDefineIsAnErrorNamingItAndThem() {
        #expect(throws: InputError(field: "indicator",
                                   english: "indicator 'foreign_national' is defined by several forms (migration-background, andere-umfrage): a report counts one form only",
                                   german: "Das Merkmal „foreign_national“ ist in mehreren Formularen definiert (migration-background, andere-umfrage); ein Bericht zählt nur ein Formular.")) {
            try ReportForm(indicator: "foreign_national", in: [Repository.form, FormVariants.variant(id: "andere-umfrage")])
        }
    }
}
