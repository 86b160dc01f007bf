import ArgumentParser
import Foundation
import Operations
import Reports

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Check the policy files.", subcommands: [PolicyCheck.self])
}

struct PolicyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate every policy file and reports/monitoring.yaml; errors name file, line and key (exit 2).")

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("reports"), help: "The reports directory with reference.yaml and monitoring.yaml.") var reportsDirectory = "reports"

    func run() throws {
        try Failure.guarded {
            _ = try Policies.load(URL(fileURLWithPath: store.policy))
            print("policy ok / Richtlinien in Ordnung: retention.yaml, processing.yaml, disclosure.yaml, dpia.yaml (optional) in \(store.policy)")
            let reports = URL(fileURLWithPath: reportsDirectory)
            if let plan = try Policies.monitoring(reports, forms: try store.loadForms().forms) {
                print("monitoring ok / Monitoring in Ordnung: \(plan.goals.count) goal(s) / Ziel(e) in \(reports.appendingPathComponent(MonitoringPlan.fileName).path)")
            } else {
                print("no monitoring.yaml / keine monitoring.yaml in \(reportsDirectory)")
            }
        }
    }
}
