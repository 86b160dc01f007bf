import Foundation
import Testing
import TestSupport
@testable import Retention

/// The DPO's report on the demo data (seed 2020, made on a fixed day) in all three formats.
///
/// Set `VIELFALT_UPDATE_GOLDEN=1` to rewrite the files after a deliberate change, then read the diff.
@Suite struct AuditReportGoldenTests {
    static let directory = Repository.root.appendingPathComponent("Tests/RetentionTests/Golden")

    @Test(arguments: ["md", "json", "html"])
    func theAuditReportMatchesItsGoldenFile(_ format: String) throws {
        let fixture = try RetentionFixture()
        let report = try fixture.audit(asOf: "2026-11-25")
        let rendered = switch format {
        case "md": report.markdown()
        case "json": try report.json()
        default: report.html()
        }
        // The demo's keys are random, so is their fingerprint: the golden file holds a placeholder.
        let text = rendered.replacingOccurrences(of: report.keystore.masterKeyFingerprint, with: "FINGERPRINT")
        let golden = Self.directory.appendingPathComponent("audit-demo.\(format)")
        if ProcessInfo.processInfo.environment["VIELFALT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func theDemoAuditHasTheExpectedVerdictAndFindings() throws {
        let report = try RetentionFixture().audit(asOf: "2026-11-25")
        #expect(report.compliant == false)
        #expect(report.periods.map(\.period) == Array(2020...2025))
        #expect(report.findings.filter { $0.severity == "critical" }.map(\.text.en) == [
            "period 2020: \(report.periods[0].responses) responses are held past their expiry (2026-01-01); run the purge",
            "period 2020: \(report.periods[0].declines) declines are held past their expiry (2026-01-01); run the purge",
            "period 2020: its key still exists after expiry; run the purge",
        ])
        #expect(report.log.intact)
    }
}
