import Foundation
import Store
import Vault

/// Opens sealed responses in a test as the report run does, to show what a key can and cannot read.
public enum SealedRecords {
    /// The values of every response of `period` in `data`, opened with `keystore`'s period secret.
    public static func openAll(period: Int, data: DataStore, keystore: Keystore, passphrase: String) throws -> [[String]] {
        let unlocked = try keystore.unlock(Passphrase(passphrase))
        let secret = try keystore.secretKey(forPeriod: period, unlocked: unlocked)
        var openers: [Data: BatchOpener] = [:]
        for batch in try data.batches(period: period) {
            openers[batch.id] = try BatchOpener(period: period, periodSecret: secret,
                                                ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey)))
        }
        var rows: [[String]] = []
        try data.forEachSealedResponse(period: period) { row in
            let binding = RecordBinding(responseID: try ResponseID(bytes: [UInt8](row.id)), formID: row.formID,
                                        formVersion: row.formVersion, period: row.period)
            rows.append(try openers[row.batchID]!.openValues([UInt8](row.sealed), fieldNames: Repository.form.sealedFieldNames,
                                                             binding: binding))
        }
        return rows
    }
}
