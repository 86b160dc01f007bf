import Foundation
import Forms
import Store
import Vault

extension Installation {
    /// Validates and seals one response; returns the respondent's receipt code, the only copy.
    public func enter(_ raw: RawEntry, by clerk: Actor) throws -> ReceiptCode {
        try require(.hr)
        return try intake.add(catalog.validator.validate(raw), enteredBy: clerk)
    }

    /// One response as the JSON of `vielfalt entry add` (at most ``EntryParser/maxEntryBytes``).
    public func enter(json: [UInt8], by clerk: Actor) throws -> ReceiptCode {
        try require(.hr)
        return try intake.add(EntryParser(validator: catalog.validator).entry(json: json), enteredBy: clerk)
    }

    /// Records "asked, declined": only the context, sealed like a response.
    public func decline(_ raw: RawEntry, by clerk: Actor) throws {
        try require(.hr)
        try intake.decline(catalog.validator.validateDecline(form: raw.form, version: raw.version, context: raw.context), enteredBy: clerk)
    }

    /// Imports a `.jsonl` or `.csv` file, all or nothing; `onReceipt` gets each response's ordinal
    /// and receipt code before anything is committed (an error there stores nothing).
    public func importEntries(from file: URL, by clerk: Actor,
                              onReceipt: ((Int, ReceiptCode) throws -> Void)? = nil) throws -> Intake.ImportResult {
        try require(.hr)
        return try intake.importFile(file, parser: EntryParser(validator: catalog.validator), onReceipt: onReceipt, enteredBy: clerk)
    }

    /// Deletes the answers of the response the code belongs to; false for an unknown code, which
    /// leaves no trace. `withdrawer` is who typed the code: the respondent or a clerk for them.
    public func withdraw(_ code: ReceiptCode, by withdrawer: Actor) throws -> Bool {
        try intake.withdraw(code, by: withdrawer)
    }

    /// Responses and declines entered per period, without content (the entry page's overview).
    public func countsByPeriod() throws -> [Int: (responses: Int, declines: Int)] { try data.countsByPeriod() }
}
