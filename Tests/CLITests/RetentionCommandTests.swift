import Foundation
import Testing
import TestSupport

/// The DPO's commands: audit, purge, log verify and show, policy check.
@Suite struct RetentionCommandTests {
    let cli = CommandLineRunner()
    let data: String

    init() throws {
        data = try temporaryDirectory("dpo").appendingPathComponent("data").path
        let made = try cli.run(["demo", "--data", data, "--hires", "240"])
        precondition(made.status == 0, made.stderr)
    }

    @Test func theAuditNeedsNoPassphraseAndFlagsWhatIsDue() throws {
        let today = try cli.run(["audit", "--data", data, "--format", "json"])
        #expect(today.status == 0, "\(today.stderr)")
        #expect(today.stdout.contains("\"compliant\" : true"))
        let later = try cli.run(["audit", "--data", data, "--as-of", "2040-01-01"])
        #expect(later.status == 4)
        #expect(later.stdout.contains("run the purge"))
    }

    @Test func purgeRefusesAFutureDayAndDryRunChangesNothing() throws {
        let future = try cli.run(["purge", "--data", data, "--as-of", "2999-01-01"])
        #expect(future.status == 2)
        #expect(future.stderr.hasPrefix("error: refusing to purge as of 2999-01-01, after today"))
        let before = try RawBytes.fingerprint(RawBytes.databaseFiles(URL(fileURLWithPath: data + "/vielfalt.sqlite")))
        let dry = try cli.run(["purge", "--data", data, "--dry-run"])
        #expect(dry.status == 0)
        #expect(try RawBytes.fingerprint(RawBytes.databaseFiles(URL(fileURLWithPath: data + "/vielfalt.sqlite"))) == before)
        for day in ["25.11.2026", "2026-02-30"] {
            let bad = try cli.run(["purge", "--data", data, "--as-of", day])
            #expect(bad.status == 2)
            #expect(bad.stderr == "error: field 'as-of': expected a day of the calendar as YYYY-MM-DD\n")
        }
    }

    @Test func logVerifyPrintsTheAnchorToKeepAndChecksAnchorsGiven() throws {
        let first = try cli.run(["log", "verify", "--data", data])
        #expect(first.status == 0)
        let line = try #require(first.stdout.split(separator: "\n").first { $0.contains("--anchor ") })
        let anchor = String(try #require(line.split(separator: " ").last))
        #expect(try cli.run(["log", "verify", "--data", data, "--anchor", anchor]).status == 0)
        let unknown = try cli.run(["log", "verify", "--data", data, "--anchor", String(repeating: "ab", count: 32)])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("is not in the chain"))
        let malformed = try cli.run(["log", "verify", "--data", data, "--anchor", "not-a-hash"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("anchor"))
    }

    @Test func logVerifyNamesTheFirstBrokenEntry() throws {
        #expect(try cli.run(["log", "verify", "--data", data]).status == 0)
        let shown = try cli.run(["log", "show", "--data", data])
        #expect(shown.stdout.split(separator: "\n").first?.hasPrefix("1\t") == true)
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        edit.arguments = ["python3", "-c", "import sqlite3; c = sqlite3.connect('\(data)/vielfalt.sqlite'); c.execute(\"update audit_entry set user = 'someone' where seq = 1\"); c.commit()"]
        try edit.run()
        edit.waitUntilExit()
        let broken = try cli.run(["log", "verify", "--data", data])
        #expect(broken.status == 3)
        #expect(broken.stderr.hasPrefix("error: audit log broken: entry 1 was altered"))
        #expect(try cli.run(["audit", "--data", data]).status == 4)
    }

    @Test func policyCheckNamesFileLineAndKey() throws {
        let dir = try temporaryDirectory("policy")
        for name in ["retention.yaml", "processing.yaml", "disclosure.yaml", "perturbation-table.csv"] {
            try FileManager.default.copyItem(at: Repository.policyDirectory.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        #expect(try cli.run(["policy", "check", "--policy", dir.path]).status == 0)
        let file = dir.appendingPathComponent("retention.yaml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "then: destroy", with: "then: burn")
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try cli.run(["policy", "check", "--policy", dir.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: retention.yaml:22, field 'classes.period_keys.then': action must be destroy, delete or keep\n")
    }
}
