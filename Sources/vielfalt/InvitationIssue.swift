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
            let sink = try letters.map { try LetterSink(path: $0) }
            do {
                let issued: [IssuedInvitation]
                if let batch {
                    issued = try installation.issueInvitations(csv: URL(fileURLWithPath: batch), form: form, by: store.actor("hr"))
                } else {
                    var context: [String: String] = [:]
                    for (key, value) in single { context[key] = value }
                    issued = [try installation.issueInvitation(context: context, form: form, by: store.actor("hr"))]
                }
                if let sink, let template { try sink.write(template.document(issued)) }
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

/// The letters file: created new with mode 0600, never overwriting; deleted if issuing fails.
final class LetterSink {
    private let handle: FileHandle
    private let path: String

    init(path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw InputError(file: path, field: "letters", english: "cannot create the letters file (does it exist already?)",
                             german: "Die Briefdatei kann nicht angelegt werden (gibt es sie schon?).")
        }
        self.path = path
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func write(_ text: String) throws {
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func discard() {
        try? handle.close()
        unlink(path)
    }
}
