import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Store
import TestSupport
import Testing
@testable import WebApp

/// The data protection officer's audit, log verification, purge plan and purge through `/api/v1`.
@Suite("JSON API: audit, log verification, purge")
struct AuditAPITests {
    @Test("the audit as of today and as of a later day; a malformed day is refused by name")
    func audit() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            _ = try await APITests.signIn(browser, .dpo)
            let today = try APITests.json(try await browser.get("/api/v1/audit"))
            #expect(today["as_of"] as? String == AuditDay.today())
            #expect(today["compliant"] is Bool)
            #expect((today["periods"] as? [[String: Any]])?.isEmpty == false)
            let later = try APITests.json(try await browser.get("/api/v1/audit?asOf=2099-12-31"))
            #expect(later["as_of"] as? String == "2099-12-31")
            for day in ["2025-02-29", "2025-13-01", "31.12.2025", "2025-1-01", ""] {
                let refused = try await browser.get("/api/v1/audit?asOf=\(day)")
                #expect(refused.status == .badRequest, "\(day)")
                #expect(try APITests.error(refused)["field"] as? String == "asOf", "\(day)")
            }
            #expect(try await browser.get("/api/v1/audit?asOf=2024-02-29").status == .ok)
        }
    }

    @Test("log verification: intact, then a tampered entry is named; an empty body or {} both work")
    func verify() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            let token = try await APITests.signIn(browser, .dpo)
            let empty = try await browser.send("/api/v1/audit/log/verify", method: .post, headers: [HeaderName.csrfToken: token], body: nil)
            #expect(empty.status == .ok)
            let intact = try APITests.json(empty)
            #expect(intact["intact"] as? Bool == true)
            #expect((intact["headHash"] as? String)?.count == 64)
            #expect(intact["entries"] as? Int ?? 0 > 0)
            let anchor = try #require(intact["anchor"] as? String)
            let anchored = try APITests.json(try await ReportAPITests.post(browser, "/api/v1/audit/log/verify", #"{"anchors":["\#(anchor)"]}"#, token: token))
            #expect(anchored["intact"] as? Bool == true && anchored["anchorsChecked"] as? Int == 1 && anchored["anchorsSkipped"] as? Int == 0)
            let typedEmpty = try await browser.send("/api/v1/audit/log/verify", method: .post,
                                                    headers: [HeaderName.csrfToken: token, .contentType: "application/json"], body: nil)
            #expect(typedEmpty.status == .ok)
            let foreign = try APITests.json(try await ReportAPITests.post(browser, "/api/v1/audit/log/verify",
                                                                          #"{"anchors":["\#(String(repeating: "0", count: 64))"]}"#, token: token))
            #expect(foreign["intact"] as? Bool == false)
            #expect(((foreign["problem"] as? [String: String])?["en"])?.contains("is not in the chain") == true)
            let malformed = try await ReportAPITests.post(browser, "/api/v1/audit/log/verify", #"{"anchors":["xyz"]}"#, token: token)
            #expect(malformed.status == .badRequest)
            #expect(try APITests.error(malformed)["field"] as? String == "anchors")
            let noToken = try await browser.send("/api/v1/audit/log/verify", method: .post, headers: [:], body: nil)
            #expect(noToken.status == .forbidden)

            try await DataStore.open(fixture.location).database.write { db in
                try db.execute(sql: "UPDATE audit_entry SET detail = 'tampered' WHERE seq = (SELECT MIN(seq) FROM audit_entry)")
            }
            let broken = try APITests.json(try await ReportAPITests.post(browser, "/api/v1/audit/log/verify", "{}", token: token))
            #expect(broken["intact"] as? Bool == false)
            #expect(((broken["problem"] as? [String: String])?["en"])?.isEmpty == false)
            let unknown = try await ReportAPITests.post(browser, "/api/v1/audit/log/verify", #"{"repair":true}"#, token: token)
            #expect(unknown.status == .badRequest)
            #expect(try APITests.error(unknown)["field"] as? String == "repair")
        }
    }

    @Test("plan changes nothing; purge without confirm: true purges nothing; with it, the expired period is gone")
    func purge() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 300)
        let before = try AuditTests.counts(fixture)
        #expect(before[2020] != nil)
        try await fixture.run { browser in
            let token = try await APITests.signIn(browser, .dpo)
            let plan = try APITests.json(try await ReportAPITests.post(browser, "/api/v1/audit/purge/plan", "{}", token: token))
            let steps = try #require(plan["steps"] as? [[String: Any]])
            #expect(steps.contains { $0["period"] as? Int == 2020 && $0["destroysKey"] as? Bool == true })
            let far = try APITests.json(try await ReportAPITests.post(browser, "/api/v1/audit/purge/plan", #"{"asOf":"2099-01-01"}"#, token: token))
            #expect((far["steps"] as? [[String: Any]])?.count ?? 0 > steps.count)
            let badDay = try await ReportAPITests.post(browser, "/api/v1/audit/purge/plan", #"{"asOf":"2099-02-30"}"#, token: token)
            #expect(badDay.status == .badRequest)
            #expect(try APITests.error(badDay)["field"] as? String == "asOf")
            #expect(try AuditTests.counts(fixture)[2020] != nil)

            for body in ["{}", #"{"confirm":false}"#, #"{"confirm":"yes"}"#, #"{"confirm":true,"asOf":"2099-01-01"}"#] {
                let refused = try await ReportAPITests.post(browser, "/api/v1/audit/purge", body, token: token)
                #expect(refused.status == .badRequest, "\(body)")
                #expect(try AuditTests.counts(fixture)[2020] != nil, "\(body)")
            }
            #expect(try await browser.postRaw("/api/v1/audit/purge", body: #"{"confirm":true}"#, contentType: "application/json").status == .forbidden)
            _ = try await APITests.signIn(browser, .statistics)
            let wrongRole = try await browser.postRaw("/api/v1/audit/purge", body: #"{"confirm":true}"#, contentType: "application/json",
                                                      headers: [HeaderName.csrfToken: try await APITests.signIn(browser, .statistics)])
            #expect(wrongRole.status == .forbidden)
            #expect(try AuditTests.counts(fixture)[2020] != nil)

            let dpo = try await APITests.signIn(browser, .dpo)
            let done = try APITests.json(try await ReportAPITests.post(browser, "/api/v1/audit/purge", #"{"confirm":true}"#, token: dpo))
            #expect(done["asOf"] as? String == AuditDay.today())
            #expect((done["steps"] as? [[String: Any]])?.contains { $0["period"] as? Int == 2020 } == true)
        }
        let after = try AuditTests.counts(fixture)
        #expect(after[2020] == nil)
        #expect(after[2025]?.responses == before[2025]?.responses)
        #expect(try AuditLog.entries(DataStore.open(fixture.location)).contains { $0.role == "dpo" && $0.user == "dpo" })
    }

    @Test("a broken policy file makes the API audit a 500 naming the file")
    func brokenPolicy() async throws {
        let policy = try WebAppFixture.brokenPolicyDirectory()
        let fixture = try WebAppFixture { $0.policyDirectory = policy }
        let page = try await fixture.run { browser in
            _ = try await APITests.signIn(browser, .dpo)
            return try await browser.get("/api/v1/audit")
        }
        #expect(page.status == .internalServerError)
        #expect((try APITests.error(page)["en"] as? String)?.contains("retention.yaml") == true)
    }
}
