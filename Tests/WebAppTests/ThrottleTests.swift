import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import WebApp

@Suite("Login and release throttling")
struct ThrottleTests {
    @Test("a throttled attempt does not push the lockout further")
    func throttledAttemptsDoNotExtend() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.get("/login")
            for _ in 0..<3 { #expect(try await browser.post("/login", [("name", "hr"), ("password", "not the password")]).status == .unauthorized) }
            // Throttled (2 s after the third failure): refused unchecked, and not counted.
            #expect(try await browser.post("/login", [("name", "hr"), ("password", "not the password")]).status == .unauthorized)
            try await Task.sleep(for: .milliseconds(2_200))
            #expect(try await browser.post("/login", [("name", "hr"), ("password", WebAppFixture.password(.hr))]).status == .seeOther)
        }
    }

    @Test("a parallel burst is counted before hashing: eight at once leave the backoff of three failures")
    func parallelBurst() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        _ = try await browser.postRaw("/api/v1/session", body: #"{"name":"hr","password":"not the password"}"#,
                                                      contentType: "application/json")
                    }
                }
                try await group.waitForAll()
            }
            // Three counted failures: 2 s of backoff (eight would have been 64 s).
            try await Task.sleep(for: .milliseconds(2_200))
            _ = try await APITests.signIn(browser, .hr)
        }
    }

    @Test("names longer than any user's are never kept as throttling keys")
    func longNames() async {
        let throttle = LoginThrottle(freeFailures: 3)
        #expect(await throttle.begin(user: String(repeating: "n", count: 65_536), address: "192.0.2.1") == false)
        #expect(await throttle.keyCount == 1)
        #expect(await throttle.begin(user: "hr", address: "192.0.2.1"))
        #expect(await throttle.keyCount == 2)
    }

    @Test("the keys held stay bounded under a flood of addresses")
    func boundedKeys() async {
        let throttle = LoginThrottle(freeFailures: 3, maximumRecords: 100)
        for index in 0..<1_000 { _ = await throttle.begin(user: "hr", address: "10.0.\(index / 256).\(index % 256)") }
        #expect(await throttle.keyCount <= 100)
    }

    @Test("at most `limit` Argon2id runs at once, the rest queue or are turned away")
    func gate() async throws {
        let gate = WorkGate(limit: 2, maximumWaiting: 3)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { try await gate.run { usleep(100_000) } != nil } }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(await gate.peak == 2)
        #expect(results.filter { $0 }.count == 5)
    }

    @Test("failed sign-ins are audited, naming only existing users")
    func auditedFailures() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            browser.address = nil
            try await browser.get("/login")
            try await browser.post("/login", [("name", "dpo"), ("password", "not the password")])
            try await browser.post("/login", [("name", "mein-passwort-im-namensfeld"), ("password", "not the password")])
        }
        let log = try AuditLog.entries(DataStore.open(fixture.location))
        #expect(log.map { "\($0.role) \($0.user) \($0.action)" } == ["- dpo sign-in failed", "- - sign-in failed"])
        #expect(!log.contains { $0.detail.contains("mein-passwort") })
    }

    @Test("wrong release passphrases are audited and throttled like sign-ins")
    func releasePassphrase() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 300)
        try await fixture.run { browser in
            let id = try await ReportAPITests.request(browser)
            let token = try await APITests.signIn(browser, .statistics)
            let path = "/api/v1/report-requests/\(id)/release"
            for _ in 0..<3 {
                #expect(try await ReportAPITests.post(browser, path, #"{"passphrase":"not the passphrase"}"#, token: token).status == .badRequest)
            }
            let throttled = try await ReportAPITests.post(browser, path, #"{"passphrase":"\#(WebAppFixture.passphrase)"}"#, token: token)
            #expect(throttled.status == .tooManyRequests)
            #expect(try APITests.error(throttled)["field"] as? String == "passphrase")
        }
        let log = try AuditLog.entries(DataStore.open(fixture.location)).filter { $0.role == "statistics" }
        #expect(log.map { "\($0.role) \($0.user) \($0.action)" } == Array(repeating: "statistics statistics release passphrase wrong", count: 3))
    }
}

