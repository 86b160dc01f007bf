import ArgumentParser
import Operations
import Foundation
import Forms
import Store

struct EntryImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import responses from a .jsonl or .csv file, all or nothing.",
        discussion: """
            The whole file is checked first; on the first bad line the import stops with an error naming \
            line and field, and nothing is stored. With --receipts FILE each response gets a receipt code, \
            written as "n;code" (n = the n-th response of the input) for handing out; keep that file as \
            safe as the input and destroy it once the receipts are handed out.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "A .jsonl (one JSON entry per line) or .csv file with a header row.")
    var file: String

    @Option(help: "Write one receipt code per response to this new file (mode 0600).")
    var receipts: String?

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let sink = try receipts.map {
                try PrivateOutputFile(path: $0, option: "receipts", english: "receipts file", german: "Die Quittungsdatei")
            }
            let result: Intake.ImportResult
            do {
                result = try installation.importEntries(from: URL(fileURLWithPath: file), by: store.actor("hr"),
                                                        onReceipt: sink.map { s in { try s.write("\($0);\($1.formatted)\n") } })
            } catch {
                // Nothing was stored: codes written so far belong to rolled-back rows, and an empty
                // file would block the corrected re-run.
                sink?.discard()
                throw error
            }
            try sink?.close()
            print("\(result.stored) responses stored / \(result.stored) Antworten gespeichert")
        }
    }
}
