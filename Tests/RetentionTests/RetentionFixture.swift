import Foundation
import Forms
import Retention
@testable import Store
import TestSupport
import Vault

/// The demo store with the shipped retention policy and processing record.
struct RetentionFixture {
    static let passphrase = DemoFixture.passphrase
    let location: StoreLocation
    static let policyFile = try! RetentionPolicy.load(contentsOf: Repository.policyDirectory.appendingPathComponent("retention.yaml"))
    static let recordFile = try! ProcessingRecord.load(contentsOf: Repository.policyDirectory.appendingPathComponent("processing.yaml"))
    let policy = Self.policyFile
    let record = Self.recordFile

    init(hires: Int = 2400) throws {
        location = try DemoFixture(hires: hires).location
    }

    var data: DataStore { try! DataStore.open(location) }

    /// The demo's log holds one import (its entries are only tallied): tests that cut and edit the
    /// chain add a few audited writes of their own, on the demo's day.
    func addLogEntries(_ count: Int = 4) throws {
        for index in 1...count {
            try data.auditedWrite(Actor(role: "dpo", user: "test"), action: "test entry", day: DemoFixture.day) { _ in
                ((), [("number", String(index))])
            }
        }
    }
    var keystore: Keystore { try! Keystore.open(location) }

    func audit(asOf: String) throws -> AuditReport {
        try RetentionAudit.run(.init(data: data, keystore: keystore, policy: policy, record: record,
                                     disclosurePolicy: [], asOf: asOf))
    }

    func purge(asOf: String, today: String) throws -> Purge.Outcome {
        try Purge.run(data: data, keystore: keystore, policy: policy, asOf: asOf, today: today, actor: Actor(role: "dpo", user: "test"))
    }

    /// Opens every response of `period` from the data file at `dataURL` with the current keystore.
    func openResponses(period: Int, dataURL: URL) throws -> Int {
        let copy = try DataStore.open(StoreLocation(directory: dataURL.deletingLastPathComponent()))
        return try SealedRecords.openAll(period: period, data: copy, keystore: keystore, passphrase: Self.passphrase).count
    }
}
