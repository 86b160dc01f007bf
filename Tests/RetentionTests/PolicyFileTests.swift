import Foundation
import Testing
import TestSupport
@testable import Retention
import Forms

@Suite struct PolicyFileTests {
    static let shipped = try! String(contentsOf: Repository.policyDirectory.appendingPathComponent("retention.yaml"), encoding: .utf8)

    @Test func theShippedPolicyReadsAsWritten() throws {
        let policy = try RetentionPolicy.parse(Self.shipped, file: "retention.yaml")
        #expect(policy.rule("responses") == RetentionRule(dataClass: "responses", keep: .yearsAfterHiringYear(5), then: .delete))
        #expect(policy.rule("audit_log").keep == .years(10))
        #expect(policy.responsesExpire(period: 2025) == "2031-01-01")
        #expect(policy.invitationWeeks == 8 && policy.entryWays == [.selfService, .hr])
        _ = try ProcessingRecord.load(contentsOf: Repository.policyDirectory.appendingPathComponent("processing.yaml"))
    }

    @Test func germanDurationsAreUnderstood() throws {
        let german = Self.shipped.replacingOccurrences(of: "5 years after end of hiring year", with: "5 Jahre nach Ende des Einstellungsjahres")
            .replacingOccurrences(of: "keep: indefinitely", with: "keep: unbefristet")
        #expect(try RetentionPolicy.parse(german, file: "r.yaml") == RetentionPolicy.parse(Self.shipped, file: "r.yaml"))
    }

    @Test(arguments: [
        ("keep: 5 years after end of hiring year\n    then: delete\n  declines:", "keep: five years\n    then: delete\n  declines:", 12, "classes.responses.keep"),
        ("  audit_log:", "  salaries:\n    keep: 1 years\n    then: delete\n  audit_log:", 26, "classes.salaries"),
        ("    then: destroy", "    then: shred", 22, "classes.period_keys.then"),
        ("keep: with their response", "keep: 2 years", 18, "classes.receipts.keep"),
        ("version: 1", "version: 2", 9, "version"),
        ("  release_ledger:\n    keep: indefinitely\n    then: keep\n", "", nil, "classes.release_ledger"),
        ("classes:", "classes: [", 12, nil),
        ("  declines:\n    keep: 5 years", "  declines:\n    keep: 6 years", nil, "classes.declines"),
        ("    keep: indefinitely\n    then: keep", "    keep: indefinitely\n    then: delete", 25, "classes.release_ledger.then"),
        ("invitation_weeks: 8", "invitation_weeks: 0", 33, "invitation_weeks"),
        ("invitation_weeks: 8", "invitation_weeks: 53", 33, "invitation_weeks"),
        ("invitation_weeks: 8", "invitation_weeks: eight", 33, "invitation_weeks"),
        ("entry: [self_service, hr]", "entry: [self_service, kiosk]", 31, "entry[1]"),
        ("entry: [self_service, hr]", "entry: [hr, hr]", 31, "entry[1]"),
        ("entry: [self_service, hr]", "entry: []", 31, "entry"),
        ("entry: [self_service, hr]", "entry: self_service", 31, "entry"),
        ("invitation_weeks: 8", "invitation_days: 8", 33, "invitation_days"),
    ] as [(String, String, Int?, String?)])
    func badPoliciesNameLineAndKey(_ old: String, _ new: String, _ line: Int?, _ field: String?) {
        let text = Self.shipped.replacingOccurrences(of: old, with: new)
        #expect(text != Self.shipped, "the test's edit did not apply")
        do {
            _ = try RetentionPolicy.parse(text, file: "retention.yaml")
            Issue.record("accepted a bad policy")
        } catch let error as InputError {
            #expect(error.file == "retention.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.field == field, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func invitationWeeksAndWaysOfEntryHaveDefaultsAndAreRead() throws {
        let without = Self.shipped.replacingOccurrences(of: "entry: [self_service, hr]\n", with: "")
            .replacingOccurrences(of: "invitation_weeks: 8\n", with: "")
        #expect(without != Self.shipped)
        let defaults = try RetentionPolicy.parse(without, file: "retention.yaml")
        #expect(defaults.invitationWeeks == 8 && defaults.entryWays == [.selfService, .hr])
        let chosen = try RetentionPolicy.parse(Self.shipped.replacingOccurrences(of: "entry: [self_service, hr]", with: "entry: [hr]")
            .replacingOccurrences(of: "invitation_weeks: 8", with: "invitation_weeks: 4"), file: "retention.yaml")
        #expect(chosen.invitationWeeks == 4 && chosen.entryWays == [.hr])
    }

    @Test func aProcessingRecordNeedsALegalBasis() {
        let text = try! String(contentsOf: Repository.policyDirectory.appendingPathComponent("processing.yaml"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: #"(?s)legal_basis:.*?data_subjects:"#, with: "legal_basis: []\ndata_subjects:", options: .regularExpression)
        #expect(throws: InputError.self) { try ProcessingRecord.parse(broken, file: "processing.yaml") }
    }
}

/// The English words of a retention period read as English: "the 5th calendar year", not "the 5.".
@Suite struct RetentionWordingTests {
    @Test(arguments: [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (5, "5th"), (11, "11th"), (12, "12th"), (13, "13th"),
                      (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")])
    func ordinals(_ n: Int, _ expected: String) {
        #expect(RetentionDuration.ordinal(n) == expected)
    }

    @Test func theDurationSaysItInWords() {
        #expect(RetentionDuration.yearsAfterHiringYear(5).english == "until the end of the 5th calendar year after the hiring year")
    }
}
