import Forms
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Retention
@testable import Store

/// The draft DPIA on the demo store (seed 2020, made on a fixed day): golden files in all three
/// formats, and the rules by which the SDM table's status follows the audit's facts.
///
/// Set `VIELFALT_UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate change, then read the diff.
@Suite struct DPIAReportTests {
    static func dpia(_ fixture: RetentionFixture, asOf: String, review: DPIAReview = .empty) throws -> DPIAReport {
        DPIADraft.build(.init(audit: try fixture.audit(asOf: asOf), forms: [Repository.form], review: review,
                              lastPurge: try fixture.data.lastPurgeDay()))
    }

    static func measure(_ report: DPIAReport, _ id: String) throws -> SDMMeasure {
        try #require(report.measures.first { $0.id == id })
    }

    @Test(arguments: ["md", "json", "html"])
    func theDPIAMatchesItsGoldenFile(_ format: String) throws {
        let fixture = try RetentionFixture()
        let report = try Self.dpia(fixture, asOf: "2026-11-25")
        let rendered = switch format {
        case "md": report.markdown()
        case "json": try report.json()
        default: report.html()
        }
        // The demo's keys are random, so is their fingerprint: the golden file holds a placeholder.
        let text = rendered.replacingOccurrences(of: try fixture.audit(asOf: "2026-11-25").keystore.masterKeyFingerprint, with: "FINGERPRINT")
        let golden = AuditReportGoldenTests.directory.appendingPathComponent("dpia-demo.\(format)")
        if ProcessInfo.processInfo.environment["VIELFALT_UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func anOverduePeriodMakesDeletionPartlyAndAPurgeMakesItWhole() throws {
        let fixture = try RetentionFixture(hires: 60)
        let overdue = try Self.measure(Self.dpia(fixture, asOf: "2026-11-25"), "60-deadlines")
        #expect(overdue.status == .partly)
        #expect(overdue.evidence.en.hasPrefix("no purge yet; overdue: 2020;"))
        let before = try Self.measure(Self.dpia(fixture, asOf: "2025-12-31"), "60-deadlines")
        #expect(before.status == .inPlace)
        #expect(before.evidence.en.hasPrefix("no purge yet; no period overdue;"))

        _ = try fixture.purge(asOf: "2026-11-25", today: "2026-11-25")
        let purged = try Self.dpia(fixture, asOf: "2026-11-25")
        #expect(try Self.measure(purged, "60-deadlines").status == .inPlace)
        #expect(try Self.measure(purged, "60-deadlines").evidence.en.hasPrefix("last purge 2026-11-25; no period overdue;"))
        #expect(try Self.measure(purged, "60-keys").evidence.en == "one key pair per hiring year; destroyed for 2020")
        // Keystore backups are tracked and a restore deletes again: in place while no backup is flagged.
        #expect(try Self.measure(purged, "60-backups").status == .inPlace)
        #expect(try Self.measure(purged, "60-backups").evidence.en.contains("0 now still holding a purged key or older than the last purge"))
    }

    @Test func aTamperedLogTakesLoggingOutOfPlace() throws {
        let fixture = try RetentionFixture(hires: 60)
        try fixture.addLogEntries()
        #expect(try Self.measure(Self.dpia(fixture, asOf: "2026-11-25"), "43-integrity").status == .inPlace)
        try fixture.data.database.write { db in
            try db.execute(sql: "UPDATE audit_entry SET detail = 'declines=0; period=2021' WHERE seq = 3")
        }
        let report = try Self.dpia(fixture, asOf: "2026-11-25")
        let logging = try Self.measure(report, "43-integrity")
        #expect(logging.status == .notInPlace)
        #expect(logging.evidence.en.hasPrefix("chain broken: "))
        #expect(try Self.measure(report, "42-proof").status == .notInPlace)
        #expect(report.risks.first { $0.id == "R5" }?.likelihood == .high)
    }

    @Test func theSignOffComesFromTheReviewAndCompletesTheDPIAMeasure() throws {
        let fixture = try RetentionFixture(hires: 60)
        let open = try Self.dpia(fixture, asOf: "2026-11-25")
        #expect(try Self.measure(open, "41-dpia").status == .partly)
        #expect(open.humanFields.allSatisfy { $0.value == nil })
        let review = try DPIAReview.parse("""
            version: 1
            dpo_opinion: "Vertretbar."
            residual_risk: {accepted: true, reasoning: "gering"}
            sign_off: {name: "A. Beispiel", function: "Oberbürgermeister", date: 2026-12-01}
            """, file: "dpia.yaml")
        let signed = try Self.dpia(fixture, asOf: "2026-11-25", review: review)
        #expect(try Self.measure(signed, "41-dpia").status == .inPlace)
        #expect(try Self.measure(signed, "41-dpia").evidence.en == "signed off by A. Beispiel on 2026-12-01")
        #expect(signed.humanFields.filter { $0.value == nil }.map(\.key) == ["staff_council_view", "data_subjects_view"])
    }

    @Test func theMinimisationFactsComeFromTheForms() throws {
        let report = try Self.dpia(RetentionFixture(hires: 60), asOf: "2026-11-25")
        #expect(report.necessity[1].en == "No country of origin is asked: no item names a country or origin, the longest answer list has 5 codes.")
        #expect(report.necessity[2].en.hasPrefix("Every item is optional: 6 of 6 items offer \"no_answer\""))
        #expect(report.description.forms[0].context.first { $0.key == "hired" }?.stored.en.hasPrefix("only the quarter") == true)
    }

    @Test func aFormThatAsksForACountryIsFlagged() throws {
        let text = try String(contentsOf: Repository.formsDirectory.appendingPathComponent("migration-background.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "Sind Sie im heutigen Deutschland geboren?", with: "In welchem Land sind Sie geboren?")
        let form = try FormDefinition.parse(text, file: "migration-background.yaml")
        let fixture = try RetentionFixture(hires: 60)
        let report = DPIADraft.build(.init(audit: try fixture.audit(asOf: "2026-11-25"), forms: [form], review: .empty, lastPurge: nil))
        #expect(report.necessity[1].en == "Attention: items that look like a country or origin: born_in_germany. Check their necessity.")
    }
}
