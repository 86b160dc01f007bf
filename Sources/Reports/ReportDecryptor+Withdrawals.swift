import Foundation
import Forms
import Store
import Vault

/// A withdrawn response as disclosure control needs it: context and epochs, no answer.
struct WithdrawnContext: Hashable, Sendable {
    /// The hiring year itself; the other fields are code indices as in ``AtomTable``.
    let year: Int, unit: Int, career: Int, employment: Int
    let entryEpoch: Int
    let withdrawalEpoch: Int
    /// Who typed the withdrawn answers (HR knows those it typed, and the report run can no longer);
    /// `nil` unless the run asked.
    let source: AnswerSource?
}

extension ReportDecryptor {
    /// Opens the sealed context of every withdrawal in `periods`.
    ///
    /// Withdrawals are few, so they are opened one after another.
    func withdrawals(data: DataStore, keystore: Keystore, unlocked: UnlockedKeystore, periods: [Int],
                     sources: Bool = false) throws -> [WithdrawnContext] {
        var result: [WithdrawnContext] = []
        for period in periods {
            let withdrawals = try data.withdrawals(period: period).filter { $0.formID == formID }
            guard !withdrawals.isEmpty else { continue }
            let batches = try self.batches(data: data, keystore: keystore, unlocked: unlocked, period: period, sources: sources)
            for withdrawal in withdrawals {
                guard let decoder = decoders["\(withdrawal.formID)#\(withdrawal.formVersion)"] else {
                    throw VaultError.malformed(what: "a withdrawal of unknown form \(withdrawal.formID) version \(withdrawal.formVersion)")
                }
                guard let entry = batches[withdrawal.batchID], let leaving = batches[withdrawal.withdrawalBatchID] else {
                    throw VaultError.malformed(what: "a withdrawal without its entry batch")
                }
                var unit = 0, career = 0, employment = 0
                let binding = RecordBinding(responseID: try ResponseID(bytes: [UInt8](withdrawal.id)), formID: withdrawal.formID,
                                            formVersion: withdrawal.formVersion, period: period)
                try entry.opener.open(withdrawal.sealedContext, fieldNames: decoder.contextFieldNames,
                                      binding: binding) { field, bytes in
                    switch decoder.roles[field] {
                    case .unit: unit = try decoder.value(bytes, field: field)
                    case .career: career = try decoder.value(bytes, field: field)
                    case .employment: employment = try decoder.value(bytes, field: field)
                    case .item, .unused: break
                    }
                }
                result.append(WithdrawnContext(year: period, unit: unit, career: career, employment: employment,
                                               entryEpoch: entry.epoch, withdrawalEpoch: leaving.epoch, source: entry.source))
            }
        }
        return result
    }
}
