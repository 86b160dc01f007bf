import ArgumentParser
import Foundation
import Forms
import Operations

struct InvitationPaper: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "Print blank paper questionnaires, each with its own receipt code, for new hires without a device (statistics unit).",
        discussion: """
            Writes --count questionnaires (one A4 page each, German and English, printable HTML) into a new file of mode \
            0600. Each carries a fresh receipt code twice: on a stub the respondent tears off and keeps, and on the form, \
            which the statistics unit types in with `vielfalt invitation paper-entry`. The codes are stored nowhere but in \
            this file: print it, put each questionnaire in an envelope with a return envelope to the statistics unit, and \
            delete the file.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "How many questionnaires (1–\(Installation.paperLimit)).") var count: Int
    @Option(help: "Write the questionnaires to this new file (printable HTML, mode 0600).") var out: String
    @Option(help: "Form id (needed only when the forms directory holds several forms).") var form: String?
    @Option(help: "The withdrawal page's address printed on the stub, e.g. https://vielfalt.example/withdraw.") var withdrawURL: String?

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let sink = try PrivateOutputFile(path: out, option: "out", english: "questionnaires file", german: "Die Fragebogendatei")
            do {
                try sink.write(try installation.paperQuestionnaires(count: count, form: form, withdrawURL: withdrawURL,
                                                                     by: store.actor("statistics")))
                try sink.close()
            } catch {
                sink.discard()
                throw error
            }
            print("\(count) paper questionnaire(s) written to \(out); their receipt codes are in this file only " +
                  "/ Papierfragebögen geschrieben; ihre Quittungscodes stehen nur in dieser Datei")
        }
    }
}
