import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
@testable import Store
import Testing
import Yams
@testable import WebApp

@Suite("JSON API /api/v1")
struct APITests {
    static let entry = #"{"form":"migration-background","version":1,"consent":true,"context":{"unit":"51","hired":"2025-03","career_group":"gehoben","employment":"regular"},"answers":{"born_in_germany":"no","citizenship":"not_german"}}"#
    static let decline = #"{"form":"migration-background","version":1,"context":{"unit":"51","hired":"2025-03","career_group":"gehoben","employment":"trainee"}}"#

    /// Signs in through the API; returns the CSRF token.
    static func signIn(_ browser: Browser, _ role: Role) async throws -> String {
        let response = try await browser.postRaw("/api/v1/session", body: #"{"name":"\#(role.rawValue)","password":"\#(WebAppFixture.password(role))"}"#,
                                                 contentType: "application/json")
        #expect(response.status == .ok)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
        #expect(object?["role"] as? String == role.rawValue)
        return try #require(object?["csrfToken"] as? String)
    }

    static func json(_ page: Browser.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func error(_ page: Browser.Page) throws -> [String: Any] {
        try #require(try json(page)["error"] as? [String: Any])
    }

    @Test("entry, decline and withdrawal through the API")
    func roundTrip() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            let token = try await Self.signIn(browser, .hr)
            let created = try await browser.postRaw("/api/v1/entries", body: Self.entry, contentType: "application/json",
                                                    headers: [HeaderName.csrfToken: token])
            #expect(created.status == .created)
            #expect(created.headers[.cacheControl] == "no-store")
            let receipt = try #require(try Self.json(created)["receipt"] as? String)
            #expect(receipt.count == 23)
            let declined = try await browser.postRaw("/api/v1/declines", body: Self.decline, contentType: "application/json",
                                                     headers: [HeaderName.csrfToken: token])
            #expect(declined.status == .created)
            #expect(try fixture.stored() == (1, 1))
            let out = try await browser.send("/api/v1/session", method: .delete, headers: [HeaderName.csrfToken: token], body: nil)
            #expect(out.status == .noContent)
            let withdrawn = try await browser.postRaw("/api/v1/withdrawals", body: #"{"receipt":"\#(receipt)"}"#, contentType: "application/json")
            let unknown = try await browser.postRaw("/api/v1/withdrawals", body: #"{"receipt":"00000-00000-00000-00000"}"#, contentType: "application/json")
            #expect(withdrawn.status == .ok)
            #expect(withdrawn.body == unknown.body)
        }
        #expect(try fixture.stored() == (0, 1))
        // The week's tally names the signed-in clerk, not a command-line default, and counts the
        // answer and the decline alike; the withdrawal without a session is the respondent's.
        let data = try DataStore.open(fixture.location)
        let tally = try data.database.read { try Row.fetchAll($0, sql: "SELECT role, user, entries FROM entry_tally") }
        #expect(tally.map { "\($0["role"] as String) \($0["user"] as String) \($0["entries"] as Int)" } == ["hr hr 2"])
        let log = try AuditLog.entries(data)
        #expect(log.map { "\($0.role) \($0.user) \($0.action)" } == ["respondent - response withdrawn"])
        // The withdrawal went through the one use case that leaves its tombstone in the keystore.
        #expect(try Keystore.open(fixture.location).tombstones().map(\.period) == [2025])
    }

    struct BadCall: Sendable, CustomStringConvertible {
        let description: String
        let path: String
        let body: String
        var contentType = "application/json"
        let status: Int
        let field: String?
    }

    static let badCalls: [BadCall] = [
        BadCall(description: "unknown unit", path: "/api/v1/entries", body: entry.replacingOccurrences(of: #""unit":"51""#, with: #""unit":"99""#), status: 400, field: "unit"),
        BadCall(description: "missing context field", path: "/api/v1/entries", body: entry.replacingOccurrences(of: #""unit":"51","#, with: ""), status: 400, field: "unit"),
        BadCall(description: "unknown answer", path: "/api/v1/entries", body: entry.replacingOccurrences(of: "not_german", with: "martian"), status: 400, field: "citizenship"),
        BadCall(description: "consent false", path: "/api/v1/entries", body: entry.replacingOccurrences(of: #""consent":true"#, with: #""consent":false"#), status: 400, field: "consent"),
        BadCall(description: "consent missing", path: "/api/v1/entries", body: entry.replacingOccurrences(of: #""consent":true,"#, with: ""), status: 400, field: "consent"),
        BadCall(description: "version as string", path: "/api/v1/entries", body: entry.replacingOccurrences(of: #""version":1"#, with: #""version":"1""#), status: 400, field: "version"),
        BadCall(description: "unknown key", path: "/api/v1/entries", body: entry.replacingOccurrences(of: #"{"form""#, with: #"{"name":"Erika","form""#), status: 400, field: "name"),
        BadCall(description: "not JSON", path: "/api/v1/entries", body: "form=x", status: 400, field: nil),
        BadCall(description: "duplicate answer key", path: "/api/v1/entries",
                body: entry.replacingOccurrences(of: #""citizenship":"not_german""#, with: #""citizenship":"not_german","citizenship":"german_by_birth""#), status: 400, field: "citizenship"),
        BadCall(description: "wrong content type", path: "/api/v1/entries", body: entry, contentType: "application/x-www-form-urlencoded", status: 415, field: nil),
        BadCall(description: "oversized", path: "/api/v1/entries", body: #"{"form":""# + String(repeating: "x", count: 70_000) + #""}"#, status: 413, field: nil),
        BadCall(description: "decline: bad month", path: "/api/v1/declines", body: decline.replacingOccurrences(of: "2025-03", with: "2025-3"), status: 400, field: "hired"),
        BadCall(description: "decline: unknown form", path: "/api/v1/declines", body: decline.replacingOccurrences(of: "migration-background", with: "other"), status: 400, field: "form"),
    ]

    @Test("bad calls → JSON errors naming the field, nothing stored", arguments: badCalls)
    func badCall(_ call: BadCall) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            let token = try await Self.signIn(browser, .hr)
            return try await browser.postRaw(call.path, body: call.body, contentType: call.contentType, headers: [HeaderName.csrfToken: token])
        }
        #expect(page.status.code == call.status)
        #expect(page.headers[.contentType] == "application/json; charset=utf-8")
        let error = try Self.error(page)
        #expect(error["field"] as? String == call.field)
        #expect((error["de"] as? String)?.isEmpty == false)
        #expect((error["en"] as? String)?.isEmpty == false)
        #expect(try fixture.stored() == (0, 0))
    }

    @Test("API calls without the CSRF header → 403; without a session → 401; wrong role → 403")
    func authorisation() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            let anonymous = try await browser.postRaw("/api/v1/entries", body: Self.entry, contentType: "application/json")
            #expect(anonymous.status == .unauthorized)
            #expect(try Self.error(anonymous)["en"] as? String != nil)
            let token = try await Self.signIn(browser, .hr)
            #expect(try await browser.postRaw("/api/v1/entries", body: Self.entry, contentType: "application/json").status == .forbidden)
            #expect(try await browser.postRaw("/api/v1/entries", body: Self.entry, contentType: "application/json",
                                              headers: [HeaderName.csrfToken: token + "x"]).status == .forbidden)
            let other = try await Self.signIn(browser, .integration)
            #expect(try await browser.postRaw("/api/v1/entries", body: Self.entry, contentType: "application/json",
                                              headers: [HeaderName.csrfToken: other]).status == .forbidden)
        }
        #expect(try fixture.stored() == (0, 0))
    }

    @Test("API sign-in failures are generic")
    func signInFailure() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            for name in ["hr", "nobody"] {
                let page = try await browser.postRaw("/api/v1/session", body: #"{"name":"\#(name)","password":"wrong password"}"#, contentType: "application/json")
                #expect(page.status == .unauthorized)
                #expect(try Self.error(page)["en"] as? String == Strings.text("login_failed", .en))
            }
        }
    }

    @Test("withdrawal API: malformed code is a field error, limit gives 429")
    func withdrawalErrors() async throws {
        let fixture = try WebAppFixture { $0.withdrawalLimit = .init(attempts: 2, window: .seconds(600)) }
        try await fixture.run { browser in
            let malformed = try await browser.postRaw("/api/v1/withdrawals", body: #"{"receipt":"nope"}"#, contentType: "application/json")
            #expect(malformed.status == .badRequest)
            #expect(try Self.error(malformed)["field"] as? String == "receipt")
            _ = try await browser.postRaw("/api/v1/withdrawals", body: #"{"receipt":"nope"}"#, contentType: "application/json")
            let limited = try await browser.postRaw("/api/v1/withdrawals", body: #"{"receipt":"nope"}"#, contentType: "application/json")
            #expect(limited.status == .tooManyRequests)
        }
    }

    @Test("the OpenAPI document is valid YAML and describes exactly the implemented API routes")
    func openAPI() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { try await $0.get("/api/v1/openapi.yaml") }
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "application/yaml; charset=utf-8")
        let document = try #require(try Yams.load(yaml: page.body) as? [String: Any])
        #expect(document["openapi"] as? String == "3.0.3")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for (method, operation) in operations {
                documented.insert("\(method.uppercased()) /api/v1\(path)")
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any]
                #expect(responses?.isEmpty == false, "\(method) \(path) documents no response")
            }
        }
        let implemented = Set(RouteMatrixTests.routes.filter { $0.pattern.hasPrefix("/api/v1/") }.map { "\($0.method) \($0.pattern)" })
        #expect(documented == implemented)
        // Every reference points at a component that exists.
        let components = try #require(document["components"] as? [String: [String: Any]])
        for match in page.body.matches(of: /"#\/components\/(\w+)\/(\w+)"/) {
            #expect(components[String(match.1)]?[String(match.2)] != nil, "dangling $ref \(match.0)")
        }
    }
}
