import Forms
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import TestSupport
import Testing
@testable import WebApp

/// Report requests, release, refusal, released reports and the ledger through `/api/v1`.
@Suite("JSON API: report requests, release, ledger")
struct ReportAPITests {
    static let baseline = #"{"kind":"baseline","indicator":"migration_background","by":["unit"],"years":"2025"}"#

    /// Sends a JSON body with the CSRF token.
    static func post(_ browser: Browser, _ path: String, _ body: String, token: String, contentType: String = "application/json") async throws -> Browser.Page {
        try await browser.postRaw(path, body: body, contentType: contentType, headers: [HeaderName.csrfToken: token])
    }

    /// Integration requests `body` through the API; returns the new request's id.
    static func request(_ browser: Browser, _ body: String = baseline) async throws -> String {
        let token = try await APITests.signIn(browser, .integration)
        let created = try await post(browser, "/api/v1/report-requests", body, token: token)
        #expect(created.status == .created)
        return try #require(try APITests.json(created)["id"] as? String)
    }

    static func release(_ browser: Browser, _ id: String, body: String) async throws -> Browser.Page {
        let token = try await APITests.signIn(browser, .statistics)
        return try await post(browser, "/api/v1/report-requests/\(id)/release", body, token: token)
    }

    @Test("request, wrong passphrase changes nothing, release, read JSON and CSV, the ledger, no second release")
    func story() async throws {
        let fixture = try WebAppFixture(demo: true)
        try await fixture.run { browser in
            let id = try await Self.request(browser)
            let listed = try APITests.json(try await browser.get("/api/v1/report-requests"))
            let requests = try #require(listed["requests"] as? [[String: Any]])
            #expect(requests.map { $0["id"] as? String } == [id])
            #expect(requests.first?["status"] as? String == "requested")
            #expect(requests.first?["by"] as? [String] == ["unit"])
            #expect(try await browser.get("/api/v1/reports/\(id)").status == .notFound)
            #expect(try await browser.get("/api/v1/reports/\(id)/csv").status == .notFound)
            // Integration may not release its own request.
            #expect(try await Self.post(browser, "/api/v1/report-requests/\(id)/release", #"{"passphrase":"x"}"#,
                                        token: try await APITests.signIn(browser, .integration)).status == .forbidden)

            let wrong = try await Self.release(browser, id, body: #"{"passphrase":"not the passphrase"}"#)
            #expect(wrong.status == .badRequest)
            #expect(try APITests.error(wrong)["field"] as? String == "passphrase")
            #expect(try ReportTests.releases(fixture) == 0)

            // `\u002d` is "-": the escape is decoded into the passphrase's bytes.
            let released = try await Self.release(browser, id, body: #"{ "passphrase" : "vielfalt\u002ddemo" }"#)
            #expect(released.status == .ok)
            let decided = try APITests.json(released)
            #expect(decided["status"] as? String == "released")
            #expect(decided["releasedBy"] as? String == "statistics")
            let releaseID = try #require(decided["releaseID"] as? String)
            #expect(decided["report"] as? String == "/api/v1/reports/\(id)")
            #expect(try ReportTests.releases(fixture) == 1)

            let again = try await Self.release(browser, id, body: #"{"passphrase":"vielfalt-demo"}"#)
            #expect(again.status == .conflict)
            #expect(try ReportTests.releases(fixture) == 1)

            let ledger = try #require(try APITests.json(try await browser.get("/api/v1/releases"))["releases"] as? [[String: Any]])
            #expect(ledger.map { $0["id"] as? String } == [releaseID])
            #expect(ledger.first?["cells"] as? Int ?? 0 > 0)
            #expect(try await browser.get("/api/v1/reports/\(id)").status == .forbidden)

            _ = try await APITests.signIn(browser, .integration)
            let report = try await browser.get("/api/v1/reports/\(id)")
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "application/json; charset=utf-8")
            let object = try APITests.json(report)
            #expect(object["release"] as? String == releaseID)
            try ReportTests.expectAggregatesOnly(object)
            let german = try await browser.get("/api/v1/reports/\(id)/csv")
            let english = try await browser.get("/api/v1/reports/\(id)/csv?locale=en")
            #expect(german.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(german.body.contains(";") && english.body.hasPrefix("unit,"))
            let badLocale = try await browser.get("/api/v1/reports/\(id)/csv?locale=fr")
            #expect(badLocale.status == .badRequest)
            #expect(try APITests.error(badLocale)["field"] as? String == "locale")
        }
    }

