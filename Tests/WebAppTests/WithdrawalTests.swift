import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Testing
@testable import WebApp

@Suite("Respondent: withdrawal without login")
struct WithdrawalTests {
    /// Saves one questionnaire as HR and returns its receipt code.
    static func saveOne(_ browser: Browser) async throws -> String {
        try await browser.login(.hr)
        try await browser.get(entryPath)
        try await browser.post(entryPath, validEntry)
        let receipt = try await browser.get("/entry/receipt")
        let code = try #require(receipt.body.firstMatch(of: /<p class="code">([0-9A-Z-]{23})<\/p>/)).1
        try await browser.post("/logout", [])
        return String(code)
    }

    @Test("known and unknown codes get the same page; the known one is deleted")
    func sameMessage() async throws {
        let fixture = try WebAppFixture()
        let (known, unknown) = try await fixture.run { browser in
            let code = try await Self.saveOne(browser)
            try await browser.get("/withdraw")
            let known = try await browser.post("/withdraw", [("code", code.lowercased())])
            try await browser.get("/withdraw")
            let unknown = try await browser.post("/withdraw", [("code", "00000-00000-00000-00000")])
            return (known, unknown)
        }
        #expect(known.status == .ok)
        #expect(unknown.status == .ok)
        let strip = { (body: String) in body.replacingOccurrences(of: #"value="[^"]*""#, with: "", options: .regularExpression) }
        #expect(strip(known.body) == strip(unknown.body))
        #expect(known.body.contains("Ihr Widerruf wurde bearbeitet."))
        #expect(try fixture.stored() == (0, 0))
        // The page went through the one use case that leaves the withdrawal's tombstone in the keystore.
        #expect(try Keystore.open(fixture.location).tombstones().count == 1)
    }

    @Test("known and unknown codes take at least the minimum time")
    func padded() async throws {
        let fixture = try WebAppFixture { $0.withdrawalMinimumDuration = .milliseconds(300) }
        let durations = try await fixture.run { browser in
            let code = try await Self.saveOne(browser)
            var durations: [Duration] = []
            for attempt in [code, "ABCDE-ABCDE-ABCDE-ABCDE", "not a code"] {
                try await browser.get("/withdraw")
                let start = ContinuousClock.now
                try await browser.post("/withdraw", [("code", attempt)])
                durations.append(ContinuousClock.now - start)
            }
            return durations
        }
        for duration in durations { #expect(duration >= .milliseconds(300)) }
    }

    @Test("a malformed or empty code gets a field error in the reader's language", arguments: [("", "de", "Bitte geben Sie den Quittungscode ein."), ("12345", "en", "not a receipt code")])
    func malformed(code: String, lang: String, message: String) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.get("/withdraw?lang=\(lang)")
            return try await browser.post("/withdraw", [("code", code)])
        }
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains(message))
        #expect(page.body.contains(#"aria-describedby="code-hint code-error""#))
    }

    @Test("rate limited per address")
    func rateLimited() async throws {
        let fixture = try WebAppFixture {
            $0.trustForwardedFor = true
            $0.withdrawalLimit = .init(attempts: 3, window: .seconds(600))
        }
        try await fixture.run(live: true) { browser in
            browser.address = "198.51.100.1"
            try await browser.get("/withdraw")
            for _ in 0..<3 {
                #expect(try await browser.post("/withdraw", [("code", "ABCDE-ABCDE-ABCDE-ABCDE")]).status == .ok)
            }
            let limited = try await browser.post("/withdraw", [("code", "ABCDE-ABCDE-ABCDE-ABCDE")])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.contains("Zu viele Versuche"))
            browser.address = "198.51.100.2"
            #expect(try await browser.post("/withdraw", [("code", "ABCDE-ABCDE-ABCDE-ABCDE")]).status == .ok)
        }
    }
}
