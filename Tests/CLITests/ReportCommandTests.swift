import Foundation
import Testing
import TestSupport

/// The statistics unit's report commands.
@Suite struct ReportCommandTests {
    let cli = CommandLineRunner()
    let data: String
    static let secret = ["VIELFALT_PASSPHRASE": "vielfalt-demo"]

    init() throws {
        data = try temporaryDirectory("reports").appendingPathComponent("data").path
        let made = try cli.run(["demo", "--data", data, "--hires", "800", "--no-monitoring"])
        precondition(made.status == 0, made.stderr)
    }

    @Test func aBaselineIsReleasedAndListedInTheLedger() throws {
        let outcome = try cli.run(["report", "baseline", "--data", data, "--by", "unit", "--format", "csv", "--locale", "de"], environment: Self.secret)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("\u{FEFF}unit;category;count;share_percent;response_rate_percent;status\r\n"))
        #expect(outcome.stderr.hasPrefix("released as R"))
        let list = try cli.run(["report", "list", "--data", data])
        #expect(list.stdout.split(separator: "\n").count == 1)
        #expect(list.stdout.contains("\tbaseline\tmigration_background\t"))
        let audit = try cli.run(["audit", "--data", data, "--format", "json"])
        #expect(audit.stdout.contains("\"report\" : \"baseline\""))
    }

    @Test func reportRunReadsADefinitionFile() throws {
        let outcome = try cli.run(["report", "run", "reports/trend.yaml", "--data", data, "--format", "json"], environment: Self.secret)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("{\"report\":\"trend\""))
    }

    @Test func aWrongPassphraseExitsWith3AndReleasesNothing() throws {
        let outcome = try cli.run(["report", "baseline", "--data", data], environment: ["VIELFALT_PASSPHRASE": "falsch"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr == "error: wrong passphrase: the keystore could not be unlocked\n")
        #expect(try cli.run(["report", "list", "--data", data]).stdout.hasPrefix("no releases yet"))
    }

    @Test func theMonitoringIsReleasedGoalByGoalThroughTheLedger() throws {
        let outcome = try cli.run(["report", "monitoring", "--data", data, "--format", "json"], environment: Self.secret)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("{\"monitoring\":\"vielfalt\""))
        #expect(outcome.stderr.hasPrefix("monitoring ") && outcome.stderr.contains("released from 2 release(s)"))
        let list = try cli.run(["report", "list", "--data", data])
        #expect(list.stdout.contains("\tmonitoring-neueinstellungen\t") && list.stdout.contains("\tmonitoring-auszubildende\t"))
        let markdown = try cli.run(["report", "monitoring", "--data", data, "--locale", "en"], environment: Self.secret)
        #expect(markdown.stdout.hasPrefix("# Monitoring: diversity-oriented personnel development"))
        let wrong = try cli.run(["report", "monitoring", "--data", data], environment: ["VIELFALT_PASSPHRASE": "falsch"])
        #expect(wrong.status == 3)
    }

    @Test func policyCheckNamesFileLineAndKeyOfABrokenMonitoring() throws {
        let reports = try temporaryDirectory("monitoring")
        for name in ["reference.yaml", "monitoring.yaml"] {
            let text = try String(contentsOf: Repository.root.appendingPathComponent("reports/\(name)"), encoding: .utf8)
            try text.replacingOccurrences(of: "breakdown: trainees", with: "breakdown: apprentices")
                .write(to: reports.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let broken = try cli.run(["policy", "check", "--reports", reports.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("error: monitoring.yaml:") && broken.stderr.contains("field 'goals[1].breakdown'"), "\(broken.stderr)")
        let shipped = try cli.run(["policy", "check"])
        #expect(shipped.status == 0 && shipped.stdout.contains("monitoring ok / Monitoring in Ordnung: 2 goal(s)"))
    }

    @Test(arguments: [
        (["--by", "salary"], "error: field 'by': cannot group by 'salary' (allowed: unit, career_group, employment)\n"),
        (["--indicator", "religion"], "error: field 'indicator': unknown indicator 'religion' (known: migration_background, immigration_history, foreign_national)\n"),
        (["--year", "1999"], "error: no data is held for hiring year 1999 (never entered, or purged)\n"),
        (["--locale", "fr"], "error: field 'locale': locale must be de or en\n"),
    ])
    func badRequestsExitWith2(_ arguments: [String], _ message: String) throws {
        let outcome = try cli.run(["report", "baseline", "--data", data] + arguments, environment: Self.secret)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == message)
    }
}
