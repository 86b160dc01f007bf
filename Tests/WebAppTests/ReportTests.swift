import Forms
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Store
import TestSupport
import Testing
@testable import WebApp

/// The integration office requests, the statistics unit releases, the integration office reads.
@Suite("Reports: requests, release with the passphrase, released reports")
struct ReportTests {
    static let baseline2025: [(String, String)] = [("kind", "baseline"), ("indicator", "migration_background"), ("by1", "unit"), ("by2", ""), ("years", "2025")]

    static func requests(_ fixture: WebAppFixture) throws -> [ReportRequest] {
        try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum).requests.all()
    }

    static func releases(_ fixture: WebAppFixture) throws -> Int { try DataStore.open(fixture.location).releases().count }

    /// Integration requests `fields`; returns the new request's id.
    static func request(_ browser: Browser, _ fixture: WebAppFixture, _ fields: [(String, String)] = baseline2025) async throws -> String {
        try await browser.login(.integration)
        try await browser.get("/reports")
        let before = Set(try requests(fixture).map(\.id))
        let response = try await browser.post("/reports", fields)
        #expect(response.status == .seeOther)
        #expect(response.location == "/reports")
        return try #require(try requests(fixture).map(\.id).first { !before.contains($0) })
    }

    static func release(_ browser: Browser, _ id: String, passphrase: String?) async throws -> Browser.Page {
        try await browser.login(.statistics)
        try await browser.get("/statistics/requests/\(id)")
        return try await browser.post("/statistics/requests/\(id)/release", passphrase.map { [("passphrase", $0)] } ?? [])
    }

    @Test("the full story: request, wrong and missing passphrase change nothing, release, read HTML, CSV and JSON")
    func story() async throws {
        let fixture = try WebAppFixture(demo: true)
        try await fixture.run { browser in
            let id = try await Self.request(browser, fixture)
            let list = try await browser.get("/reports")
            #expect(list.body.contains("Die Anfrage wurde an die Statistikstelle übermittelt."))
            #expect(list.body.contains("angefragt"))
            // Nothing to see before the release.
            for path in ["/reports/\(id)", "/reports/\(id)/csv", "/reports/\(id)/json"] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }

            try await browser.login(.statistics)
            let queue = try await browser.get("/statistics/requests")
            #expect(queue.body.contains("/statistics/requests/\(id)"))
            let detail = try await browser.get("/statistics/requests/\(id)")
            #expect(detail.body.contains(#"name="passphrase" type="password""#))

            let wrong = try await browser.post("/statistics/requests/\(id)/release", [("passphrase", "not the passphrase")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("Falsche Passphrase"))
            #expect(wrong.body.contains(#"aria-describedby="passphrase-hint passphrase-error""#))
            #expect(!wrong.body.contains("not the passphrase"))
            #expect(try Self.releases(fixture) == 0)
            #expect(try Self.requests(fixture).first?.status == .requested)

            try await browser.get("/statistics/requests/\(id)")
            let missing = try await browser.post("/statistics/requests/\(id)/release", [("passphrase", "")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains("Bitte geben Sie die Passphrase ein."))
            #expect(try Self.releases(fixture) == 0)

            try await browser.get("/statistics/requests/\(id)")
            let released = try await browser.post("/statistics/requests/\(id)/release", [("passphrase", DemoFixture.passphrase)])
            #expect(released.status == .seeOther)
            #expect(released.location == "/statistics/requests/\(id)")
            let after = try await browser.get("/statistics/requests/\(id)")
            #expect(after.body.contains("Der Bericht wurde veröffentlicht."))
            #expect(!after.body.contains(#"name="passphrase""#))
            #expect(try Self.releases(fixture) == 1)
            let stored = try #require(try Self.requests(fixture).first)
            #expect(stored.status == .released)
            #expect(stored.releasedBy == "statistics")

            // A second click releases nothing more.
            let again = try await browser.post("/statistics/requests/\(id)/release", [("passphrase", DemoFixture.passphrase)])
            #expect(again.status == .seeOther)
            #expect(try Self.releases(fixture) == 1)

            // The ledger: who, what, how many cells; no figures.
            let ledger = try await browser.get("/statistics/releases")
            #expect(ledger.body.contains(try #require(stored.releaseID)))
            #expect(ledger.body.contains("statistics statistics"))

            try await browser.login(.integration)
            #expect(try await browser.get("/reports").body.contains(#"<a href="/reports/\#(id)">Bericht ansehen</a>"#))
            let html = try await browser.get("/reports/\(id)")
            #expect(html.status == .ok)
            #expect(html.body.contains("<svg"))
            #expect(html.body.contains("Ist-Wert: Migrationshintergrund"))
            #expect(html.body.contains(#"<caption>Beteiligung</caption><thead><tr><th scope="col">Einstellungsjahr</th>"#))
            #expect(html.body.contains(#"<tr><th scope="row">2025</th>"#), "the participation line of the year shown")
            #expect(!html.body.contains("<style") && !html.body.contains("style=") && !html.body.contains("<script"))
            #expect(html.headers[.contentSecurityPolicy] == "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
            #expect(html.body.components(separatedBy: "<html").count == 2, "one page, not a page in a page")
            let english = try await browser.get("/reports/\(id)?lang=en")
            #expect(english.body.contains("Baseline: Migration background") || english.body.contains("Baseline:"))

            let csvDE = try await browser.get("/reports/\(id)/csv?locale=de")
            #expect(csvDE.status == .ok)
            #expect(csvDE.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csvDE.headers[.contentDisposition]?.hasPrefix("attachment; filename=") == true)
            #expect(csvDE.headers[.contentDisposition]?.contains("-de.csv") == true)
            #expect(csvDE.body.hasPrefix("\u{FEFF}"))
            #expect(csvDE.body.contains(";"))
            let csvEN = try await browser.get("/reports/\(id)/csv?locale=en")
            #expect(csvEN.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(!csvEN.body.hasPrefix("\u{FEFF}"))
            #expect(try await browser.get("/reports/\(id)/csv?locale=fr").status == .badRequest)
            let json = try await browser.get("/reports/\(id)/json")
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            #expect(json.headers[.contentDisposition]?.hasPrefix("attachment; filename=") == true)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            #expect(object["release"] as? String == stored.releaseID)
            #expect(object["periods"] as? [Int] == [2025])
            try Self.expectAggregatesOnly(object)
        }
    }

    /// Every count in a released report is withheld (null), a true zero or at least `min_cell`.
    static func expectAggregatesOnly(_ object: [String: Any]) throws {
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(!cells.isEmpty)
        for cell in cells {
            if let count = cell["count"] as? Int {
                #expect(count == 0 || count >= 5, "a published count below min_cell: \(cell)")
            } else {
                // A withheld cell says that it is withheld, and nothing else (issue 9, finding 1).
                #expect(cell["status"] as? String == "suppressed")
                #expect(Set(cell.keys).isSubset(of: ["unit", "career_group", "employment", "year", "category", "count", "status"]), "\(cell)")
            }
        }
        // Each year's participation: not answered withheld (null) from 1 to 4, and then no rate.
        let participation = try #require(object["participation"] as? [[String: Any]])
        #expect(participation.map { $0["period"] as? Int } == (object["periods"] as? [Int])?.map { $0 })
        for line in participation {
            if let notAnswered = line["not_answered"] as? Int {
                #expect(notAnswered == 0 || notAnswered >= 5, "\(line)")
            } else {
                #expect(line["not_answered"] is NSNull && line["response_rate"] == nil, "\(line)")
            }
        }
    }

    @Test("a year without data: the request is refused with the reason; integration sees the reason, no figures")
    func refused() async throws {
        let fixture = try WebAppFixture(demo: true)
        try await fixture.run { browser in
            let id = try await Self.request(browser, fixture, [("kind", "baseline"), ("indicator", "migration_background"), ("by1", "unit"), ("years", "2019")])
            let page = try await Self.release(browser, id, passphrase: DemoFixture.passphrase)
            #expect(page.status == .seeOther)
            let detail = try await browser.get("/statistics/requests/\(id)")
            #expect(detail.body.contains("Die Veröffentlichung wurde abgelehnt"))
            #expect(detail.body.contains("Für das Einstellungsjahr 2019 liegen keine Daten vor"))
            #expect(try Self.releases(fixture) == 0)
            let stored = try #require(try Self.requests(fixture).first)
            #expect(stored.status == .refused)
            #expect(stored.json == nil)

            try await browser.login(.integration)
            let list = try await browser.get("/reports?lang=en")
            #expect(list.body.contains("refused"))
            #expect(list.body.contains("no data is held for hiring year 2019"))
            #expect(!list.body.contains("/reports/\(id)\""))
            for path in ["/reports/\(id)", "/reports/\(id)/csv", "/reports/\(id)/json"] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
        }
    }

    static let badRequests: [([(String, String)], String)] = [
        ([("indicator", "migration_background"), ("by1", "unit"), ("years", "")], "Bitte Ist-Wert oder Entwicklung wählen."),
        ([("kind", "census"), ("indicator", "migration_background"), ("by1", "unit"), ("years", "")], "Bitte Ist-Wert oder Entwicklung wählen."),
        ([("kind", "baseline"), ("indicator", "country_of_birth"), ("by1", "unit"), ("years", "")], "Bitte ein Merkmal wählen."),
        ([("kind", "baseline"), ("indicator", "migration_background"), ("by1", ""), ("years", "")], "Bitte eine Gliederung wählen."),
        ([("kind", "baseline"), ("indicator", "migration_background"), ("by1", "name"), ("years", "")], "Unbekannte Gliederung."),
        ([("kind", "baseline"), ("indicator", "migration_background"), ("by1", "unit"), ("by2", "unit"), ("years", "")], "zwei verschiedene Gliederungen"),
        ([("kind", "baseline"), ("indicator", "migration_background"), ("by1", "unit"), ("years", "2021-2025")], "Ein Ist-Wert gilt für ein Einstellungsjahr"),
        ([("kind", "baseline"), ("indicator", "migration_background"), ("by1", "unit"), ("years", "20x5")], "Ein Ist-Wert gilt für ein Einstellungsjahr"),
        ([("kind", "trend"), ("indicator", "migration_background"), ("by1", "unit"), ("years", "2025")], "Eine Entwicklung braucht einen Bereich"),
        ([("kind", "trend"), ("indicator", "migration_background"), ("by1", "unit"), ("years", "2025-2021")], "Eine Entwicklung braucht einen Bereich"),
        ([("kind", "trend"), ("indicator", "migration_background"), ("by1", "unit"), ("years", ""), ("sql", "1")], "Unbekanntes Feld."),
    ]

    @Test("bad request input → the form again with the field's error, nothing stored", arguments: badRequests)
    func badRequest(fields: [(String, String)], message: String) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.integration)
            try await browser.get("/reports")
            return try await browser.post("/reports", fields)
        }
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains(message))
        #expect(page.body.contains("error-summary"))
        #expect(try Self.requests(fixture).isEmpty)
    }

    @Test("a trend over all years and a two-way grouping are accepted as requests")
    func goodRequests() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            _ = try await Self.request(browser, fixture, [("kind", "trend"), ("indicator", "immigration_history"), ("by1", "career_group"), ("years", "")])
            _ = try await Self.request(browser, fixture, [("kind", "baseline"), ("indicator", "migration_background"), ("by1", "unit"), ("by2", "employment"), ("years", "")])
        }
        let stored = try Self.requests(fixture)
        #expect(Set(stored.map(\.periods)) == ["all", "latest"])
        #expect(Set(stored.map(\.grouping)) == ["career_group", "unit,employment"])
        #expect(stored.allSatisfy { $0.status == .requested && $0.requestedBy == "integration" })
    }

    @Test("unknown or malformed request ids → 404 for every report route")
    func unknownRequest() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.login(.statistics)
            try await browser.get("/statistics/requests")
            for id in ["0123456789abcdef", "x", "../../etc"] {
                #expect(try await browser.get("/statistics/requests/\(id)").status == .notFound)
                #expect(try await browser.post("/statistics/requests/\(id)/release", [("passphrase", WebAppFixture.passphrase)]).status == .notFound)
            }
            try await browser.login(.integration)
            for path in ["/reports/0123456789abcdef", "/reports/0123456789abcdef/csv", "/reports/nothing/json"] {
                #expect(try await browser.get(path).status == .notFound)
            }
        }
        #expect(try Self.releases(fixture) == 0)
    }

    @Test("the release form: CSRF, content type, unknown fields and size are checked; nothing released", arguments: ["csrf", "type", "field", "size"])
    func releaseBody(_ problem: String) async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        let status = try await fixture.run { browser in
            let id = try await Self.request(browser, fixture)
            try await browser.login(.statistics)
            try await browser.get("/statistics/requests/\(id)")
            let path = "/statistics/requests/\(id)/release"
            let token = try #require(browser.csrfToken)
            let good = "_csrf=\(token)&passphrase=\(DemoFixture.passphrase)"
            switch problem {
            case "csrf": return try await browser.post(path, [("passphrase", DemoFixture.passphrase)], csrf: false).status
            case "type": return try await browser.postRaw(path, body: good, contentType: "text/plain").status
            case "field": return try await browser.postRaw(path, body: good + "&extra=1", contentType: "application/x-www-form-urlencoded").status
            default: return try await browser.postRaw(path, body: good + "&passphrase2=" + String(repeating: "a", count: 70_000),
                                                      contentType: "application/x-www-form-urlencoded").status
            }
        }
        #expect(status == ["csrf": .forbidden, "type": .unsupportedMediaType, "field": .badRequest, "size": .contentTooLarge][problem])
        #expect(try Self.releases(fixture) == 0)
        #expect(try Self.requests(fixture).first?.status == .requested)
    }

    @Test("the passphrase form body: percent-decoding into bytes, duplicates and broken escapes refused")
    func passphraseParsing() throws {
        var secret: [UInt8]?
        let fields = try PassphraseBodyMiddleware.parse(Array("_csrf=abc&passphrase=vielfalt%2Ddemo+%C3%A4".utf8), secret: &secret)
        #expect(fields["_csrf"] == "abc")
        #expect(secret == Array("vielfalt-demo ä".utf8))
        #expect(fields["passphrase"] == nil)
        var again: [UInt8]?
        #expect(throws: InputError.self) { try PassphraseBodyMiddleware.parse(Array("passphrase=a&passphrase=b".utf8), secret: &again) }
        var broken: [UInt8]?
        #expect(throws: InputError.self) { try PassphraseBodyMiddleware.parse(Array("passphrase=%4".utf8), secret: &broken) }
    }

    @Test("the statistics unit refuses a request on its page: a reason is required, then integration sees it")
    func refuseOnPage() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            let id = try await Self.request(browser, fixture)
            try await browser.login(.statistics)
            let detail = try await browser.get("/statistics/requests/\(id)")
            #expect(detail.body.contains(#"action="/statistics/requests/\#(id)/refuse""#))
            let empty = try await browser.post("/statistics/requests/\(id)/refuse", [("reason", " ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains(#"aria-describedby="reason-hint reason-error""#))
            #expect(empty.body.contains(##"<a href="#reason">"##))
            #expect(try Self.requests(fixture).first?.status == .requested)
            let extra = try await browser.post("/statistics/requests/\(id)/refuse", [("reason", "x"), ("figures", "1")])
            #expect(extra.status == .unprocessableContent)
            #expect(try Self.requests(fixture).first?.status == .requested)

            let refused = try await browser.post("/statistics/requests/\(id)/refuse", [("reason", "Gliederung nach Ämtern erst ab 2026.")])
            #expect(refused.status == .seeOther)
            let after = try await browser.get(refused.location ?? "")
            #expect(after.body.contains("Die Veröffentlichung wurde abgelehnt"))
            #expect(!after.body.contains(#"name="passphrase""#))
            #expect(try Self.requests(fixture).first?.reasonGerman == "Gliederung nach Ämtern erst ab 2026.")

            try await browser.login(.integration)
            let list = try await browser.get("/reports")
            #expect(list.body.contains("Gliederung nach Ämtern erst ab 2026."))
        }
        #expect(try Self.releases(fixture) == 0)
    }
}