    @Test("the statistics unit refuses by hand: the reason reaches the integration office; a decided request stays decided")
    func refuseByHand() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            let id = try await Self.request(browser)
            let token = try await APITests.signIn(browser, .statistics)
            let path = "/api/v1/report-requests/\(id)/refuse"
            for (body, field) in [(#"{"reason":"  "}"#, "reason"), (#"{}"#, "reason"), (#"{"reason":7}"#, "reason"),
                                  (#"{"reason":"x","why":"y"}"#, "why"), (#"{"reason":"\#(String(repeating: "x", count: 501))"}"#, "reason"),
                                  (#"{"reason":"a\u0007b"}"#, "reason")] {
                let refused = try await Self.post(browser, path, body, token: token)
                #expect(refused.status == .badRequest, "\(body)")
                #expect(try APITests.error(refused)["field"] as? String == field, "\(body)")
            }
            #expect(try ReportTests.requests(fixture).first?.status == .requested)

            let refused = try await Self.post(browser, path, #"{"reason":"Bitte erst nach dem Stichtag anfragen."}"#, token: token)
            #expect(refused.status == .ok)
            let object = try APITests.json(refused)
            #expect(object["status"] as? String == "refused")
            #expect((object["reason"] as? [String: String])?["de"] == "Bitte erst nach dem Stichtag anfragen.")
            #expect(object["releasedBy"] == nil && object["releaseID"] == nil && object["report"] == nil)
            #expect(try await Self.post(browser, path, #"{"reason":"noch einmal"}"#, token: token).status == .conflict)
            #expect(try await Self.post(browser, "/api/v1/report-requests/\(RouteMatrixTests.unknownRequest)/refuse", #"{"reason":"x"}"#,
                                        token: token).status == .notFound)
            // Signing in again (as `release` does) gives a new session and CSRF token.
            #expect(try await Self.release(browser, id, body: #"{"passphrase":"vielfalt-demo"}"#).status == .conflict)

            _ = try await APITests.signIn(browser, .integration)
            let seen = try APITests.json(try await browser.get("/api/v1/report-requests/\(id)"))
            #expect((seen["reason"] as? [String: String])?["en"] == "Bitte erst nach dem Stichtag anfragen.")
            #expect(try await browser.get("/api/v1/reports/\(id)").status == .notFound)
            // The ledger keeps every refusal: the request's terms and the kind of cause, not the words.
            let refusals = try DataStore.open(fixture.location).refusals()
            #expect(refusals.map(\.cause) == ["by_hand"])
            #expect(!String(decoding: refusals[0].definition, as: UTF8.self).contains("Stichtag"))
        }
        #expect(try ReportTests.releases(fixture) == 0)
    }

    struct BadCall: Sendable, CustomStringConvertible {
        let description: String
        let body: String
        var contentType = "application/json"
        let status: Int
        let field: String?
    }

