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
        try SealedRecords.openAll(period: period, data: intake.data, keystore: intake.keystore, passphrase: passphrase)
    }

    var databaseFiles: [URL] { RawBytes.databaseFiles(location.dataURL) + RawBytes.databaseFiles(location.keystoreURL) }
}
