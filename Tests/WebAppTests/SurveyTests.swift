import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import WebApp

@Suite("Invitations: HR issues, the respondent answers, HR never sees an answer")
struct SurveyTests {
    static let context: [(String, String)] = [("ctx.unit", "51"), ("ctx.hired", "2026-10"), ("ctx.career_group", "gehoben"),
                                              ("ctx.employment", "regular")]
    static func letterCodes(_ body: String) -> [String] {
        body.matches(of: /<code class="code">([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})<\/code>/).map { String($0.1) }
    }

    /// Issues one invitation as HR, signs out, and returns its code as printed on the letter.
    static func invite(_ browser: Browser) async throws -> String {
        try await browser.login(.hr)
        try await browser.get("/invitations")
        let letter = try await browser.post("/invitations", context)
        #expect(letter.status == .ok)
        #expect(letter.body.contains("<link rel=\"stylesheet\" href=\"/static/letter.css\">") && !letter.body.contains("<style>"))
        #expect(letter.body.contains("http://localhost/survey"))
        #expect(try await browser.get("/static/letter.css").body.contains("@page { size: A4"))
        let code = try #require(Self.letterCodes(letter.body).first)
        try await browser.post("/logout", [])
        return code
    }

    @Test("the respondent answers with the code, sees the receipt; HR sees counts only")
    func answered() async throws {
        let fixture = try WebAppFixture()
        let (form, receipt, again, hrPage, entryPage) = try await fixture.run { browser in
            let code = try await Self.invite(browser)
            try await browser.get("/survey?code=\(code.lowercased())")
            let form = try await browser.post("/survey", [("code", code.lowercased())])
            let receipt = try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("consent", "yes"),
                                                                    ("item.born_in_germany", "no"), ("item.citizenship", "not_german")])
            try await browser.get("/survey")
            let again = try await browser.post("/survey", [("code", code)])
            try await browser.login(.hr)
            return (form, receipt, again, try await browser.get("/invitations"), try await browser.get(entryPath))
        }
        #expect(form.status == .ok && form.body.contains("id=\"consent-text\"") && form.body.contains("name=\"item.born_in_germany\""))
        #expect(!form.body.contains("gehoben") && !form.body.contains("ctx."), "the questionnaire shows no context")
        #expect(!form.body.contains("http-equiv") && !receipt.body.contains("http-equiv"), "no return to the start off a kiosk")
        #expect(receipt.status == .ok)
        let code = try #require(receipt.body.firstMatch(of: /<p class="code">([0-9A-Z-]{23})<\/p>/)).1
        #expect(try fixture.stored() == (1, 0))
        #expect(again.status == .unprocessableContent && again.body.contains("Dieser Code gilt nicht"))
        #expect(hrPage.status == .ok && !hrPage.body.contains(String(code)))
        #expect(hrPage.body.contains("<tr><th scope=\"row\">2026</th><td>1</td><td>0</td><td>1</td><td>0</td></tr>"))
        #expect(entryPage.body.contains("sehen Sie die Antworten der Person") && entryPage.body.contains("Besser: Stellen Sie eine Einladung aus"))
        #expect(entryPage.body.contains("<a href=\"/invitations\">Einladung ausstellen</a>"))
    }

    @Test("a used code and an unknown code get the same page")
    func usedAndUnknownAlike() async throws {
        let fixture = try WebAppFixture()
        let (used, unknown) = try await fixture.run { browser in
            let code = try await Self.invite(browser)
            try await browser.get("/survey")
            try await browser.post("/survey/decline", [("code", code)])
            try await browser.get("/survey")
            let used = try await browser.post("/survey", [("code", code)])
            try await browser.get("/survey")
            let unknown = try await browser.post("/survey", [("code", "0000-0000-0000-0000-001Y")])
            return (used, unknown)
        }
        let strip = { (body: String) in body.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression) }
        #expect(used.status == unknown.status && strip(used.body) == strip(unknown.body))
        #expect(try fixture.stored() == (0, 1), "the decline is counted")
    }

    @Test("declining inside the questionnaire counts a decline and uses the code up")
    func declined() async throws {
        let fixture = try WebAppFixture()
        let (declined, answerAfter) = try await fixture.run { browser in
            let code = try await Self.invite(browser)
            try await browser.get("/survey")
            try await browser.post("/survey", [("code", code)])
            let declined = try await browser.post("/survey/decline", [("code", code), ("version", "1")])
            let after = try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("consent", "yes")])
            return (declined, after)
        }
        #expect(declined.status == .ok && declined.body.contains("Sie haben die Teilnahme abgelehnt"))
        #expect(answerAfter.status == .unprocessableContent && answerAfter.body.contains("Dieser Code gilt nicht"))
        #expect(try fixture.stored() == (0, 1))
    }

    @Test("a bad answer or a missing consent shows the questionnaire again, and the code stays open")
    func badAnswers() async throws {
        let fixture = try WebAppFixture()
        let (noConsent, badCode, typo, good) = try await fixture.run { browser in
            let code = try await Self.invite(browser)
            try await browser.get("/survey?lang=en")
            try await browser.post("/survey", [("code", code)])
            let noConsent = try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("item.born_in_germany", "no")])
            let badCode = try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("consent", "yes"),
                                                                    ("item.born_in_germany", "perhaps")])
            var chars = Array(code)
            chars[0] = chars[0] == "A" ? "B" : "A"
            let typo = try await browser.post("/survey", [("code", String(chars))])
            let good = try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("consent", "yes")])
            return (noConsent, badCode, typo, good)
        }
        #expect(noConsent.status == .unprocessableContent && noConsent.body.contains("consent text must be confirmed"))
        #expect(noConsent.body.contains("aria-invalid=\"true\""))
        #expect(badCode.status == .unprocessableContent && badCode.body.contains("unknown answer code"))
        #expect(typo.status == .unprocessableContent && typo.body.contains("has a typo"))
        #expect(good.status == .ok && good.body.contains("<p class=\"code\">"))
        #expect(try fixture.stored() == (1, 0))
    }

    @Test("a bad batch row is named by line and column and issues nothing")
    func badBatch() async throws {
        let fixture = try WebAppFixture()
        let (page, good) = try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get("/invitations")
            let page = try await browser.post("/invitations/batch", [("csv", "unit,hired,career_group,employment\n51,2026-10,gehoben,regular\n999,2026-10,gehoben,regular\n")])
            let good = try await browser.post("/invitations/batch", [("csv", "unit;hired;career_group;employment\n51;2026-10;gehoben;regular\n32;2026-11;mittel;trainee\n")])
            return (page, good)
        }
        #expect(page.status == .unprocessableContent && page.body.contains("Zeile 3, Spalte unit: Unbekannte Organisationseinheit"))
        #expect(good.status == .ok && Self.letterCodes(good.body).count == 2)
        #expect(good.body.components(separatedBy: "<article class=\"letter\">").count == 3)
    }

    @Test("a valid, a used, an unknown and a mistyped code all take at least the minimum time")
    func padded() async throws {
        let fixture = try WebAppFixture { $0.withdrawalMinimumDuration = .milliseconds(300) }
        let durations = try await fixture.run { browser in
            let code = try await Self.invite(browser)
            let used = try await Self.invite(browser)
            try await browser.get("/survey")
            try await browser.post("/survey/decline", [("code", used)])
            var durations: [Duration] = []
            for attempt in [code, used, "0000-0000-0000-0000-001Y", "0000-0000-0000-0000-0011"] {
                try await browser.get("/survey")
                let start = ContinuousClock.now
                try await browser.post("/survey", [("code", attempt)])
                durations.append(ContinuousClock.now - start)
            }
            return durations
        }
        #expect(durations.count == 4)
        for duration in durations { #expect(duration >= .milliseconds(300)) }
    }

    /// A copy of the shipped policy whose ways of entry are `ways`.
    static func policy(entry ways: String) throws -> URL {
        let policy = try temporaryDirectory("policy")
        for name in ["retention.yaml", "processing.yaml", "disclosure.yaml", "perturbation-table.csv"] {
            try FileManager.default.copyItem(at: Repository.policyDirectory.appendingPathComponent(name), to: policy.appendingPathComponent(name))
        }
        let file = policy.appendingPathComponent("retention.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "entry: [self_service, hr]", with: "entry: \(ways)").write(to: file, atomically: true, encoding: .utf8)
        return policy
    }

    @Test("policy decides which ways of entry the pages offer")
    func waysOfEntry() async throws {
        let hrOnly = try WebAppFixture { $0.policyDirectory = try! Self.policy(entry: "[hr]") }
        let (invitations, refused, entry) = try await hrOnly.run { browser in
            try await browser.login(.hr)
            let invitations = try await browser.get("/invitations")
            let refused = try await browser.post("/invitations", Self.context)
            return (invitations, refused, try await browser.get(entryPath))
        }
        #expect(invitations.body.contains("Einladungen sind laut Richtlinie nicht vorgesehen"))
        #expect(refused.status == .unprocessableContent && refused.body.contains("Einladungen zur Selbstauskunft sind laut Richtlinie nicht vorgesehen"))
        #expect(entry.body.contains("sehen Sie die Antworten der Person") && !entry.body.contains("Besser: Stellen Sie eine Einladung aus"))
        let selfServiceOnly = try WebAppFixture { $0.policyDirectory = try! Self.policy(entry: "[self_service]") }
        let saved = try await selfServiceOnly.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            return try await browser.post(entryPath, validEntry)
        }
        #expect(saved.status == .unprocessableContent && saved.body.contains("bitte eine Einladung ausstellen"))
        #expect(try selfServiceOnly.stored() == (0, 0))
    }

    @Test("a kiosk shows only the survey, returns to the start, and ends when someone signs in")
    func kiosk() async throws {
        let fixture = try WebAppFixture()
        let (opened, elsewhere, start, script, receipt, ended) = try await fixture.run { browser in
            let code = try await Self.invite(browser)
            try await browser.login(.hr)
            try await browser.get("/invitations")
            let opened = try await browser.post("/invitations/kiosk", [])
            let elsewhere = try await browser.get("/invitations")
            let start = try await browser.get("/survey")
            let script = try await browser.get("/static/kiosk.js")
            try await browser.post("/survey", [("code", code)])
            let receipt = try await browser.post("/survey/answer", [("code", code), ("version", "1"), ("consent", "yes")])
            try await browser.login(.hr)
            return (opened, elsewhere, start, script, receipt, try await browser.get("/invitations"))
        }
        #expect(opened.status == .seeOther && opened.location == "/survey")
        #expect(opened.setCookies.contains { $0.hasPrefix("vielfalt_kiosk=") && $0.contains("HttpOnly") })
        #expect(elsewhere.status == .seeOther && elsewhere.location == "/survey", "HR's pages are gone on the kiosk")
        // A script warns and offers more time before the return; the meta refresh is only its fallback without script.
        #expect(start.status == .ok && start.body.contains("<noscript><meta http-equiv=\"refresh\" content=\"600;url=/survey\"></noscript>"))
        #expect(start.body.contains("<script src=\"/static/kiosk.js\" defer></script>") && start.body.contains("data-kiosk-return=\"600;url=/survey\""))
        #expect(start.body.contains("<button type=\"button\" id=\"kiosk-more-time\">Ich brauche mehr Zeit</button>"))
        #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8" && script.body.contains("location.replace(\"/survey\")"))
        #expect(!start.body.contains("href=\"/login\"") && !start.body.contains("<nav"))
        #expect(receipt.status == .ok && receipt.body.contains("<noscript><meta http-equiv=\"refresh\" content=\"60;url=/survey\"></noscript>"))
        #expect(receipt.headers[.cacheControl]?.contains("no-store") == true)
        #expect(ended.status == .ok && ended.body.contains(">Einladungen ausstellen<"), "signing in ends kiosk mode")
        #expect(try fixture.stored() == (1, 0))
    }

    @Test("code attempts are limited per address")
    func limited() async throws {
        let fixture = try WebAppFixture { $0.withdrawalLimit = .init(attempts: 2, window: .seconds(600)) }
        let statuses = try await fixture.run { browser in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<3 {
                try await browser.get("/survey")
                statuses.append(try await browser.post("/survey", [("code", "0000-0000-0000-0000-001Y")]).status)
            }
            return statuses
        }
        #expect(statuses == [.unprocessableContent, .unprocessableContent, .tooManyRequests])
    }
}
