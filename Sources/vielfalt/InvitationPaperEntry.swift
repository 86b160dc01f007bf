import ArgumentParser
import Foundation
import Forms
import Operations

struct InvitationPaperEntry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper-entry",
        abstract: "Enter a returned paper questionnaire with its invitation code (statistics unit); then destroy the paper.",
        discussion: """
            The ticked answers as --answer ITEM=CODE (items not given count as no_answer) with --consent VERSION when the \
            consent box is ticked (the version printed on the form), or --decline when "Nicht teilnehmen / I do not wish to take part" is ticked. The invitation code \
            written on the form and then the receipt code printed on it are read from standard input, one per line (on a \
            terminal: asked without echo), so that they stay out of the shell history and the process list. The response is \
            stored exactly as one answered at /survey, under the printed receipt code. A used, expired or unknown invitation \
            code gets the same answer as on /survey. Destroy the paper form once it is entered (MighEV § 4(2)).
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("answer"), help: "A ticked answer as ITEM=CODE, e.g. born_in_germany=no (repeatable).")
    var answers: [String] = []
    @Option(help: "The consent box is ticked, on the form of this version (printed under \"Fragebogen / Questionnaire\").")
    var consent: Int?
    @Flag(help: "The \"do not take part\" box is ticked: count a decline.") var decline = false

    func run() throws {
        try Failure.guarded {
            if decline, let given = answers.first.map({ _ in "answer" }) ?? consent.map({ _ in "consent" }) {
                throw InputError(field: given, english: "give either --decline or the answers and --consent, not both",
                                 german: "Entweder --decline oder die Antworten mit --consent, nicht beides.")
            }
            var ticked: [String: String] = [:]
            for answer in answers {
                let parts = answer.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, ticked[parts[0]] == nil else {
                    throw InputError(field: "answer", english: "expected ITEM=CODE once per item, e.g. born_in_germany=no",
                                     german: "Erwartet wird ITEM=CODE, je Frage einmal, z. B. born_in_germany=no.")
                }
                ticked[parts[0]] = parts[1]
            }
            let installation = try store.installation()
            let code = try Self.readCode("Invitation code / Einladungscode: ")
            let receipt = decline ? nil : try Self.readCode("Receipt code / Quittungscode: ")
            let paper = PaperForm(invitationCode: code, receiptCode: receipt, answers: decline ? nil : ticked,
                                  consentVersion: consent)
            switch try installation.enterPaperForm(paper, by: store.actor("statistics")) {
            case .answered: print("stored under the receipt code printed on the form / unter dem gedruckten Quittungscode gespeichert")
            case .declined: print("counted as a decline / als Ablehnung gezählt")
            }
            print(Installation.destroyPaperReminder.en)
            print(Installation.destroyPaperReminder.de)
        }
    }

    /// One line from standard input, or from the terminal without echo when standard input is one.
    private static func readCode(_ prompt: String) throws -> String {
        if isatty(STDIN_FILENO) != 0 { return String(decoding: try Terminal.readSecret(prompt: prompt), as: UTF8.self) }
        return (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
    }
}
