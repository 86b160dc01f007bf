import ArgumentParser
import Forms
import Store

struct EntryDecline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: "Record that a new hire was asked and declined (only the context is kept, sealed).")

    @OptionGroup var store: StoreOptions

    @Option(help: "Form id.") var form: String = "migration-background"
    @Option(help: "Form version.") var formVersion: Int = 1
    @Option(help: "Org unit code (forms/units.yaml).") var unit: String
    @Option(help: "Hiring month YYYY-MM.") var hired: String
    @Option(help: "einfach | mittel | gehoben | hoeher") var careerGroup: String
    @Option(help: "regular | trainee") var employment: String

    func run() throws {
        try Failure.guarded {
            let validator = try store.validator()
            let decline = try validator.validateDecline(
                form: form, version: formVersion,
                context: ["unit": unit, "hired": hired, "career_group": careerGroup, "employment": employment])
            try Intake(location: store.location, forms: validator.forms, units: validator.units, actor: store.actor("hr"))
                .decline(decline)
            note("decline recorded / Ablehnung erfasst")
        }
    }
}
