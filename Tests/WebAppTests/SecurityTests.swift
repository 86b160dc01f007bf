import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Store
@testable import WebApp

@Suite("Sessions, CSRF, headers, throttling")
struct SecurityTests {
    @Test("every response carries the security headers, error pages included", arguments: ["/", "/login", "/nowhere", "/static/style.css", "/api/v1/openapi.yaml"])
    func securityHeaders(path: String) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { try await $0.get(path) }
        #expect(page.headers[.contentSecurityPolicy] == "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
        #expect(page.headers[.xContentTypeOptions] == "nosniff")
        #expect(page.headers[HeaderName.referrerPolicyHeader] == "no-referrer")
        #expect(page.headers[.cacheControl] == (path == "/static/style.css" ? "public, max-age=3600" : "no-store"))
        #expect(page.headers[.strictTransportSecurity] == nil)
        #expect(!page.body.contains("<script"))
        #expect(!page.body.contains("style="))
    }

    @Test("behind TLS: Secure __Host- cookie and HSTS")
    func secureCookies() async throws {
        let fixture = try WebAppFixture { $0.secureCookies = true }
        let (page, signedIn) = try await fixture.run { browser in
            let page = try await browser.get("/login")
            return (page, try await browser.post("/login", [("name", "hr"), ("password", WebAppFixture.password(.hr))]))
        }
        for cookie in [page.setCookies.first { $0.hasPrefix("__Host-vielfalt_form=") }, signedIn.setCookies.first { $0.hasPrefix("__Host-vielfalt=") }] {
            let cookie = try #require(cookie)
            #expect(cookie.contains("Secure"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
        }
        #expect(page.headers[.strictTransportSecurity] == "max-age=31536000")
    }

    @Test("session cookie: HttpOnly, SameSite=Strict, Path=/, made only at login, renewed at each")
    func sessionCookie() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            let login = try await browser.get("/login")
            // The sign-in form's token travels in a cookie of its own: no session before sign-in.
            #expect(!login.setCookies.contains { $0.hasPrefix("vielfalt_session=") })
            let form = try #require(login.setCookies.first { $0.hasPrefix("vielfalt_form=") })
            #expect(form.contains("HttpOnly") && form.contains("SameSite=Strict") && form.contains("Path=/"))
            let response = try await browser.post("/login", [("name", "hr"), ("password", WebAppFixture.password(.hr))])
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let cookie = try #require(response.setCookies.first { $0.hasPrefix("vielfalt_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let first = try #require(browser.sessionCookie)
            try await browser.login(.hr)
            let second = try #require(browser.sessionCookie)
            #expect(first != second)
            // The earlier session is gone from storage: its id signs nobody in.
            let old = try await Browser(client: browser.client).send("/entry", method: .get, headers: [.cookie: "vielfalt_session=\(first)"], body: nil)
            #expect(old.location == "/login")
        }
    }

    @Test("CSRF token missing or wrong → 403, nothing stored", arguments: [nil, "wrong-token"] as [String?])
    func csrf(token: String?) async throws {
        let fixture = try WebAppFixture()
        let status = try await fixture.run { browser in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            var fields = validEntry
            if let token { fields.insert(("_csrf", token), at: 0) }
            return try await browser.post(entryPath, fields, csrf: false).status
        }
        #expect(status == .forbidden)
        #expect(try fixture.stored().responses == 0)
    }

    @Test("CSRF on the login form and on logout")
    func csrfLogin() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.get("/login")
            #expect(try await browser.post("/login", [("name", "hr"), ("password", WebAppFixture.password(.hr))], csrf: false).status == .forbidden)
            try await browser.login(.hr)
            #expect(try await browser.post("/logout", [], csrf: false).status == .forbidden)
            #expect(try await browser.get("/entry").status == .ok)
            let out = try await browser.post("/logout", [])
            #expect(out.location == "/login?out=1")
            #expect(try await browser.get("/entry").location == "/login")
        }
    }

    @Test("wrong password, unknown user and disabled user give the same generic error")
    func genericLoginErrors() async throws {
        let fixture = try WebAppFixture()
        try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum).disable(name: "dpo")
        let bodies = try await fixture.run { browser in
            var bodies: [String] = []
            for (name, password) in [("hr", "wrong password!"), ("nobody", "wrong password!"), ("dpo", WebAppFixture.password(.dpo))] {
                browser.address = "10.0.0.\(bodies.count)"
                try await browser.get("/login")
                let page = try await browser.post("/login", [("name", name), ("password", password)])
                #expect(page.status == .unauthorized)
                bodies.append(page.body.replacingOccurrences(of: browser.csrfToken ?? "", with: "").replacingOccurrences(of: "value=\"\(name)\"", with: ""))
            }
            return bodies
        }
        #expect(bodies[0].contains("Die Anmeldung ist fehlgeschlagen"))
        #expect(Set(bodies).count == 1)
    }

    @Test("login throttling: after three failures even the right password is refused for a while")
    func throttling() async throws {
        let fixture = try WebAppFixture {
            $0.trustForwardedFor = true
            $0.loginBackoffBase = .seconds(300)   // no slow machine outwaits it between two requests
        }
        try await fixture.run(live: true) { browser in
            browser.address = "192.0.2.7"
            try await browser.get("/login")
            for _ in 0..<3 {
                #expect(try await browser.post("/login", [("name", "hr"), ("password", "not the password")]).status == .unauthorized)
            }
            #expect(try await browser.post("/login", [("name", "hr"), ("password", WebAppFixture.password(.hr))]).status == .unauthorized)
            // Per address too: another user from the same address is held back.
            #expect(try await browser.post("/login", [("name", "admin"), ("password", WebAppFixture.password(.admin))]).status == .unauthorized)
            // Another address and an untouched user get in.
            browser.address = "192.0.2.8"
            #expect(try await browser.post("/login", [("name", "admin"), ("password", WebAppFixture.password(.admin))]).status == .seeOther)
        }
    }

    @Test("backoff doubles after the free failures and stops at 15 minutes")
    func backoff() async {
        let throttle = LoginThrottle(freeFailures: 3)
        #expect(await throttle.delay(after: 2) == .zero)
        #expect(await throttle.delay(after: 3) == .seconds(2))
        #expect(await throttle.delay(after: 4) == .seconds(4))
        #expect(await throttle.delay(after: 40) == .seconds(900))
    }

    @Test("an idle session ends; the login page says so")
    func idleTimeout() async throws {
        let fixture = try WebAppFixture { $0.idleTimeout = .seconds(3) }
        try await fixture.run { browser in
            try await browser.login(.hr)
            #expect(try await browser.get("/entry").status == .ok)
            try await Task.sleep(for: .milliseconds(3100))
            let page = try await browser.get("/entry")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/login") == true)
        }
    }

    @Test("a disabled user loses the session at the next request")
    func disabledUser() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.login(.hr)
            #expect(try await browser.get("/entry").status == .ok)
            try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum).disable(name: "hr")
            #expect(try await browser.get("/entry").location == "/login")
        }
    }

    @Test("language: ?lang=en switches and is remembered; pages carry lang")
    func language() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            let german = try await browser.get("/login")
            #expect(german.body.contains(#"<html lang="de">"#))
            #expect(german.body.contains(#"href="/login?lang=en" lang="en""#))
            let english = try await browser.get("/login?lang=en")
            #expect(english.body.contains(#"<html lang="en">"#))
            #expect(english.body.contains("User name"))
            #expect(english.setCookies.contains { $0.hasPrefix("lang=en") && $0.contains("HttpOnly") && $0.contains("SameSite=Strict") })
            #expect(try await browser.get("/withdraw").body.contains("Withdraw consent"))
        }
    }

    @Test("every text exists in both languages, and no page shows a raw key")
    func strings() {
        for (key, text) in Strings.entries {
            #expect(!text.de.isEmpty && !text.en.isEmpty, "\(key)")
        }
        for (name, template) in Templates.all {
            for match in template.matches(of: /\{\{t\.([a-z_0-9]+)\}\}/) {
                #expect(Strings.entries[String(match.1)] != nil, "\(name): \(match.1)")
            }
        }
    }

    @Test("errors: an HTML page in the reader's language, JSON under /api")
    func errorPages() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            let missing = try await browser.get("/nowhere?lang=en")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("This page does not exist."))
            // A path that exists with another method: 405 and what is allowed, pages and API alike.
            let method = try await browser.get("/logout?lang=de")
            #expect(method.status == .methodNotAllowed)
            #expect(method.headers[.allow] == "POST")
            #expect(method.body.contains("Diese Methode ist hier nicht erlaubt."))
            let apiMethod = try await browser.send("/api/v1/entries", method: .get, headers: [:], body: nil)
            #expect(apiMethod.status == .methodNotAllowed)
            #expect(apiMethod.headers[.allow] == "POST")
            #expect(apiMethod.headers[.contentType] == "application/json; charset=utf-8")
            let report = try await browser.send("/api/v1/report-requests/0123456789abcdef", method: .delete, headers: [:], body: nil)
            #expect(report.headers[.allow] == "GET, HEAD")
            let api = try await browser.get("/api/v1/nothing")
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType] == "application/json; charset=utf-8")
        }
    }
}
