import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Store
import TestSupport
import Testing
@testable import WebApp

/// The data protection officer: audit, log verification, purge dry-run and purge with confirmation.
@Suite("DPO: audit, log verification, purge")
struct AuditTests {
    static func counts(_ fixture: WebAppFixture) throws -> [Int: (responses: Int, declines: Int)] {
        try DataStore.open(fixture.location).countsByPeriod()
    }

    @Test("the audit page embeds the audit report without inline style; the log verifies")
    func audit() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            try await browser.login(.dpo)
            let page = try await browser.get("/audit")
            #expect(page.status == .ok)
            #expect(page.body.contains("Datenschutz-Prüfbericht"))
            #expect(page.body.contains("Bestand je Einstellungsjahr"))
            #expect(page.body.contains(#"<article class="audit">"#))
            #expect(!page.body.contains("<style") && !page.body.contains("style=") && !page.body.contains("<script"))
            #expect(page.body.contains(#"action="/audit/log/verify""#) && page.body.contains(#"action="/audit/purge/plan""#))
            let verified = try await browser.post("/audit/log/verify", [])
            #expect(verified.status == .ok)
            #expect(verified.body.contains("Das Protokoll ist unversehrt"))
            let english = try await browser.post("/audit/log/verify?lang=en", [])
            #expect(english.body.contains("The audit log is intact"))
        }
    }

    @Test("a broken audit log is named on the verification page")
    func brokenLog() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await DataStore.open(fixture.location).database.write { db in
            try db.execute(sql: "UPDATE audit_entry SET detail = 'tampered' WHERE seq = (SELECT MIN(seq) FROM audit_entry)")
        }
        let page = try await fixture.run { browser in
            try await browser.login(.dpo)
            try await browser.get("/audit")
            return try await browser.post("/audit/log/verify", [])
        }
        #expect(page.body.contains("Das Protokoll ist beschädigt"))
    }

    @Test("dry run lists the expired period and changes nothing; purge without confirmation purges nothing; with it, the period is gone")
    func purge() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 300)
        let before = try Self.counts(fixture)
        #expect(before[2020] != nil)
        try await fixture.run { browser in
            try await browser.login(.dpo)
            try await browser.get("/audit")
            let plan = try await browser.post("/audit/purge/plan", [])
            #expect(plan.status == .ok)
            #expect(plan.body.contains("Probelauf des Löschlaufs"))
            #expect(plan.body.contains(#"<th scope="row">2020</th>"#))
            #expect(plan.body.contains(#"name="confirm" type="checkbox""#))
            #expect(try Self.counts(fixture)[2020] != nil)

            let unconfirmed = try await browser.post("/audit/purge", [])
            #expect(unconfirmed.status == .unprocessableContent)
            #expect(unconfirmed.body.contains("Bitte bestätigen Sie den Löschlauf"))
            #expect(unconfirmed.body.contains(#"aria-describedby="confirm-error""#))
            let wrongValue = try await browser.post("/audit/purge", [("confirm", "ja")])
            #expect(wrongValue.status == .unprocessableContent)
            #expect(try Self.counts(fixture)[2020] != nil)

            let noToken = try await browser.post("/audit/purge", [("confirm", "yes")], csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(try Self.counts(fixture)[2020] != nil)

            let done = try await browser.post("/audit/purge", [("confirm", "yes")])
            #expect(done.status == .ok)
            #expect(done.body.contains("Löschlauf ausgeführt"))
            #expect(done.body.contains(#"<th scope="row">2020</th>"#))
        }
        let after = try Self.counts(fixture)
        #expect(after[2020] == nil)
        #expect(after[2025]?.responses == before[2025]?.responses)
        let key = try Keystore.open(fixture.location).periodKeys().first { $0.period == 2020 }
        #expect(key?.sealedSecret == nil)
        let log = try AuditLog.entries(DataStore.open(fixture.location))
        #expect(log.contains { $0.role == "dpo" && $0.user == "dpo" })
    }

    @Test("nothing due: the dry run says so")
    func nothingDue() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.dpo)
            try await browser.get("/audit")
            return try await browser.post("/audit/purge/plan?lang=en", [])
        }
        #expect(page.body.contains("Nothing is due for purging today."))
        #expect(!page.body.contains(#"name="confirm""#))
    }

    @Test("a broken policy file: the audit page names file and line instead of failing silently")
    func brokenPolicy() async throws {
        let policy = try WebAppFixture.brokenPolicyDirectory()
        let fixture = try WebAppFixture { $0.policyDirectory = policy }
        let page = try await fixture.run { browser in
            try await browser.login(.dpo)
            return try await browser.get("/audit")
        }
        #expect(page.status == .internalServerError)
        #expect(page.body.contains("retention.yaml"))
        #expect(page.body.contains("Eine Richtlinien-Datei ist fehlerhaft"))
    }

    @Test("the audit page takes an as-of day; a day not in the calendar is an error tied to its field")
    func asOf() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            try await browser.login(.dpo)
            let later = try await browser.get("/audit?asOf=2099-12-31")
            #expect(later.status == .ok)
            #expect(later.body.contains("2099-12-31"))
            #expect(later.body.contains(#"<input id="asOf" name="asOf" type="date" value="2099-12-31""#))
            let wrong = try await browser.get("/audit?asOf=2025-02-30")
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains(##"<a href="#asOf">"##))
            #expect(wrong.body.contains(#"aria-describedby="asOf-hint asOf-error""#))
            #expect(wrong.body.contains("Kalendertag"))
            #expect(!wrong.body.contains(#"<article class="audit">"#))
        }
    }

    @Test("log verification on the page: the anchor to keep is shown; a kept anchor is checked; a malformed one is an error at its field")
    func anchors() async throws {
        let fixture = try WebAppFixture(demo: true, hires: 200)
        try await fixture.run { browser in
            try await browser.login(.dpo)
            try await browser.get("/audit")
            let first = try await browser.post("/audit/log/verify", [])
            let anchor = try #require(try AuditLog.verify(DataStore.open(fixture.location)).anchor)
            #expect(first.body.contains(anchor))
            try await browser.get("/audit")
            let found = try await browser.post("/audit/log/verify", [("anchors", anchor + "\r\n\r\n")])
            #expect(found.body.contains("Die angegebenen Anker sind in der Kette enthalten."))
            try await browser.get("/audit")
            let missing = try await browser.post("/audit/log/verify", [("anchors", String(repeating: "1", count: 64))])
            #expect(missing.body.contains("Das Protokoll ist beschädigt") && missing.body.contains("fehlt in der Kette"))
            try await browser.get("/audit")
            let malformed = try await browser.post("/audit/log/verify", [("anchors", "kein Hash")])
            #expect(malformed.status == .unprocessableContent)
            #expect(malformed.body.contains(#"aria-describedby="anchors-hint anchors-error""#))
            #expect(malformed.body.contains(">kein Hash</textarea>"))
        }
    }
}
