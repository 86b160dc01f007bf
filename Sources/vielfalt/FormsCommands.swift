import ArgumentParser
import Foundation
import Forms

struct FormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "Show or validate questionnaire definitions.",
        subcommands: [FormsShow.self, FormsValidate.self])
}

struct FormsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a form's questions and answer codes.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Form id, e.g. migration-background.") var id: String
    @Option(help: "de or en.") var language: String = "de"

    func run() throws {
        try Failure.guarded {
            let (forms, units) = try store.loadForms()
            guard let form = forms.filter({ $0.id == id }).max(by: { $0.version < $1.version }) else {
                throw InputError(field: "id", english: "unknown form", german: "Unbekanntes Formular.")
            }
            print(form.plainText(units: units, language: language))
        }
    }
}

struct FormsValidate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check a form file; errors name line and key.")

    @Argument(help: "A form YAML file.") var file: String

    func run() throws {
        try Failure.guarded {
            let form = try FormDefinition.load(contentsOf: URL(fileURLWithPath: file))
            print("ok: \(form.id) version \(form.version), \(form.context.count) context fields, \(form.items.count) items, \(form.indicators.count) indicators")
        }
    }
}
