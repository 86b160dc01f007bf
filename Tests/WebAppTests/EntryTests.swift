import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

@Suite("HR: questionnaire, decline, receipt")
struct EntryTests {
    @Test("the questionnaire: context first, consent, items with 'keine Angabe', labelled and grouped")
    func form() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.hr)
            #expect(try await browser.get("/entry").body.contains(#"href="/entry/migration-background""#))
            return try await browser.get(entryPath)
        }
        #expect(page.status == .ok)
        let body = page.body
        let unit = try #require(body.range(of: #"<label for="ctx-unit">"#))
        let consent = try #require(body.range(of: #"<input id="consent" name="consent" type="checkbox""#))
        let item = try #require(body.range(of: #"<legend>Sind Sie im heutigen Deutschland geboren?</legend>"#))
        #expect(unit.lowerBound < consent.lowerBound && consent.lowerBound < item.lowerBound)
        #expect(body.contains("Ich beantworte die folgenden Fragen freiwillig."))
        #expect(body.components(separatedBy: "Keine Angabe</label>").count - 1 == 6)
        #expect(body.contains(#"<input type="radio" id="item-citizenship-no_answer" name="item.citizenship" value="no_answer" checked>"#))
        #expect(body.contains(#"formaction="/entry/migration-background/decline""#))
        // Every input, select and radio has a label.
        for match in body.matches(of: /<(?:input|select) id="([^"]+)"/) {
            #expect(body.contains(#"<label for="\#(match.1)">"#), "no label for \(match.1)")
        }
        let english = try await fixture.run { browser in
            try await browser.login(.hr)
            return try await browser.get(entryPath + "?lang=en")
        }
        #expect(english.body.contains("Were you born in present-day Germany?"))
        #expect(english.body.contains("I answer the following questions voluntarily."))
        #expect(english.body.contains("Prefer not to say"))
    }

    @Test("save → 303 → the receipt shows the code once, then never again; no answers on it")
    func saveAndReceipt() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            let saved = try await browser.post(entryPath, validEntry)
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/entry/receipt")
            let receipt = try await browser.get("/entry/receipt")
            #expect(receipt.status == .ok)
            #expect(receipt.headers[.cacheControl] == "no-store")
            let code = try #require(receipt.body.firstMatch(of: /<p class="code">([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})<\/p>/)).1
            #expect(receipt.body.contains("So widerrufen Sie"))
            #expect(receipt.body.contains("How to withdraw"))
            #expect(receipt.body.contains("http://localhost/withdraw"))
            #expect(!receipt.body.contains("not_german") && !receipt.body.contains("gehoben") && !receipt.body.contains("2025-03"))
            #expect(!receipt.body.contains("?lang="))
            let again = try await browser.get("/entry/receipt")
            #expect(!again.body.contains(String(code)))
            #expect(again.body.contains("bereits angezeigt"))
        }
        #expect(try fixture.stored() == (1, 0))
    }

    @Test("asked, declined: one click stores the context only")
    func decline() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            let declined = try await browser.post(entryPath + "/decline", validEntry.filter { $0.0 != "consent" })
            #expect(declined.status == .seeOther)
            #expect(declined.location == entryPath)
            let page = try await browser.get(entryPath)
            #expect(page.body.contains("Die Ablehnung wurde gespeichert."))
            #expect(!(try await browser.get(entryPath)).body.contains("Die Ablehnung wurde gespeichert."))
            let missing = try await browser.post(entryPath + "/decline", [("version", "1"), ("ctx.unit", "51")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains(##"<a href="#ctx-hired">"##))
        }
        #expect(try fixture.stored() == (0, 1))
    }

    /// Bad input: the form again with the error tied to its field, nothing stored.
    struct BadInput: Sendable, CustomStringConvertible {
        let description: String
        let change: @Sendable ([(String, String)]) -> [(String, String)]
        let field: String
        let german: String
        var status: HTTPResponse.Status = .unprocessableContent
    }

    static let badInputs: [BadInput] = [
        BadInput(description: "missing unit", change: { $0.filter { $0.0 != "ctx.unit" } }, field: "ctx-unit", german: "Pflichtfeld fehlt."),
        BadInput(description: "unknown unit", change: { replace($0, "ctx.unit", "99") }, field: "ctx-unit", german: "Unbekannte Organisationseinheit"),
        BadInput(description: "bad month", change: { replace($0, "ctx.hired", "2025-13") }, field: "ctx-hired", german: "Erwartet wird ein Monat als JJJJ-MM."),
        BadInput(description: "year out of range", change: { replace($0, "ctx.hired", "1999-01") }, field: "ctx-hired", german: "Das Einstellungsjahr muss"),
        BadInput(description: "unknown career group", change: { replace($0, "ctx.career_group", "boss") }, field: "ctx-career_group", german: "Unbekannter Code"),
        BadInput(description: "unknown answer code", change: { replace($0, "item.citizenship", "martian") }, field: "item-citizenship", german: "Unbekannter Antwortcode"),
        BadInput(description: "unknown item", change: { $0 + [("item.country", "x")] }, field: "item.country", german: "Unbekannte Frage."),
        BadInput(description: "unknown field", change: { $0 + [("name", "Erika Mustermann")] }, field: "name", german: "Unbekanntes Feld."),
        BadInput(description: "no consent", change: { $0.filter { $0.0 != "consent" } }, field: "consent", german: "Ohne Einwilligung"),
        BadInput(description: "unknown version", change: { replace($0, "version", "7") }, field: "version", german: "Unbekannte Version"),
        BadInput(description: "field twice", change: { $0 + [("item.citizenship", "german_by_birth")] }, field: "item.citizenship", german: "doppelt",
                 status: .badRequest),
    ]

    static func replace(_ fields: [(String, String)], _ name: String, _ value: String) -> [(String, String)] {
        fields.map { $0.0 == name ? (name, value) : $0 }
    }

    @Test("bad input → the form again, error tied to the field, nothing stored", arguments: badInputs)
    func badInput(_ bad: BadInput) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            return try await browser.post(entryPath, bad.change(validEntry))
        }
        #expect(page.status == bad.status)
        #expect(page.body.contains(bad.german))
        #expect(page.body.contains("Es wurde nichts gespeichert."))
        #expect(page.body.contains(#"<form method="post" action="/entry/migration-background""#))
        if bad.field.hasPrefix("ctx-") || bad.field.hasPrefix("item-") || bad.field == "consent" {
            #expect(page.body.contains(##"<a href="#\##(bad.field)">"##))
            #expect(page.body.contains(#"aria-describedby="\#(bad.field)-error""#) || page.body.contains("consent-error"))
        }
        // The submitted values stay in the form (the page is no-store), except on an unreadable body.
        #expect(page.headers[.cacheControl] == "no-store")
        #expect(try fixture.stored() == (0, 0))
    }

    @Test("English error messages on the English page")
    func englishErrors() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath + "?lang=en")
            return try await browser.post(entryPath, EntryTests.replace(validEntry, "ctx.hired", "March"))
        }
        #expect(page.body.contains("expected a month as YYYY-MM"))
        #expect(page.body.contains("Nothing has been stored."))
    }

    @Test("oversized body (> 64 KiB) → 413 and the form with the error, nothing stored")
    func oversized() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            return try await browser.post(entryPath, validEntry + [("item.padding", String(repeating: "x", count: 70_000))])
        }
        #expect(page.status == .contentTooLarge)
        #expect(page.body.contains("Die Formulardaten sind größer als 64 KiB."))
        #expect(page.body.contains(#"action="/entry/migration-background""#))
        #expect(try fixture.stored() == (0, 0))
    }

    @Test("wrong content type → 415 and the form with the error, nothing stored", arguments: ["multipart/form-data; boundary=x", "application/json", "text/plain"])
    func wrongContentType(type: String) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            return try await browser.post(entryPath, validEntry, contentType: type)
        }
        #expect(page.status == .unsupportedMediaType)
        #expect(page.body.contains("application/x-www-form-urlencoded"))
        #expect(try fixture.stored() == (0, 0))
    }

    @Test("unknown form → 404")
    func unknownForm() async throws {
        let fixture = try WebAppFixture()
        let status = try await fixture.run { browser in
            try await browser.login(.hr)
            return try await browser.get("/entry/no-such-form").status
        }
        #expect(status == .notFound)
    }
}
