import ArgumentParser
import Foundation
import Forms
import Operations

struct InvitationIssue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue an invitation (or one per row of a CSV of contexts) and print its code; write the letters.",
        discussion: """
            One invitation from --unit, --hired, --career-group and --employment, or one per row of --batch FILE.csv \
            (header: unit,hired,career_group,employment; comma or semicolon). A batch is issued whole or not at all: \
            the first bad row stops it with an error naming line and column. The codes are printed one per line \
            ("n;CODE" for a batch, in row order) and exist nowhere else; --letters writes the printable letters \
            (one A4 page each) into a new file. Hand the letters out and destroy the printed codes.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Form id (needed only when the forms directory holds several forms).") var form: String?
    @Option(help: "Org unit code (forms/units.yaml).") var unit: String?
    @Option(help: "Hiring month YYYY-MM.") var hired: String?
    @Option(help: "einfach | mittel | gehoben | hoeher") var careerGroup: String?
    @Option(help: "regular | trainee") var employment: String?
    @Option(help: "A CSV file of contexts, one invitation per row.") var batch: String?
    @Option(help: "Write the letters to this new file (printable HTML, mode 0600).") var letters: String?
    @Option(help: "The questionnaire's address printed on the letters, e.g. https://vielfalt.example/survey.") var surveyURL: String?

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let single = [("unit", unit), ("hired", hired), ("career_group", careerGroup), ("employment", employment)]
            if batch != nil, let given = single.first(where: { $0.1 != nil }) {
                throw InputError(field: given.0, english: "give either --batch or the context options, not both",
                                 german: "Entweder --batch oder die Kontextangaben, nicht beides.")
            }
            if letters != nil, surveyURL == nil {
                throw InputError(field: "survey-url", english: "the letters need the questionnaire's address (--survey-url)",
                                 german: "Die Briefe brauchen die Adresse des Fragebogens (--survey-url).")
            }
            // Checked and created first, so that no invitation is issued whose letter cannot be written.
            let template = try surveyURL.map { try installation.letterTemplate(surveyURL: $0) }
            let sink = try letters.map {
                try PrivateOutputFile(path: $0, option: "letters", english: "letters file", german: "Die Briefdatei")
            }
            do {
                let issued: [IssuedInvitation]
                if let batch {
                    issued = try installation.issueInvitations(csv: URL(fileURLWithPath: batch), form: form, by: store.actor("hr"))
                } else {
                    var context: [String: String] = [:]
                    for (key, value) in single { context[key] = value }
                    issued = [try installation.issueInvitation(context: context, form: form, by: store.actor("hr"))]
                }
                if let sink, let template {
                    try sink.write(template.document(issued))
                    try sink.close()
                }
                for (n, invitation) in issued.enumerated() {
                    print(batch == nil ? invitation.code.formatted : "\(n + 1);\(invitation.code.formatted)")
                }
                note("\(issued.count) invitation(s) issued, valid until \(issued.first?.lastDay ?? "-") / Einladung(en) ausgestellt")
            } catch {
                sink?.discard()
                throw error
            }
        }
    }
}
