import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Store
import Testing
import TestSupport
@testable import WebApp

@Suite("What the request log and the audit log reveal")
struct LogPrivacyTests {
    @Test("no request log line tells an answer from a decline, or names a path as sent")
    func requestLog() async throws {
        let fixture = try WebAppFixture()
        let capture = LogCapture()
        try await fixture.run(logger: capture.logger) { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            #expect(try await browser.post(entryPath, validEntry).status == .seeOther)
            try await browser.get("/entry/receipt")
            try await browser.get(entryPath)
            #expect(try await browser.post(entryPath + "/decline", validEntry.filter { $0.0 != "consent" }).status == .seeOther)
            let token = try await APITests.signIn(browser, .hr)
            #expect(try await browser.postRaw("/api/v1/entries", body: APITests.entry, contentType: "application/json",
                                              headers: [HeaderName.csrfToken: token]).status == .created)
            #expect(try await browser.postRaw("/api/v1/declines", body: APITests.decline, contentType: "application/json",
                                              headers: [HeaderName.csrfToken: token]).status == .created)
            try await browser.get("/withdraw")
            try await browser.post("/withdraw", [("code", "ABCDE-ABCDE-ABCDE-ABCDE")])
            try await browser.get("/nowhere/erika?code=ABCDE")
        }
        let lines = capture.texts
        #expect(!lines.isEmpty)
        for line in lines {
            for word in ["entr", "declin", "receipt", "withdraw", "erika", "ABCDE"] {
                #expect(!line.lowercased().contains(word.lowercased()), "\(line)")
            }
        }
        #expect(lines.contains { $0.hasPrefix("info POST /login 303 ") })
        #expect(lines.contains { $0.hasPrefix("info GET {unmatched} 404 ") })
    }

    @Test("the survey leaves no request log line: an answer, a decline and a wrong code look alike")
    func surveyNotLogged() async throws {
        let fixture = try WebAppFixture()
        let capture = LogCapture()
        try await fixture.run(logger: capture.logger) { browser in
            let code = try await SurveyTests.invite(browser)
            let other = try await SurveyTests.invite(browser)
            try await browser.get("/survey?code=\(code)")
            try await browser.post("/survey", [("code", code)])
            #expect(try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("consent", "yes")]).status == .ok)
            try await browser.get("/survey")
            #expect(try await browser.post("/survey/decline", [("code", other)]).status == .ok)
            try await browser.get("/survey")
            try await browser.post("/survey", [("code", "0000-0000-0000-0000-001Y")])
        }
        Self.expectNoLine(in: capture, containing: ["/survey", "0000-0000"], butOne: "info POST /invitations 200 ")
    }

    /// No line of `capture` contains any of `words`, and one starts with `seen` (the log is on).
    static func expectNoLine(in capture: LogCapture, containing words: [String], butOne seen: String) {
        #expect(capture.texts.contains { $0.hasPrefix(seen) }, "the test must see the log")
        for line in capture.texts {
            #expect(!words.contains { line.contains($0) }, "\(line)")
        }
    }

    @Test("entering returned paper forms leaves no request log line: an answer and a decline look alike")
    func paperEntryNotLogged() async throws {
        let fixture = try WebAppFixture()
        let capture = LogCapture()
        try await fixture.run(logger: capture.logger) { browser in
            let form = try await PaperPageTests.returnedForm(browser)
            let other = try await SurveyTests.invite(browser)
            let third = try await SurveyTests.invite(browser)
            try await browser.login(.statistics)
            try await browser.get("/statistics/paper/entry")
            #expect(try await browser.post("/statistics/paper/entry", PaperPageTests.answers(form)).status == .ok)
            try await browser.post("/statistics/paper/entry/decline", [("code", other), ("receipt", "")])
            let token = try await APITests.signIn(browser, .statistics)
            _ = try await browser.postRaw("/api/v1/paper-entries", body: PaperPageTests.json((third, "")), contentType: "application/json",
                                      headers: [HeaderName.csrfToken: token])
        }
        Self.expectNoLine(in: capture, containing: ["paper/entry", "paper-entries"], butOne: "info POST /statistics/paper 200 ")
    }

    @Test("a user name in a path is logged as the route pattern")
    func routePattern() async throws {
        let fixture = try WebAppFixture()
        let capture = LogCapture()
        try await fixture.run(logger: capture.logger) { browser in
            try await browser.login(.admin)
            try await browser.get("/admin/users")
            #expect(try await browser.post("/admin/users/integration/disable", []).status == .seeOther)
        }
        #expect(capture.texts.contains { $0.hasPrefix("info POST /admin/users/{name}/disable 303 ") })
        #expect(!capture.texts.contains { $0.contains("/integration/") })
    }

    @Test("a withdrawal typed by a signed-in clerk names the clerk in the audit log, one without a login the respondent")
    func withdrawer() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            try await browser.post(entryPath, validEntry)
            let receipt = try await browser.get("/entry/receipt")
            let code = try #require(receipt.body.firstMatch(of: /[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/)).0
            try await browser.get("/withdraw")
            #expect(try await browser.post("/withdraw", [("code", String(code))]).status == .ok)
        }
        let log = try AuditLog.entries(DataStore.open(fixture.location))
        #expect(log.map { "\($0.role) \($0.user) \($0.action)" } == ["hr hr response withdrawn"])
    }
}
