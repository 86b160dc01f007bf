import Foundation
import Testing
@testable import WebApp

/// The monitoring probes: no login, no cookie, nothing but the state.
@Suite struct HealthTests {
    @Test func liveAndReadyAnswerWithTheStateOnly() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            for path in ["/health/live", "/health/ready"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                #expect(page.body == "ok\n")
                #expect(page.headers[.setCookie] == nil)
            }
        }
    }
}
