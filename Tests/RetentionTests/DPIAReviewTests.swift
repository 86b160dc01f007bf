import Foundation
import Forms
import Testing
import TestSupport
@testable import Retention

/// `policy/dpia.yaml` is read as strictly as the other policy files: every error names file, line and key.
@Suite struct DPIAReviewTests {
    @Test func theShippedFileLeavesEveryHumanFieldOpen() throws {
        let review = try DPIAReview.load(contentsOf: Repository.policyDirectory.appendingPathComponent("dpia.yaml"))
        #expect(review == .empty)
        #expect(!review.isSignedOff)
    }

    @Test(arguments: [
        ("version: 1\ndpo_opinion: \"\"\nopinion: x\n", 3, "opinion", "unknown key (allowed: data_subjects_view, dpo_opinion, residual_risk, sign_off, staff_council_view, version)"),
        ("version: 1\ndpo_opinion: [a, b]\n", 2, "dpo_opinion", "expected a text value"),
        ("version: 1\nresidual_risk:\n  accepted: maybe\n", 3, "residual_risk.accepted", "expected true or false"),
        ("version: 1\nsign_off:\n  name: x\n  signature: y\n", 4, "sign_off.signature", "unknown key (allowed: date, function, name)"),
        ("version: 1\nsign_off:\n  date: 1.12.2026\n", 3, "sign_off.date", "expected a day of the calendar as YYYY-MM-DD"),
        ("version: 1\nsign_off: yes\n", 2, "sign_off", "expected a mapping of keys"),
    ])
    func aWrongFileIsNamedWithLineAndKey(_ text: String, _ line: Int, _ key: String, _ english: String) throws {
        #expect {
            _ = try DPIAReview.parse(text, file: "dpia.yaml")
        } throws: { error in
            let error = error as? InputError
            return error?.file == "dpia.yaml" && error?.line == line && error?.field == key && error?.english == english
        }
    }

    @Test func invalidUTF8IsNamed() throws {
        let url = try temporaryFile("dpia.yaml", Array("version: 1\ndpo_opinion: \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))
        #expect(throws: InputError(file: "dpia.yaml", english: "the file is not valid UTF-8", german: "Die Datei ist kein gültiges UTF-8.")) {
            _ = try DPIAReview.load(contentsOf: url)
        }
    }
}
