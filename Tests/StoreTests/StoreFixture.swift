import Foundation
import Forms
import Store
import TestSupport
import Vault

/// A fresh store in a temporary directory, with the shipped form and a fast key derivation.
struct StoreFixture {
    let location: StoreLocation
    let intake: Intake
    static let passphrase = "Statistikstelle geheim"

    init() throws {
        location = StoreLocation(directory: try temporaryDirectory("store").appendingPathComponent("data"))
        try location.initialise(passphrase: Passphrase(Self.passphrase), strength: .interactive)
        intake = try Intake(location: location, forms: [Repository.form], units: Repository.units)
    }

    func entry(_ json: String = Repository.exampleJSON) throws -> Entry {
        try Repository.parser.entry(json: Array(json.utf8))
    }

    /// Opens every sealed response of `period` with the period secret, as the report run will.
    func openAll(period: Int, passphrase: String = passphrase) throws -> [[String]] {
        let unlocked = try intake.keystore.unlock(Passphrase(passphrase))
        let secret = try intake.keystore.secretKey(forPeriod: period, unlocked: unlocked)
        var openers: [Data: BatchOpener] = [:]
        for batch in try intake.data.batches(period: period) {
            openers[batch.id] = try BatchOpener(period: period, periodSecret: secret,
                                                ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey)))
        }
        var rows: [[String]] = []
        try intake.data.forEachSealedResponse(period: period) { row in
            let binding = RecordBinding(responseID: try ResponseID(bytes: [UInt8](row.id)), formID: row.formID,
                                        formVersion: row.formVersion, period: row.period)
            rows.append(try openers[row.batchID]!.openValues([UInt8](row.sealed), fieldNames: Repository.form.sealedFieldNames,
                                                             binding: binding))
        }
        return rows
    }

    var databaseFiles: [URL] { RawBytes.databaseFiles(location.dataURL) + RawBytes.databaseFiles(location.keystoreURL) }
}
