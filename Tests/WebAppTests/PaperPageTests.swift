import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
@testable import Store
import Testing
import TestSupport
@testable import WebApp

@Suite("Paper questionnaires: the statistics unit prints and enters them; HR cannot")
struct PaperPageTests {
    static func receipts(_ body: String) -> [String] {
        // On the stub (`p`) and on the form (`dd`).
        body.matches(of: /class="code">([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3})<\//).map { String($0.1) }
    }

    /// Prints one questionnaire as the statistics unit and issues one invitation as HR; signs out.
    static func returnedForm(_ browser: Browser) async throws -> (code: String, receipt: String) {
        try await browser.login(.statistics)
        let page = try await browser.get("/statistics/paper")
        #expect(page.status == .ok && page.body.contains("action=\"/statistics/paper\""))
        let printed = try await browser.post("/statistics/paper", [("count", "2")])
        #expect(printed.status == .ok && printed.body.contains("<link rel=\"stylesheet\" href=\"/static/paper.css\">") && !printed.body.contains("<style>"))
        #expect(printed.body.contains("<code>http://localhost/withdraw</code>"))
        #expect(try await browser.get("/static/paper.css").body.contains("@page { size: A4"))
        let receipts = Self.receipts(printed.body)
        #expect(receipts.count == 4 && Set(receipts).count == 2)
        try await browser.post("/logout", [])
        let code = try await SurveyTests.invite(browser)
        return (code, receipts[0])
    }

    static func answers(_ form: (code: String, receipt: String)) -> [(String, String)] {
        [("code", form.code), ("receipt", form.receipt), ("version", "1"), ("consent", "yes"),
         ("item.born_in_germany", "no"), ("item.citizenship", "not_german")]
    }

    @Test("a returned form is entered under its printed receipt, with the reminder to destroy it")
    func entered() async throws {
        let fixture = try WebAppFixture()
        let (form, entryPage, stored, again) = try await fixture.run { browser in
            let form = try await Self.returnedForm(browser)
            try await browser.login(.statistics)
            let entryPage = try await browser.get("/statistics/paper/entry")
            let stored = try await browser.post("/statistics/paper/entry", Self.answers(form))
            let again = try await browser.post("/statistics/paper/entry", Self.answers(form))
            return (form, entryPage, stored, again)
        }
        for page in [entryPage, stored] {
            #expect(page.body.contains("Vernichten Sie den Papierbogen jetzt (§ 4 Abs. 2 MighEV)"))
            #expect(page.body.contains("Destroy the paper form now (MighEV § 4(2))"))
        }
        #expect(stored.status == .ok && stored.body.contains("Gespeichert, unter dem gedruckten Quittungscode."))
        #expect(!stored.body.contains(form.receipt) && !stored.body.contains(form.code), "the page does not repeat a code")
        #expect(again.status == .unprocessableContent && again.body.contains("Dieser Code gilt nicht (unbekannt, bereits verwendet oder abgelaufen)."))
        #expect(try fixture.stored() == (1, 0))
        let data = try DataStore.open(fixture.location)
        let tally = try data.database.read { try Row.fetchAll($0, sql: "SELECT role, user, entries FROM entry_tally") }
        #expect(tally.map { "\($0["role"] as String) \($0["user"] as String) \($0["entries"] as Int)" } == ["paper statistics 1"])
        // The stub's code withdraws the response.
        let withdrawn = try await fixture.run { browser in
            try await browser.get("/withdraw")
            return try await browser.post("/withdraw", [("code", form.receipt)])
        }
        #expect(withdrawn.status == .ok)
        #expect(try fixture.stored() == (0, 0))
    }

    @Test("the decline box counts a decline; bad fields are named on the page and store nothing")
    func declinedAndRefused() async throws {
        let fixture = try WebAppFixture()
        let (typo, noReceipt, declined) = try await fixture.run { browser in
            let form = try await Self.returnedForm(browser)
            try await browser.login(.statistics)
            try await browser.get("/statistics/paper/entry")
            let mistyped = (form.receipt.first == "7" ? "8" : "7") + form.receipt.dropFirst()
            let typo = try await browser.post("/statistics/paper/entry", Self.answers((form.code, mistyped)))
            let noReceipt = try await browser.post("/statistics/paper/entry", Self.answers((form.code, "")))
            let declined = try await browser.post("/statistics/paper/entry/decline", [("code", form.code), ("receipt", "")])
            return (typo, noReceipt, declined)
        }
        #expect(typo.status == .unprocessableContent && typo.body.contains("Der Quittungscode enthält einen Tippfehler"))
        #expect(typo.body.contains("<a href=\"#receipt\">Quittungscode vom Bogen:") && typo.body.contains("aria-invalid=\"true\""))
        #expect(noReceipt.status == .unprocessableContent && noReceipt.body.contains("Der auf dem Papierbogen gedruckte Quittungscode fehlt."))
        #expect(declined.status == .ok && declined.body.contains("Als Ablehnung gezählt."))
        #expect(try fixture.stored() == (0, 1))
    }

    @Test("HR can neither print nor enter a paper form, nor use the API for it")
    func hrIsRefused() async throws {
        let fixture = try WebAppFixture()
        let (print, entry, api) = try await fixture.run { browser in
            let form = try await Self.returnedForm(browser)
            try await browser.login(.hr)
            try await browser.get("/invitations")
            let print = try await browser.post("/statistics/paper", [("count", "1")])
            let entry = try await browser.post("/statistics/paper/entry", Self.answers(form))
            let token = try await APITests.signIn(browser, .hr)
            let api = try await browser.postRaw("/api/v1/paper-entries", body: Self.json(form), contentType: "application/json",
                                                headers: [HeaderName.csrfToken: token])
            return (print, entry, api)
        }
        #expect(print.status == .forbidden && entry.status == .forbidden && api.status == .forbidden)
        #expect(try fixture.stored() == (0, 0))
    }

    static func json(_ form: (code: String, receipt: String)) -> String {
        #"{"code":"\#(form.code)","receipt":"\#(form.receipt)","version":1,"consent":true,"answers":{"born_in_germany":"no"}}"#
    }

    @Test("the API enters a paper form; unknown 404, receipt stored 409, typo 422")
    func api() async throws {
        let fixture = try WebAppFixture()
        let (created, used, receiptTwice, typo, declined) = try await fixture.run { browser in
            let form = try await Self.returnedForm(browser)
            let second = try await SurveyTests.invite(browser)
            let third = try await SurveyTests.invite(browser)
            let token = try await APITests.signIn(browser, .statistics)
            let post = { (body: String) in
                try await browser.postRaw("/api/v1/paper-entries", body: body, contentType: "application/json", headers: [HeaderName.csrfToken: token])
            }
            let created = try await post(Self.json(form))
            let used = try await post(Self.json(form))
            let receiptTwice = try await post(Self.json((second, form.receipt)))
            let typo = try await post(Self.json(((second.first == "7" ? "8" : "7") + second.dropFirst(), form.receipt)))
            let declined = try await post(#"{"code":"\#(third)","decline":true}"#)
            return (created, used, receiptTwice, typo, declined)
        }
        let createdBody = try APITests.json(created), declinedBody = try APITests.json(declined)
        let usedField = try APITests.error(used)["field"] as? String, twiceField = try APITests.error(receiptTwice)["field"] as? String
        let typoField = try APITests.error(typo)["field"] as? String
        #expect(created.status == .created && createdBody["status"] as? String == "stored")
        #expect((createdBody["de"] as? String)?.hasPrefix("Vernichten Sie den Papierbogen jetzt") == true)
        #expect(used.status == .notFound && usedField == "code")
        #expect(receiptTwice.status == .conflict && twiceField == "receipt")
        #expect(typo.status == .unprocessableContent && typoField == "code")
        #expect(declined.status == .created && declinedBody["status"] as? String == "declined")
        #expect(try fixture.stored() == (1, 1))
    }
}