    static let badRequests: [BadCall] = [
        BadCall(description: "unknown kind", body: baseline.replacingOccurrences(of: "baseline", with: "forecast"), status: 400, field: "kind"),
        BadCall(description: "unknown indicator", body: baseline.replacingOccurrences(of: "migration_background", with: "religion"), status: 400, field: "indicator"),
        BadCall(description: "unknown grouping", body: baseline.replacingOccurrences(of: #"["unit"]"#, with: #"["gender"]"#), status: 400, field: "by"),
        BadCall(description: "no grouping", body: baseline.replacingOccurrences(of: #"["unit"]"#, with: "[]"), status: 400, field: "by"),
        BadCall(description: "three groupings", body: baseline.replacingOccurrences(of: #"["unit"]"#, with: #"["unit","career_group","employment"]"#), status: 400, field: "by"),
        BadCall(description: "the same grouping twice", body: baseline.replacingOccurrences(of: #"["unit"]"#, with: #"["unit","unit"]"#), status: 400, field: "by"),
        BadCall(description: "grouping not a list", body: baseline.replacingOccurrences(of: #"["unit"]"#, with: #""unit""#), status: 400, field: "by"),
        BadCall(description: "grouping list of numbers", body: baseline.replacingOccurrences(of: #"["unit"]"#, with: "[1]"), status: 400, field: "by"),
        BadCall(description: "baseline over a range", body: baseline.replacingOccurrences(of: #""2025""#, with: #""2021-2025""#), status: 400, field: "years"),
        BadCall(description: "years not a year", body: baseline.replacingOccurrences(of: #""2025""#, with: #""letztes""#), status: 400, field: "years"),
        BadCall(description: "trend of one year", body: baseline.replacingOccurrences(of: "baseline", with: "trend"), status: 400, field: "years"),
        BadCall(description: "kind missing", body: baseline.replacingOccurrences(of: #""kind":"baseline","#, with: ""), status: 400, field: "kind"),
        BadCall(description: "unknown key", body: baseline.replacingOccurrences(of: "{", with: #"{"figures":true,"#), status: 400, field: "figures"),
        BadCall(description: "duplicate key", body: baseline.replacingOccurrences(of: "{", with: #"{"kind":"trend","#), status: 400, field: "kind"),
        BadCall(description: "invalid UTF-8", body: "{\"kind\":\"\u{FFFD}\"}", status: 400, field: nil),
        BadCall(description: "not JSON", body: "kind=baseline", status: 400, field: nil),
        BadCall(description: "wrong content type", body: baseline, contentType: "text/plain", status: 415, field: nil),
        BadCall(description: "oversized", body: #"{"years":""# + String(repeating: "9", count: 70_000) + #""}"#, status: 413, field: nil),
    ]

    @Test("bad report requests → JSON errors naming the field, nothing queued", arguments: badRequests)
    func badRequest(_ call: BadCall) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            let token = try await APITests.signIn(browser, .integration)
            var body = ByteBuffer(string: call.body)
            if call.description == "invalid UTF-8" { body = ByteBuffer(bytes: Array(#"{"kind":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)) }
            return try await browser.send("/api/v1/report-requests", method: .post,
                                          headers: [.contentType: call.contentType, HeaderName.csrfToken: token], body: body)
        }
        #expect(page.status.code == call.status)
        let error = try APITests.error(page)
        #expect(error["field"] as? String == call.field)
        #expect((error["de"] as? String)?.isEmpty == false && (error["en"] as? String)?.isEmpty == false)
        #expect(try ReportTests.requests(fixture).isEmpty)
    }

    static let badReleases: [BadCall] = [
        BadCall(description: "passphrase missing", body: "{}", status: 400, field: "passphrase"),
        BadCall(description: "passphrase empty", body: #"{"passphrase":""}"#, status: 400, field: "passphrase"),
        BadCall(description: "passphrase not a string", body: #"{"passphrase":12345}"#, status: 400, field: "passphrase"),
        BadCall(description: "passphrase twice", body: #"{"passphrase":"vielfalt-demo","passphrase":"vielfalt-demo"}"#, status: 400, field: "passphrase"),
        BadCall(description: "unknown key", body: #"{"passphrase":"vielfalt-demo","remember":true}"#, status: 400, field: nil),
        BadCall(description: "the passphrase as a key", body: #"{"vielfalt-demo":"x"}"#, status: 400, field: nil),
        BadCall(description: "trailing comma", body: #"{"passphrase":"vielfalt-demo",}"#, status: 400, field: nil),
        BadCall(description: "byte order mark", body: "\u{FEFF}" + #"{"passphrase":"vielfalt-demo"}"#, status: 400, field: nil),
        BadCall(description: "broken escape", body: #"{"passphrase":"vielfalt\x-demo"}"#, status: 400, field: nil),
        BadCall(description: "lone surrogate", body: #"{"passphrase":"\ud800"}"#, status: 400, field: nil),
        BadCall(description: "unterminated", body: #"{"passphrase":"vielfalt-demo"#, status: 400, field: nil),
        BadCall(description: "trailing text", body: #"{"passphrase":"vielfalt-demo"} x"#, status: 400, field: nil),
        BadCall(description: "an array", body: #"["vielfalt-demo"]"#, status: 400, field: nil),
        BadCall(description: "invalid UTF-8", body: "", status: 400, field: nil),
        BadCall(description: "form instead of JSON", body: "passphrase=vielfalt-demo", contentType: "application/x-www-form-urlencoded", status: 415, field: nil),
        BadCall(description: "oversized", body: #"{"passphrase":""# + String(repeating: "a", count: 70_000) + #""}"#, status: 413, field: nil),
    ]

    @Test("bad release bodies → JSON errors, nothing released, the request stays open", arguments: badReleases)
    func badRelease(_ call: BadCall) async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        let page = try await fixture.run { browser in
            let id = try await Self.request(browser)
            let token = try await APITests.signIn(browser, .statistics)
            var body = ByteBuffer(string: call.body)
            if call.description == "invalid UTF-8" { body = ByteBuffer(bytes: Array(#"{"passphrase":"vielfalt-demo"#.utf8) + [0xFF] + Array(#""}"#.utf8)) }
            return try await browser.send("/api/v1/report-requests/\(id)/release", method: .post,
                                          headers: [.contentType: call.contentType, HeaderName.csrfToken: token], body: body)
        }
        #expect(page.status.code == call.status)
        let error = try APITests.error(page)
        #expect(error["field"] as? String == call.field)
        #expect(!page.body.contains("vielfalt-demo"))
        #expect(try ReportTests.releases(fixture) == 0)
        #expect(try ReportTests.requests(fixture).first?.status == .requested)
    }

    @Test("the release body reader decodes escapes and surrogate pairs into bytes; errors name the byte, not the text")
    func passphraseJSON() throws {
        var secret: [UInt8] = []
        try PassphraseJSON.parse(Array(#"{"passphrase":"a\"\\\/\n\u00e4\ud83d\ude00"}"#.utf8), into: &secret)
        #expect(secret == Array("a\"\\/\nä😀".utf8))
        var raw: [UInt8] = []
        try PassphraseJSON.parse(Array("{\"passphrase\":\"grün\"}".utf8), into: &raw)
        #expect(raw == Array("grün".utf8))
        var control: [UInt8] = []
        #expect(throws: InputError.self) { try PassphraseJSON.parse(Array("{\"passphrase\":\"a\tb\"}".utf8), into: &control) }
        var swapped: [UInt8] = []
        #expect(throws: InputError.self) { try PassphraseJSON.parse(Array(#"{"passphrase":"\ude00\ud83d"}"#.utf8), into: &swapped) }
        // An escaped key is still the key; an error names the byte, never the text.
        var escapedKey: [UInt8] = []
        try PassphraseJSON.parse(Array(#" { "pass\u0070hrase" : "x" } "#.utf8), into: &escapedKey)
        #expect(escapedKey == Array("x".utf8))
        do {
            var broken: [UInt8] = []
            try PassphraseJSON.parse(Array(#"{"passphrase":"geheim\q"}"#.utf8), into: &broken)
            Issue.record("a broken escape was accepted")
        } catch let error as InputError {
            #expect(error.english == "malformed JSON at byte 23: invalid escape")
            #expect(!error.english.contains("geheim") && !error.german.contains("geheim"))
        }
    }
}
