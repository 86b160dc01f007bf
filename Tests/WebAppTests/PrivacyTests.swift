import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Store
import TestSupport
import Testing
@testable import WebApp

/// What the report pages must never show: unreleased figures to the integration office, and a
/// single record's value to anyone.
@Suite("Privacy: no unreleased figure, no per-record value")
struct PrivacyTests {
    @Test("integration cannot reach an open or refused request's figures, nor any statistics or audit page")
    func integrationSeesOnlyReleased() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 300)
        try await fixture.run { browser in
            let open = try await ReportTests.request(browser, fixture)
            let refused = try await ReportTests.request(browser, fixture, [("kind", "baseline"), ("indicator", "migration_background"), ("by1", "unit"), ("years", "2019")])
            #expect(try await ReportTests.release(browser, refused, passphrase: DemoFixture.passphrase).status == .seeOther)
            #expect(try ReportTests.requests(fixture).first { $0.id == refused }?.status == .refused)

            try await browser.login(.integration)
            let list = try await browser.get("/reports")
            #expect(list.status == .ok)
            #expect(!list.body.contains(#"class="n""#), "no figure on the request list")
            #expect(!list.body.contains("<svg"))
            for id in [open, refused] {
                for path in ["/reports/\(id)", "/reports/\(id)/csv?locale=de", "/reports/\(id)/csv?locale=en", "/reports/\(id)/json"] {
                    let page = try await browser.get(path)
                    #expect(page.status == .notFound, "\(path)")
                    #expect(!page.body.contains("<svg") && !page.body.contains("\"cells\""))
                }
            }
            for path in ["/statistics/requests", "/statistics/requests/\(open)", "/statistics/releases", "/audit"] {
                #expect(try await browser.get(path).status == .forbidden, "\(path)")
            }
            #expect(try await browser.post("/statistics/requests/\(open)/release", [("passphrase", DemoFixture.passphrase)]).status == .forbidden)
        }
        #expect(try ReportTests.releases(fixture) == 0)
        #expect(try ReportTests.requests(fixture).first { $0.status == .requested } != nil)
    }

    @Test("after entry and release, no page or download of any role shows a receipt code or a response id; released counts are aggregates")
    func noPerRecordValue() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 300)
        let bodies = try await fixture.run { browser -> [String: String] in
            try await browser.login(.hr)
            try await browser.get(entryPath)
            #expect(try await browser.post(entryPath, validEntry).status == .seeOther)
            let receipt = try await browser.get("/entry/receipt")
            let code = try #require(receipt.body.firstMatch(of: /<p class="code">([0-9A-Z-]+)<\/p>/)?.1)
            let id = try await ReportTests.request(browser, fixture)
            #expect(try await ReportTests.release(browser, id, passphrase: DemoFixture.passphrase).status == .seeOther)

            var bodies: [String: String] = ["receipt-code": String(code)]
            for role in Role.allCases {
                try await browser.login(role)
                for route in RouteMatrixTests.routes where route.allowed.contains(role) && route.method == .get && route.pattern != "/entry/receipt" {
                    let path = route.path.replacingOccurrences(of: RouteMatrixTests.unknownRequest, with: id)
                    bodies["\(role) \(path)"] = try await browser.get(path).body
                    if path.hasSuffix("/csv") { bodies["\(role) \(path) en"] = try await browser.get(path + "?locale=en").body }
                }
                if role == .dpo {
                    bodies["dpo verify"] = try await browser.post("/audit/log/verify", []).body
                    bodies["dpo plan"] = try await browser.post("/audit/purge/plan", []).body
                }
            }
            let jsonText = try #require(bodies["integration /reports/\(id)/json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
            try ReportTests.expectAggregatesOnly(json)
            return bodies
        }
        let code = try #require(bodies["receipt-code"])
        var canaries = [code, code.replacingOccurrences(of: "-", with: "")]
        let data = try DataStore.open(fixture.location)
        for period in try data.periods() {
            try data.forEachSealedResponse(period: period) { response in
                let hex = response.id.map { String(format: "%02x", $0) }.joined()
                canaries += [hex, hex.uppercased(), response.id.base64EncodedString()]
            }
        }
        #expect(canaries.count > 300)
        #expect(bodies.count > 20)
        for (page, body) in bodies where page != "receipt-code" {
            for canary in canaries where body.contains(canary) {
                Issue.record("\(page) shows a per-record value")
            }
        }
    }
}
