import Foundation
import Testing
import TestSupport
@testable import WebApp

@Suite("The survey in a further language: a translation file per language, right-to-left rendered")
struct SurveyTranslationTests {
    /// The shipped forms plus the Arabic test translation (a fixture, never shipped).
    static func formsWithArabic() throws -> URL {
        let directory = try temporaryDirectory("forms").appendingPathComponent("forms")
        try FileManager.default.copyItem(at: Repository.formsDirectory, to: directory)
        let translations = directory.appendingPathComponent("translations")
        try FileManager.default.createDirectory(at: translations, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Tests/translations/migration-background.ar.yaml"),
                                         to: translations.appendingPathComponent("migration-background.ar.yaml"))
        return directory
    }

    @Test("/survey?lang=ar is Arabic and right-to-left from the code to the receipt; what it leaves out is English")
    func arabic() async throws {
        let forms = try Self.formsWithArabic()
        let fixture = try WebAppFixture { $0.formsDirectory = forms }
        let (start, form, receipt, german) = try await fixture.run { browser in
            let code = try await SurveyTests.invite(browser)
            let start = try await browser.get("/survey?lang=ar")
            let form = try await browser.post("/survey", [("code", code), ("lang", "ar")])
            let receipt = try await browser.post("/survey/answer", [("code", code), ("lang", "ar"), ("version", "1"), ("consent", "yes"),
                                                                    ("item.born_in_germany", "no")])
            return (start, form, receipt, try await browser.get("/survey"))
        }
        #expect(start.status == .ok && start.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(start.body.contains("<h1>استبيان التنوع</h1>") && start.body.contains("<input type=\"hidden\" name=\"lang\" value=\"ar\">"))
        #expect(start.body.contains(Strings.text("footer", .en)), "the footer, left out, falls back to English")
        #expect(form.status == .ok && form.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(form.body.contains("<h1>معلومات طوعية عن تاريخ الهجرة</h1>"))
        #expect(form.body.contains("<legend>هل وُلدت في ألمانيا الحالية؟</legend>"))
        #expect(form.body.contains("<label for=\"item-born_in_germany-no_answer\">أفضّل عدم الإجابة</label>"))
        #expect(form.body.contains("<legend>Was your second parent born abroad and did they move to Germany in 1950 or later?</legend>"),
                "the question left out falls back to English")
        #expect(receipt.status == .ok && receipt.body.contains("<html lang=\"ar\" dir=\"rtl\">") && receipt.body.contains("<h1>شكرًا لك</h1>"))
        #expect(receipt.body.contains("<a href=\"/survey?lang=ar\">العودة إلى البداية</a>"))
        #expect(try fixture.stored() == (1, 0))
        #expect(german.body.contains("<html lang=\"de\">") && !german.body.contains("dir="), "without lang=ar, German as before")
    }

    @Test("an unknown code in Arabic gets the Arabic message on the Arabic page")
    func unknownCode() async throws {
        let forms = try Self.formsWithArabic()
        let fixture = try WebAppFixture { $0.formsDirectory = forms }
        let page = try await fixture.run { browser in
            try await browser.get("/survey?lang=ar")
            return try await browser.post("/survey", [("code", "0000-0000-0000-0000-001Y"), ("lang", "ar")])
        }
        #expect(page.status == .unprocessableContent && page.body.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(page.body.contains("هذا الرمز غير صالح"))
    }

    @Test("a broken translation file stops the start, naming file, line and key")
    func brokenFile() throws {
        let forms = try Self.formsWithArabic()
        try Data("form: migration-background\nlanguage: fa\nitems:\n  born_abroad: {question: x}\n".utf8)
            .write(to: forms.appendingPathComponent("translations/migration-background.fa.yaml"))
        let fixture = try WebAppFixture { $0.formsDirectory = forms }
        do {
            _ = try AppServices(configuration: fixture.configuration)
            Issue.record("started with a broken translation")
        } catch {
            #expect("\(error)" == "translations/migration-background.fa.yaml:4, field 'items.born_abroad': form 'migration-background' has no item 'born_abroad'")
        }
    }
}
