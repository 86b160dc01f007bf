import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Store
import TestSupport
import Testing
@testable import WebApp

/// The statistics unit releases the monitoring; the integration office starts on its dashboard.
@Suite("Monitoring: release by the statistics unit, the integration office's dashboard")
struct MonitoringPageTests {
    static func stored(_ fixture: WebAppFixture) throws -> [MonitoringRecord] {
        try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum).monitoring.all()
    }

    @Test("before, a wrong passphrase, the release, the dashboard, the print, the downloads and the underlying release")
    func story() async throws {
        let fixture = try WebAppFixture(demo: true)
        try await fixture.run { browser in
            try await browser.login(.integration)
            let empty = try await browser.get("/monitoring")
            #expect(empty.status == .ok && empty.body.contains("Noch kein Monitoring veröffentlicht."))
            for path in ["/monitoring/print", "/monitoring/csv", "/monitoring/json", "/api/v1/monitoring"] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }

            try await browser.login(.statistics)
            let page = try await browser.get("/statistics/monitoring")
            #expect(page.body.contains("neueinstellungen") && page.body.contains("auszubildende"))
            let wrong = try await browser.post("/statistics/monitoring/release", [("passphrase", "not the passphrase")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Falsche Passphrase") && !wrong.body.contains("not the passphrase"))
            #expect(try Self.stored(fixture).isEmpty)
            #expect(try ReportTests.releases(fixture) == 0)

            try await browser.get("/statistics/monitoring")
            let released = try await browser.post("/statistics/monitoring/release", [("passphrase", DemoFixture.passphrase)])
            #expect(released.status == .seeOther && released.location == "/statistics/monitoring")
            #expect(try await browser.get("/statistics/monitoring").body.contains("Das Monitoring ist veröffentlicht."))
            let record = try #require(try Self.stored(fixture).first)
            #expect(try ReportTests.releases(fixture) == 2)

            // The integration office lands on its dashboard.
            try await browser.login(.integration)
            let home = try await browser.get("/")
            #expect(home.status == .seeOther && home.location == "/monitoring")
            let dashboard = try await browser.get("/monitoring")
            #expect(dashboard.body.contains("<svg role=\"img\"") && dashboard.body.contains("Neueingestellte mit Migrationshintergrund"))
            #expect(dashboard.body.contains("class=\"status status-"))
            #expect(dashboard.body.contains(record.id))
            // Status as words and symbol, never colour alone.
            #expect(dashboard.body.contains("Status:"))
            let links = dashboard.body.components(separatedBy: "href=\"/monitoring/releases/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(links.count == 2)
            for link in links {
                let table = try await browser.get("/monitoring/releases/\(link)")
                #expect(table.status == .ok && table.body.contains(link))
            }
            #expect(try await browser.get("/monitoring/releases/R20990101-000000").status == .notFound)
            // A release of the ledger that the monitoring is not made of stays out of reach here.
            let id = try await ReportTests.request(browser, fixture)
            #expect(try await ReportTests.release(browser, id, passphrase: DemoFixture.passphrase).status == .seeOther)
            let other = try #require(try ReportTests.requests(fixture).first { $0.id == id }?.releaseID)
            try await browser.login(.integration)
            #expect(try await browser.get("/reports/\(id)").status == .ok)
            #expect(try await browser.get("/monitoring/releases/\(other)").status == .notFound)

            let print = try await browser.get("/monitoring/print")
            #expect(print.status == .ok && print.body.contains("/static/monitoring-print.css"))
            #expect(!print.body.contains("<nav") && !print.body.contains("<style"))
            #expect(print.body.contains("Datenstand"))
            #expect(try await browser.get("/static/monitoring-print.css").body.contains("@page"))
            let csv = try await browser.get("/monitoring/csv?locale=de")
            #expect(csv.status == .ok && csv.body.hasPrefix("\u{FEFF}goal;series;year"))
            #expect(try await browser.get("/monitoring/csv?locale=fr").status == .badRequest)
            let json = try await browser.get("/monitoring/json")
            #expect(json.body.contains("\"monitoring\":\"vielfalt\""))
            let api = try await browser.get("/api/v1/monitoring")
            #expect(api.status == .ok && api.body == json.body)
        }
    }

    @Test("the API releases with the passphrase; a wrong one is 422 and releases nothing")
    func apiRelease() async throws {
        let fixture = try WebAppFixture(demo: true)
        try await fixture.run { browser in
            try await browser.login(.statistics)
            let token = try #require(browser.csrfToken)
            let wrong = try await browser.postRaw("/api/v1/monitoring/release", body: #"{"passphrase":"wrong passphrase"}"#,
                                                  contentType: "application/json", headers: [HeaderName.csrfToken: token])
            #expect(wrong.status == .unprocessableContent && wrong.body.contains("passphrase"))
            #expect(try Self.stored(fixture).isEmpty)
            let right = try await browser.postRaw("/api/v1/monitoring/release", body: #"{"passphrase":"\#(DemoFixture.passphrase)"}"#,
                                                  contentType: "application/json", headers: [HeaderName.csrfToken: token])
            #expect(right.status == .ok)
            let record = try #require(try Self.stored(fixture).first)
            #expect(right.body.contains(record.id))
        }
    }
}
