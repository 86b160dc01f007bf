import ArgumentParser
import Store
import Vault

struct EntryWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Delete the response a receipt code belongs to (Art. 7(3) GDPR).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The receipt code, e.g. 7K3QM-2XW9R-ABCDE-12345 (case and dashes do not matter).")
    var code: String

    func run() throws {
        try Failure.guarded {
            let receipt = try ReceiptCode(parsing: code)
            let (forms, units) = try store.loadForms()
            let intake = try Intake(location: store.location, forms: forms, units: units)
            if try intake.withdraw(receipt) {
                print("withdrawn: the response was deleted / widerrufen: die Antwort wurde gelöscht")
            } else {
                print("unknown receipt code: no response is stored under it / unbekannter Quittungscode: dazu ist keine Antwort gespeichert")
                throw ExitCode(1)
            }
        }
    }
}
