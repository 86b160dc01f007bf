import Foundation
import ArgumentParser
import Operations
import Store
import Vault

struct EntryWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Delete the response a receipt code belongs to (Art. 7(3) GDPR).",
        discussion: "Without the argument the code is read from standard input (or the terminal, without echo), so that it stays out of the shell history and the process list.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The receipt code, e.g. 7K3QM-2XW9R-ABCDE-12345 (case and dashes do not matter); better left out and typed when asked.")
    var code: String?

    func run() throws {
        try Failure.guarded {
            let receipt = try ReceiptCode(parsing: code ?? Self.readCode())
            if try store.installation().withdraw(receipt, by: store.actor("hr")) {
                print("withdrawn: the response was deleted / widerrufen: die Antwort wurde gelöscht")
            } else {
                print("unknown receipt code: no response is stored under it / unbekannter Quittungscode: dazu ist keine Antwort gespeichert")
                throw ExitCode(1)
            }
        }
    }

    /// One line from standard input, or from the terminal without echo when standard input is one.
    private static func readCode() throws -> String {
        if isatty(STDIN_FILENO) != 0 {
            return String(decoding: try Terminal.readSecret(prompt: "Receipt code / Quittungscode: "), as: UTF8.self)
        }
        return (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
    }
}
