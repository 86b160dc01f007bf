import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
@testable import Store
@testable import WebApp

/// Users, org units, policy check and forms through `/api/v1`.
@Suite("JSON API: users, units, policy check, forms")
struct AdminAPITests {
    static func users(_ fixture: WebAppFixture) throws -> [UserRecord] {
        try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum).list()
    }

    @Test("list, add, disable; the new user signs in through the API, the disabled one cannot; the last admin stays")
    func users() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            let token = try await APITests.signIn(browser, .admin)
            let listed = try #require(try APITests.json(try await browser.get("/api/v1/users"))["users"] as? [[String: Any]])
            #expect(Set(listed.compactMap { $0["name"] as? String }) == Set(Role.allCases.map(\.rawValue)))
            #expect(!(try await browser.get("/api/v1/users")).body.contains("argon2"))

            let added = try await ReportAPITests.post(browser, "/api/v1/users", #"{"name":"erika","role":"hr","password":"a long password 1"}"#, token: token)
            #expect(added.status == .created)
            #expect(!added.body.contains("a long password 1"))
            let lastAdmin = try await browser.send("/api/v1/users/admin/disable", method: .post, headers: [HeaderName.csrfToken: token], body: nil)
            #expect(lastAdmin.status == .conflict)
            #expect(try await ReportAPITests.post(browser, "/api/v1/users/nobody/disable", "{}", token: token).status == .notFound)

            let erika = try await browser.postRaw("/api/v1/session", body: #"{"name":"erika","password":"a long password 1"}"#, contentType: "application/json")
            #expect(erika.status == .ok)
            let admin = try await APITests.signIn(browser, .admin)
            #expect(try await ReportAPITests.post(browser, "/api/v1/users/erika/disable", "{}", token: admin).status == .ok)
            let refused = try await browser.postRaw("/api/v1/session", body: #"{"name":"erika","password":"a long password 1"}"#, contentType: "application/json")
            #expect(refused.status == .unauthorized)
        }
        #expect(try Self.users(fixture).first { $0.name == "erika" }?.disabled == true)
        #expect(try Self.users(fixture).first { $0.name == "admin" }?.disabled == false)
    }

    @Test("bad new users → the field is named, nobody added", arguments: [
        (#"{"name":"Erika M","role":"hr","password":"a long password 1"}"#, "name"),
        (#"{"name":"erika","role":"boss","password":"a long password 1"}"#, "role"),
        (#"{"name":"erika","role":"hr","password":"short"}"#, "password"),
        (#"{"name":"hr","role":"hr","password":"a long password 1"}"#, "name"),
        (#"{"name":"erika","role":"hr"}"#, "password"),
        (#"{"name":"erika","role":"hr","password":"a long password 1","admin":true}"#, "admin"),
        (#"{"name":"erika","role":["hr"],"password":"a long password 1"}"#, "role"),
    ])
    func badUser(body: String, field: String) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await ReportAPITests.post(browser, "/api/v1/users", body, token: try await APITests.signIn(browser, .admin))
        }
        // A taken name is well-formed input the users held refuse: 409, like the last admin.
        #expect(page.status == (body.contains(#""name":"hr""#) ? .conflict : .badRequest))
        #expect(try APITests.error(page)["field"] as? String == field)
        #expect(try Self.users(fixture).count == Role.allCases.count)
    }

    @Test("units by Dezernat, the policy check, and the forms with every answer code")
    func views() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            _ = try await APITests.signIn(browser, .admin)
            let dezernate = try #require(try APITests.json(try await browser.get("/api/v1/units"))["dezernate"] as? [[String: Any]])
            #expect(dezernate.count == 4)
            #expect(dezernate.flatMap { $0["units"] as? [[String: Any]] ?? [] }.count == 20)
            let policy = try APITests.json(try await browser.get("/api/v1/policy-check"))
            #expect(policy["allOK"] as? Bool == true)
            #expect((policy["files"] as? [[String: Any]])?.count == 4)

            _ = try await APITests.signIn(browser, .hr)
            let forms = try #require(try APITests.json(try await browser.get("/api/v1/forms"))["forms"] as? [[String: Any]])
            let form = try #require(forms.first { $0["id"] as? String == "migration-background" })
            let items = try #require(form["items"] as? [[String: Any]])
            let citizenship = try #require(items.first { $0["key"] as? String == "citizenship" })
            let codes = (citizenship["answers"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
            #expect(codes.contains("not_german") && codes.contains("no_answer"))
            let context = try #require(form["context"] as? [[String: Any]])
            #expect(context.map { $0["kind"] as? String } == ["unit", "month", "choice", "choice"])
            // HR clients learn the unit codes here; /units is the admin's.
            #expect((context.first?["answers"] as? [[String: Any]])?.compactMap { $0["code"] as? String }.contains("51") == true)
            #expect(try await browser.get("/api/v1/units").status == .forbidden)
        }
    }

    @Test("a broken policy file is named by the API's policy check")
    func brokenPolicy() async throws {
        let policy = try WebAppFixture.brokenPolicyDirectory()
        let fixture = try WebAppFixture { $0.policyDirectory = policy }
        let page = try await fixture.run { browser in
            _ = try await APITests.signIn(browser, .admin)
            return try await browser.get("/api/v1/policy-check")
        }
        let result = try APITests.json(page)
        #expect(result["allOK"] as? Bool == false)
        let broken = (result["files"] as? [[String: Any]])?.first { $0["file"] as? String == "retention.yaml" }
        #expect(broken?["ok"] as? Bool == false)
        #expect(((broken?["error"] as? [String: Any])?["place"] as? String)?.contains("retention.yaml") == true)
    }
}
