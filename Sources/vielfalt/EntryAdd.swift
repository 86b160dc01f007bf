import ArgumentParser
import Operations
import Foundation
import Forms
import Store

struct EntryAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store one questionnaire (JSON) and print the respondent's receipt code, nothing else.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The entry as JSON: a file, or - for standard input.")
    var json: String

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let name = json == "-" ? "stdin" : json
            let bytes: [UInt8]
            if json == "-" {
                bytes = [UInt8](FileHandle.standardInput.readData(ofLength: EntryParser.maxEntryBytes + 1))
            } else {
                guard let handle = FileHandle(forReadingAtPath: json) else {
                    throw InputError(file: json, english: "cannot read the file", german: "Die Datei kann nicht gelesen werden.")
                }
                bytes = [UInt8](handle.readData(ofLength: EntryParser.maxEntryBytes + 1))
            }
            do {
                print(try installation.enter(json: bytes, by: store.actor("hr")).formatted)
            } catch let error as InputError { throw error.located(file: name, line: nil) }
        }
    }
}
