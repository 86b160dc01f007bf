import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

@Suite("API: invitations (role hr), counts only")
struct InvitationAPITests {
    static func issue(_ browser: Browser, token: String, body: String = APITests.decline) async throws -> Browser.Page {
        try await browser.postRaw("/api/v1/invitations", body: body, contentType: "application/json", headers: [HeaderName.csrfToken: token])
    }

    @Test("an invitation is issued once from a context; its code answers the survey; the counts show it, nothing else")
    func issued() async throws {
        let fixture = try WebAppFixture()
        let (created, receipt, counts) = try await fixture.run { browser in
            let token = try await APITests.signIn(browser, .hr)
            let created = try await Self.issue(browser, token: token)
            let object = try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any]
            let code = try #require(object?["code"] as? String)
            #expect(try await browser.send("/api/v1/session", method: .delete, headers: [HeaderName.csrfToken: token], body: nil).status == .noContent)
            try await browser.get("/survey")
            try await browser.post("/survey", [("code", code)])
            let receipt = try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("consent", "yes")])
            _ = try await APITests.signIn(browser, .hr)
            return (created, receipt, try await browser.get("/api/v1/invitations"))
        }
        #expect(created.status == .created)
        #expect(created.body.firstMatch(of: /^\{"code":"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}","lastDay":"\d{4}-\d{2}-\d{2}"\}$/) != nil)
        #expect(receipt.status == .ok)
        let code = try #require(receipt.body.firstMatch(of: /<p class="code">([0-9A-Z-]{23})<\/p>/)).1
        #expect(counts.status == .ok && counts.body == #"{"periods":[{"answered":1,"expired":0,"issued":1,"open":0,"period":2025}]}"#)
        #expect(!counts.body.contains(String(code)))
        #expect(try fixture.stored() == (1, 0))
    }

    @Test("bad bodies are refused by field and issue nothing", arguments: [
        (#"{"form":"migration-background","version":1,"context":{"unit":"999","hired":"2025-03","career_group":"gehoben","employment":"trainee"}}"#, "unit"),
        (#"{"form":"migration-background","version":2,"context":{"unit":"51","hired":"2025-03","career_group":"gehoben","employment":"trainee"}}"#, "version"),
        (#"{"form":"migration-background","version":1,"context":{"unit":"51","hired":"2025-03","career_group":"gehoben","employment":"trainee"},"answers":{}}"#, "answers"),
        (#"{"form":"migration-background","version":1,"context":{"unit":"51"}}"#, "hired"),
    ])
    func refused(body: String, field: String) async throws {
        let fixture = try WebAppFixture()
        let (page, counts) = try await fixture.run { browser in
            let token = try await APITests.signIn(browser, .hr)
            return (try await Self.issue(browser, token: token, body: body), try await browser.get("/api/v1/invitations"))
        }
        #expect(page.status == .badRequest)
        let error = (try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])?["error"] as? [String: Any]
        #expect(error?["field"] as? String == field, "\(page.body)")
        #expect(counts.body == #"{"periods":[]}"#)
    }
}
