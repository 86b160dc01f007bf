import ArgumentParser
import Operations
import Forms
import Store

struct EntryDecline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: "Record that a new hire was asked and declined (only the context is kept, sealed).")

    @OptionGroup var store: StoreOptions

    @Option(help: "Form id (needed only when the forms directory holds several forms).") var form: String?
    @Option(help: "Form version.") var formVersion: Int = 1
    @Option(help: "Org unit code (forms/units.yaml).") var unit: String
    @Option(help: "Hiring month YYYY-MM.") var hired: String
    @Option(help: "einfach | mittel | gehoben | hoeher") var careerGroup: String
    @Option(help: "regular | trainee") var employment: String

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            try installation.decline(RawEntry(form: try form ?? installation.onlyFormID(), version: formVersion,
                                              context: ["unit": unit, "hired": hired, "career_group": careerGroup, "employment": employment],
                                              answers: [:]), by: store.actor("hr"))
            note("decline recorded / Ablehnung erfasst")
        }
    }
}
