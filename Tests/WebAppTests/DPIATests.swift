import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import TestSupport
import Testing
@testable import WebApp

/// The DPO's draft DPIA: the page `/audit/dpia` and its twin `/api/v1/audit/dpia`. Who else is
/// refused is the route matrix's business (``RouteMatrixTests``).
@Suite("DPO: the draft DPIA, page and API")
struct DPIATests {
    @Test("the page embeds the DPIA with its SDM table and marks the human fields open")
    func page() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            try await browser.login(.dpo)
            #expect(try await browser.get("/audit").body.contains(#"<a href="/audit/dpia">"#))
            let page = try await browser.get("/audit/dpia?asOf=2026-11-25")
            #expect(page.status == .ok)
            #expect(page.body.contains("Datenschutz-Folgenabschätzung (Entwurf)"))
            #expect(page.body.contains(#"<tr id="60-deadlines">"#))
            #expect(page.body.contains("überfällig: 2020"))
            #expect(page.body.contains(#"<code>sign_off.name</code></dt><dd><span class="open">offen"#))
            #expect(!page.body.contains("<style") && !page.body.contains("style=") && !page.body.contains("<script"))
            let refused = try await browser.get("/audit/dpia?asOf=2025-02-30")
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains(#"id="asOf-error""#))
        }
    }

    @Test("the API returns the same DPIA as JSON; a malformed day is refused by name")
    func api() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            _ = try await APITests.signIn(browser, .dpo)
            let dpia = try APITests.json(try await browser.get("/api/v1/audit/dpia?asOf=2026-11-25"))
            #expect(dpia["as_of"] as? String == "2026-11-25")
            let measures = try #require(dpia["measures"] as? [[String: Any]])
            #expect(measures.first { $0["id"] as? String == "60-deadlines" }?["status"] as? String == "partly")
            #expect(measures.first { $0["id"] as? String == "43-integrity" }?["status"] as? String == "in_place")
            let human = try #require(dpia["human_fields"] as? [[String: Any]])
            #expect(human.count == 8 && human.allSatisfy { $0["value"] == nil })
            let refused = try await browser.get("/api/v1/audit/dpia?asOf=31.12.2025")
            #expect(refused.status == .badRequest)
            #expect(try APITests.error(refused)["field"] as? String == "asOf")
        }
    }

    @Test("a broken dpia.yaml is named on the page and by the API, and holds up neither the audit nor a purge")
    func brokenReview() async throws {
        let policy = try AdminPolicyTests.copy(Repository.policyDirectory, "policy")
        try "version: 1\nopinion: x\n".write(to: policy.appendingPathComponent("dpia.yaml"), atomically: true, encoding: .utf8)
        let fixture = try WebAppFixture(demo: true, hires: 200) { $0.policyDirectory = policy }
        try await fixture.run { browser in
            try await browser.login(.dpo)
            let page = try await browser.get("/audit/dpia")
            #expect(page.status == .internalServerError)
            #expect(page.body.contains("dpia.yaml:2, field &#39;opinion&#39;") || page.body.contains("dpia.yaml:2, field 'opinion'"))
            #expect(try await browser.get("/audit").status == .ok)
            _ = try await APITests.signIn(browser, .dpo)
            let api = try await browser.get("/api/v1/audit/dpia")
            #expect(api.status == .internalServerError)
            #expect((try APITests.error(api)["en"] as? String)?.contains("dpia.yaml:2, field 'opinion'") == true)
        }
    }
}
