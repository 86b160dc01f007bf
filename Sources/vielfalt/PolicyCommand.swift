import ArgumentParser
import Foundation
import Operations

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Check the policy files.", subcommands: [PolicyCheck.self])
}

struct PolicyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate every policy file; errors name file, line and key (exit 2).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try Failure.guarded {
            _ = try Policies.load(URL(fileURLWithPath: store.policy))
            print("policy ok / Richtlinien in Ordnung: retention.yaml, processing.yaml, disclosure.yaml, dpia.yaml (optional) in \(store.policy)")
        }
    }
}
