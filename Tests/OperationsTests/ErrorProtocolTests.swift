import Bilingual
import Forms
import Foundation
import Reports
import Retention
import Store
import Testing
import Vault

/// Every module's errors speak the one protocol: both languages, an exit code, an HTTP status.
@Suite struct ErrorProtocolTests {
    struct Case: Sendable, CustomStringConvertible {
        let error: any BilingualError
        let exit: CommandExitCode
        let status: Int
        let field: String?
        var description: String { "\(error)" }
    }

    static let cases: [Case] = [
        Case(error: InputError(file: "forms/units.yaml", line: 3, field: "code", english: "unknown", german: "unbekannt"),
             exit: .badInput, status: 400, field: "code"),
        Case(error: VaultError.wrongPassphrase, exit: .refusedOrTampered, status: 422, field: nil),
        Case(error: VaultError.invalidReceiptCode, exit: .badInput, status: 422, field: nil),
        Case(error: VaultError.authenticationFailed(what: "a record"), exit: .refusedOrTampered, status: 500, field: nil),
        Case(error: PassphraseError.empty, exit: .badInput, status: 422, field: "passphrase"),
        Case(error: StoreError.periodDestroyed(period: 2019), exit: .badInput, status: 409, field: "hired"),
        Case(error: StoreError.damaged(path: "vielfalt.sqlite", reason: "not a database"), exit: .refusedOrTampered, status: 500, field: nil),
        Case(error: ReportError.noData(period: 2001), exit: .badInput, status: 422, field: nil),
        Case(error: ReportError.dataChanging, exit: .badInput, status: 409, field: nil),
        Case(error: Purge.Refusal.asOfInTheFuture(asOf: "2099-01-01", today: "2026-12-02"), exit: .badInput, status: 422, field: "asOf"),
    ]

    @Test(arguments: cases)
    func eachErrorSaysItInBothLanguagesWithItsCodes(_ expected: Case) {
        let error = expected.error
        #expect(!error.explanation.english.isEmpty && !error.explanation.german.isEmpty)
        #expect(error.explanation.english != error.explanation.german)
        #expect(error.message("de") == error.explanation.german && error.message("en") == error.explanation.english)
        #expect(error.exitCode == expected.exit)
        #expect(error.httpStatus == expected.status)
        #expect(error.field == expected.field)
    }

    @Test func anInputErrorSaysWhereInBothLanguages() {
        let error = InputError(file: "forms/units.yaml", line: 3, field: "code", english: "unknown", german: "unbekannt")
        #expect(error.explanation.english == "forms/units.yaml:3, field 'code': unknown")
        #expect(error.explanation.german == "forms/units.yaml:3, field 'code': unbekannt")
    }
}