@Suite("Sessions: made only when kept, bounded, ended by age and by revocation")
struct SessionLifetimeTests {
    @Test("visits of the public pages keep nothing on the server")
    func noSessionForVisitors() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            for path in ["/login", "/withdraw", "/login", "/"] {
                let page = try await browser.get(path)
                #expect(!page.setCookies.contains { $0.hasPrefix("vielfalt_session=") }, "\(path)")
            }
            // The forms still work: a withdrawal is answered, not refused for a missing token.
            #expect(try await browser.post("/withdraw", [("code", "ABCDE-ABCDE-ABCDE-ABCDE")]).status == .ok)
            #expect(browser.sessionCookie == nil)
        }
    }

    @Test("the session store refuses a session beyond its bound")
    func bound() async throws {
        let store = BoundedSessionStore(limit: 2)
        try await store.set(key: "a", value: "1", expires: .seconds(60))
        try await store.set(key: "b", value: "1", expires: .seconds(60))
        try await store.set(key: "a", value: "2", expires: .seconds(60))
        await #expect(throws: HTTPError.self) { try await store.set(key: "c", value: "1", expires: .seconds(60)) }
        try await store.remove(key: "a")
        try await store.set(key: "c", value: "1", expires: .seconds(60))
        #expect(await store.count == 2)
    }

    @Test("a busy session still ends at its absolute lifetime")
    func absoluteLifetime() async throws {
        let fixture = try WebAppFixture { $0.absoluteSessionLifetime = .seconds(6) }
        try await fixture.run { browser in
            try await browser.login(.hr)
            // Measured after sign-in, so a slow machine only shortens the busy part.
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .seconds(2) {
                #expect(try await browser.get("/entry").status == .ok)
                try await Task.sleep(for: .milliseconds(400))
            }
            try await Task.sleep(until: start + .milliseconds(6_500))
            #expect(try await browser.get("/entry").location?.hasPrefix("/login") == true)
        }
    }

    @Test("a password change ends the user's other sessions and keeps this one")
    func passwordChange() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { laptop in
            let phone = Browser(client: laptop.client)
            try await phone.login(.hr)
            try await laptop.login(.hr)
            try await laptop.get("/account/password")
            let wrong = try await laptop.post("/account/password", [("current_password", "not the password"),
                                                                     ("new_password", "ein ganz neues Passwort"), ("new_password_repeat", "ein ganz neues Passwort")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Das bisherige Passwort ist falsch."))
            let changed = try await laptop.post("/account/password", [("current_password", WebAppFixture.password(.hr)),
                                                                       ("new_password", "ein ganz neues Passwort"), ("new_password_repeat", "ein ganz neues Passwort")])
            #expect(changed.location == "/account/password")
            #expect(try await laptop.get("/account/password").body.contains("Das Passwort wurde geändert"))
            #expect(try await laptop.get("/entry").status == .ok)
            #expect(try await phone.get("/entry").location?.hasPrefix("/login") == true)
            #expect(try await phone.login(.hr).status == .unauthorized)
            #expect(try await phone.login(.hr, password: "ein ganz neues Passwort").status == .seeOther)
        }
        let log = try AuditLog.entries(DataStore.open(fixture.location))
        #expect(log.map { "\($0.role) \($0.user) \($0.action)" }.contains("hr hr password changed"))
    }

    @Test("the admin signs out everyone, the admin included")
    func signOutEverywhere() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { admin in
            let clerk = Browser(client: admin.client)
            try await clerk.login(.hr)
            try await admin.login(.admin)
            try await admin.get("/admin/users")
            #expect(try await admin.post("/admin/sessions/end-all", []).location == "/login?out=1")
            #expect(try await clerk.get("/entry").location?.hasPrefix("/login") == true)
            #expect(try await admin.get("/admin/users").location?.hasPrefix("/login") == true)
            try await clerk.login(.hr)
            #expect(try await clerk.get("/entry").status == .ok)
        }
    }
}
