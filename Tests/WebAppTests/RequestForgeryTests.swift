import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Store
@testable import WebApp

@Suite("No state change without a valid CSRF token")
struct RequestForgeryTests {
    @Test("a cross-site text/plain post cannot disable a user (its body is refused, so it has no token)",
          arguments: ["text/plain", "multipart/form-data; boundary=x"])
    func disableWithoutToken(type: String) async throws {
        let fixture = try WebAppFixture()
        let status = try await fixture.run { browser in
            try await browser.login(.admin)
            return try await browser.postRaw("/admin/users/hr/disable", body: "x=1", contentType: type).status
        }
        #expect(status == .unsupportedMediaType)
        #expect(try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum).activeUser(named: "hr") != nil)
    }

    @Test("an oversized post cannot sign out either")
    func logoutWithoutToken() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.login(.hr)
            #expect(try await browser.postRaw("/logout", body: "x=1", contentType: "text/plain").status == .unsupportedMediaType)
            let big = String(repeating: "x", count: 70_000)
            #expect(try await browser.postRaw("/logout", body: "a=" + big, contentType: "application/x-www-form-urlencoded").status == .contentTooLarge)
            #expect(try await browser.get("/entry").status == .ok)
        }
    }

    @Test("the questionnaire still shows itself again for a refused body, and stores nothing")
    func questionnaireShowsRefusal() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            return try await browser.post(entryPath, validEntry, contentType: "text/plain")
        }
        #expect(page.status == .unsupportedMediaType)
        #expect(page.body.contains(#"action="/entry/migration-background""#))
        #expect(try fixture.stored() == (0, 0))
    }
}
