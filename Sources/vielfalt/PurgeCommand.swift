import ArgumentParser
import Operations
import Foundation
import Retention
import Store

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Enforce retention: crypto-shred expired periods, delete expired declines, prune the audit log.",
        discussion: "Idempotent; an interrupted purge is completed by running it again. --as-of may not lie after today nor before the last purge.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Purge as of this day (YYYY-MM-DD), default today.") var asOf: String?
    @Flag(help: "Only list what would be purged.") var dryRun = false

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let asOf = try AuditDay.parse(self.asOf ?? AuditDay.today(), field: "as-of")
            if dryRun {
                let steps = try installation.purgePlan(asOf: asOf)
                print(steps.isEmpty ? "nothing to purge as of \(asOf) / zum \(asOf) ist nichts zu löschen" : describe(steps, would: true))
                return
            }
            let outcome = try installation.purge(asOf: asOf, by: store.actor("dpo"))
            print(outcome.steps.isEmpty ? "nothing to purge as of \(asOf) / zum \(asOf) ist nichts zu löschen" : describe(outcome.steps, would: false))
            if outcome.prunedLogEntries > 0 { print("audit log: \(outcome.prunedLogEntries) old entries pruned / alte Protokolleinträge entfernt") }
        }
    }

    private func describe(_ steps: [Purge.Step], would: Bool) -> String {
        steps.map { step in
            let verb = would ? "would purge" : "purged"
            return step.scope == "period"
                ? "\(verb) period \(step.period): \(step.responses) responses, \(step.declines) declines\(step.destroysKey ? ", period key destroyed" : "")"
                : "\(verb) the declines of period \(step.period): \(step.declines)"
        }.joined(separator: "\n")
    }
}
