import Foundation
internal import GRDB
import Vault

/// Who typed a row's answers: HR (the entry form, the command line, an import) or the respondent
/// (an invitation answered on `/survey`, or on paper, which the statistics unit types unseen by HR).
///
/// Disclosure control needs it because HR is a reader of releases who knows the answers it typed:
/// in a hiring year that holds both, HR subtracts its own answers from a published count and would
/// read off an invitee's. The source is sealed with the batch's data key like the entry epoch, so only
/// the report run reads it: a stolen file does not tell which rows the respondents typed.
public enum AnswerSource: String, Sendable, CaseIterable {
    case hr
    case respondent

    /// The field name the sealed source is bound to.
    static let fieldName = "answer_source"

    /// The sealed value: every source padded to one length, so that the ciphertext's length does
    /// not tell them apart.
    var sealedValue: String { rawValue.padding(toLength: Self.allCases.map(\.rawValue.count).max()!, withPad: " ", startingAt: 0) }

    /// The binding of a batch's sealed source: the batch id in the place of a response id, and a form
    /// id of its own, so that a sealed source cannot stand in for a sealed epoch.
    static func binding(batchID: Data, period: Int) throws -> RecordBinding {
        RecordBinding(responseID: try ResponseID(bytes: [UInt8](batchID)), formID: "#answer-source", formVersion: 0, period: period)
    }

    /// Opens a batch's sealed source. A batch sealed before sources were kept counts as HR's, as most
    /// were; for answers given alone before then, the DPO audit's warning on years that mix both
    /// ways remains the safeguard. A batch that holds no rows (a withdrawal's) has none either.
    public static func open(_ batch: EntryBatchRecord, with opener: BatchOpener) throws -> AnswerSource {
        guard let sealed = batch.sealedSource else { return .hr }
        let values = try opener.openValues([UInt8](sealed), fieldNames: [fieldName], binding: binding(batchID: batch.id, period: batch.period))
        guard let source = allCases.first(where: { $0.sealedValue == values[0] }) else { throw VaultError.malformed(what: "answer source of a batch") }
        return source
    }

    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8 answer sources") { db in
            try db.alter(table: EntryBatchRecord.table) { t in t.add(column: "sealed_source", .blob) }
        }
    }
}
