import Foundation
import Testing
import TestSupport
@testable import Forms

@Suite("Translations of a form into further languages: checked, and what is left out falls back, said")
struct FormTranslationTests {
    static let pageKeys = ["survey_title", "survey_start"]
    static let file = "migration-background.fa.yaml"

    static func parse(_ text: String, file: String = file) throws -> FormTranslation {
        try FormTranslation.parse(text, file: file, form: Fixtures.form, pageKeys: pageKeys)
    }

    @Test("the Arabic test translation loads right-to-left, and names what it leaves out")
    func arabicFixture() throws {
        let url = Repository.root.appendingPathComponent("Tests/translations/migration-background.ar.yaml")
        let pageKeys = try YAMLNode.load(contentsOf: url).child("pages").keys() + ["footer"]
        let translation = try FormTranslation.load(contentsOf: url, form: Fixtures.form, pageKeys: pageKeys)
        #expect(translation.language == "ar" && translation.direction == .rtl && translation.fallback == "en")
        let form = Fixtures.form
        #expect(translation.title(of: form) == "معلومات طوعية عن تاريخ الهجرة")
        let born = try #require(form.item("born_in_germany"))
        #expect(translation.question(of: born) == "هل وُلدت في ألمانيا الحالية؟")
        #expect(translation.label(of: born.answers[0], in: born) == "نعم")
        let last = try #require(form.item("parent_b_immigrated"))
        #expect(translation.question(of: last) == last.question.en, "a question left out is shown in English")
        #expect(translation.missing == ["items.parent_b_immigrated.question", "pages.footer"])
    }

    @Test("a file with only the required keys falls back for everything, and lists it all")
    func minimal() throws {
        let translation = try Self.parse("form: migration-background\nlanguage: fa\nfallback: de\n")
        #expect(translation.direction == .ltr)
        #expect(translation.title(of: Fixtures.form) == Fixtures.form.title.de)
        #expect(translation.missing.prefix(3) == ["title", "consent", "items.born_in_germany.question"])
        #expect(translation.missing.suffix(2) == ["pages.survey_title", "pages.survey_start"])
    }

    static let badFiles: [(String, String, String, Int?, String?, String)] = [
        ("unknown top-level key", "form: migration-background\nlanguage: fa\ntitel: x\n", file, 3, "titel", "unknown key"),
        ("unknown item", "form: migration-background\nlanguage: fa\nitems:\n  born_abroad: {question: x}\n", file, 4,
         "items.born_abroad", "form 'migration-background' has no item 'born_abroad'"),
        ("unknown answer code", "form: migration-background\nlanguage: fa\nitems:\n  born_in_germany:\n    answers: {maybe: x}\n", file, 5,
         "items.born_in_germany.answers.maybe", "item 'born_in_germany' has no answer code 'maybe'"),
        ("unknown key in an item", "form: migration-background\nlanguage: fa\nitems:\n  born_in_germany: {label: x}\n", file, 4,
         "items.born_in_germany.label", "unknown key"),
        ("unknown page text", "form: migration-background\nlanguage: fa\npages:\n  survey_titel: x\n", file, 4,
         "pages.survey_titel", "unknown page text (allowed: survey_title, survey_start)"),
        ("wrong form", "form: other\nlanguage: fa\n", file, 1, "form", "translation of form 'other', but the file name says 'migration-background'"),
        ("file name and language differ", "form: migration-background\nlanguage: ar\n", file, 2, "language",
         "the file must be named migration-background.ar.yaml"),
        ("German belongs in the form", "form: migration-background\nlanguage: de\n", "migration-background.de.yaml", 2, "language",
         "German and English belong in the form file itself"),
        ("not a language tag", "form: migration-background\nlanguage: Farsi\n", file, 2, "language",
         "language must be a BCP 47 tag such as ar, fa or pt-BR"),
        ("bad direction", "form: migration-background\nlanguage: fa\ndirection: right\n", file, 3, "direction", "direction must be ltr or rtl"),
        ("bad fallback", "form: migration-background\nlanguage: fa\nfallback: fr\n", file, 3, "fallback", "fallback must be de or en"),
        ("missing language", "form: migration-background\n", file, nil, "language", "required key is missing"),
        ("a question that is not text", "form: migration-background\nlanguage: fa\nitems:\n  born_in_germany: {question: [a]}\n", file, 4,
         "items.born_in_germany.question", "expected a text value"),
    ]

    @Test("a bad translation file is refused with file, line and key", arguments: badFiles)
    func refused(_ bad: (name: String, text: String, file: String, line: Int?, field: String?, message: String)) {
        do {
            _ = try Self.parse(bad.text, file: bad.file)
            Issue.record("\(bad.name): accepted")
        } catch let error as InputError {
            #expect(error.file == bad.file, "\(bad.name)")
            if let line = bad.line { #expect(error.line == line, "\(bad.name)") }
            #expect(error.field == bad.field, "\(bad.name)")
            #expect(error.english.hasPrefix(bad.message), "\(bad.name): \(error.english)")
        } catch {
            Issue.record("\(bad.name): \(error)")
        }
    }

    @Test("a file in translations/ for a form that does not exist names the file")
    func unknownForm() throws {
        let directory = try temporaryDirectory("translations")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("translations"), withIntermediateDirectories: true)
        try Data("form: exit-survey\nlanguage: fa\n".utf8).write(to: directory.appendingPathComponent("translations/exit-survey.fa.yaml"))
        #expect(throws: InputError(file: "translations/exit-survey.fa.yaml", english: "no form 'exit-survey' to translate",
                                   german: "Kein Formular „exit-survey“ zum Übersetzen.")) {
            try FormTranslation.loadAll(formsDirectory: directory, forms: [Fixtures.form], pageKeys: [])
        }
        #expect(try FormTranslation.loadAll(formsDirectory: Repository.formsDirectory, forms: [Fixtures.form], pageKeys: []).isEmpty,
                "the shipped forms have no further language")
    }
}
