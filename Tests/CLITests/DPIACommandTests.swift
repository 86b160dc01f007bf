import Foundation
import Testing
import TestSupport

/// `vielfalt audit --dpia`: the draft DPIA as the built binary writes it.
@Suite struct DPIACommandTests {
    let cli = CommandLineRunner()

    @Test func theDraftDPIAIsWrittenInEachFormatAndNeedsNoPassphrase() throws {
        let data = try temporaryDirectory("dpia").appendingPathComponent("data").path
        let made = try cli.run(["demo", "--data", data, "--hires", "240"])
        try #require(made.status == 0, "\(made.stderr)")

        let md = try cli.run(["audit", "--dpia", "--data", data, "--as-of", "2040-01-01"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("# Datenschutz-Folgenabschätzung (Entwurf) / Data protection impact assessment (draft)\n"))
        #expect(md.stdout.contains("| 60-deadlines | 60 Löschen und Vernichten / Deleting and destroying |"))
        #expect(md.stdout.contains("- Freigabe: Name / Sign-off: name (`sign_off.name`): **offen / open**"))

        let out = try temporaryDirectory("dpia-out").appendingPathComponent("dpia.json").path
        let json = try cli.run(["audit", "--dpia", "--data", data, "--format", "json", "--out", out])
        #expect(json.status == 0 && json.stdout.isEmpty, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        #expect((object?["measures"] as? [Any])?.count == 17)
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)

        let html = try cli.run(["audit", "--dpia", "--data", data, "--format", "html"])
        #expect(html.stdout.hasPrefix("<!doctype html>\n<html lang=\"de\">"))
        let csv = try cli.run(["audit", "--dpia", "--data", data, "--format", "csv"])
        #expect(csv.status == 2)
        #expect(csv.stderr == "error: field 'format': the DPIA comes as md, json or html\n")
    }

    @Test func aBrokenDPIAFileIsNamedByTheDPIAAndByPolicyCheck() throws {
        let data = try temporaryDirectory("dpia").appendingPathComponent("data").path
        try #require(try cli.run(["demo", "--data", data, "--hires", "60"]).status == 0)
        let policy = try temporaryDirectory("policy")
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.policyDirectory.path) {
            try FileManager.default.copyItem(at: Repository.policyDirectory.appendingPathComponent(name), to: policy.appendingPathComponent(name))
        }
        try "version: 1\nsign_off:\n  date: [2026]\n".write(to: policy.appendingPathComponent("dpia.yaml"), atomically: true, encoding: .utf8)
        let dpia = try cli.run(["audit", "--dpia", "--data", data, "--policy", policy.path])
        #expect(dpia.status == 2)
        #expect(dpia.stderr.contains("dpia.yaml:3, field 'sign_off.date': expected a text value"))
        let check = try cli.run(["policy", "check", "--policy", policy.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("dpia.yaml:3, field 'sign_off.date'"))
        // The audit itself does not read dpia.yaml: a slip in its texts holds up no audit.
        #expect(try cli.run(["audit", "--data", data, "--policy", policy.path]).status == 0)
    }
}
