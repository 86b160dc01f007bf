import Foundation
import Forms
internal import GRDB
import Vault

/// The write-only entry path: validated entries in, sealed rows out, a receipt code for the respondent.
///
/// Intake holds public keys and the receipt key, never a secret that decrypts: what HR enters
/// cannot be read back through it. Each call is one transaction; on any error nothing is written.
public final class Intake: Sendable {
    public let data: DataStore
    public let keystore: Keystore
    let receiptKey: ReceiptKey
    /// Derived from the receipt key: turns invitation codes into lookup hashes and context keys.
    let invitationKey: InvitationKey
    /// Derived from the receipt key: turns a withdrawn response's id into its tombstone.
    let tombstoneKey: WithdrawalTombstoneKey
    let codes: EntryCodes

    /// Opens the store at `location` for entry with the given forms.
    /// Who enters: named in the audit log's entries.
    public let actor: Actor

    /// The day written to the audit log; injectable so that tests and golden files are stable.
    let today: @Sendable () -> String

    public convenience init(location: StoreLocation, forms: [FormDefinition], units: OrgUnits,
                            actor: Actor = Actor(role: "hr", user: "cli"), today: @escaping @Sendable () -> String = { AuditDay.today() }) throws {
        try self.init(data: DataStore.open(location), keystore: Keystore.open(location), forms: forms, units: units, actor: actor, today: today)
    }

    /// Entry into stores already open (the application opens each file once per process).
    public init(data: DataStore, keystore: Keystore, forms: [FormDefinition], units: OrgUnits,
                actor: Actor = Actor(role: "hr", user: "cli"), today: @escaping @Sendable () -> String = { AuditDay.today() }) throws {
        self.actor = actor
        self.today = today
        self.data = data
        self.keystore = keystore
        guard try data.storeID() == keystore.storeID() else { throw StoreError.keystoreMismatch }
        receiptKey = try keystore.receiptKey()
        invitationKey = receiptKey.invitationKey()
        tombstoneKey = receiptKey.withdrawalTombstoneKey()
        codes = EntryCodes(forms: forms, units: units)
    }

    /// Stores one response in a batch of its own and returns the respondent's receipt code.
    /// `enteredBy` names the signed-in clerk in the audit log (default: the intake's actor).
    public func add(_ entry: Entry, enteredBy: Actor? = nil) throws -> ReceiptCode {
        let (response, receipt) = try sealedResponse(entry, source: .hr)
        try data.talliedWrite(enteredBy ?? actor, day: today()) { db in
            try response.insert(db)
            return ((), [])
        }
        return receipt
    }

    /// Records "asked, declined": the context only, sealed like a response.
    public func decline(_ decline: Decline, enteredBy: Actor? = nil) throws {
        let sealed = try sealedDecline(decline, source: .hr)
        try data.talliedWrite(enteredBy ?? actor, day: today()) { db in
            try sealed.insert(db)
            return ((), [])
        }
    }

    /// One response sealed in a batch of its own, with its receipt code, ready to insert: the one
    /// way a response is sealed, whether HR enters it or the respondent answers an invitation.
    func sealedResponse(_ entry: Entry, receipt code: ReceiptCode = .generate(), source: AnswerSource) throws -> (row: PendingRow, receipt: ReceiptCode) {
        let batch = try EntryBatch(period: entry.period, periodKey: keystore.publicKey(forPeriod: entry.period))
        let row = try seal(codes.encode(entry), in: batch, batchID: Data(ResponseID.random().bytes), receipt: code)
        return (PendingRow(batch: batch, batchID: row.batchID, period: entry.period, source: source) { try row.insert($0) }, code)
    }

    /// One decline sealed in a batch of its own, ready to insert.
    func sealedDecline(_ decline: Decline, source: AnswerSource) throws -> PendingRow {
        guard let names = codes.codebook(id: decline.formID, version: decline.formVersion)?.contextFieldNames else {
            preconditionFailure("decline validated against another form set")
        }
        let batch = try EntryBatch(period: decline.period, periodKey: keystore.publicKey(forPeriod: decline.period))
        let id = ResponseID.random()
        let batchID = Data(ResponseID.random().bytes)
        let binding = RecordBinding(responseID: id, formID: SealedDecline.bindingFormID(decline.formID),
                                    formVersion: decline.formVersion, period: decline.period)
        let sealed = try batch.seal(values: decline.contextValues, fieldNames: names, binding: binding)
        let row = SealedDecline(id: Data(id.bytes), period: decline.period, batchID: batchID, formID: decline.formID,
                                formVersion: decline.formVersion, sealed: Data(sealed))
        return PendingRow(batch: batch, batchID: batchID, period: decline.period, source: source) { try row.insert($0) }
    }

    /// A sealed response or decline and its batch, inserted together in the caller's transaction.
    struct PendingRow {
        let batch: EntryBatch
        let batchID: Data
        let period: Int
        let source: AnswerSource
        let insertRow: (Database) throws -> Void

        func insert(_ db: Database) throws {
            try EntryBatchRecord.insert(batch, id: batchID, remaining: 1, source: source, in: db)
            try insertRow(db)
            try PeriodRevision.record(period: period, added: 1, in: db)
        }
    }

    func seal(_ entry: CodedEntry, in batch: EntryBatch, batchID: Data, receipt: ReceiptCode?,
              id: ResponseID = .random()) throws -> SealedResponse {
        let codebook = codes.codebooks[Int(entry.form)], form = codebook.form
        let period = Int(entry.period)
        let binding = RecordBinding(responseID: id, formID: form.id, formVersion: form.version, period: period)
        let sealed = try batch.seal(values: codes.sealedValues(entry), fieldNames: codebook.fieldNames, binding: binding)
        return SealedResponse(id: Data(id.bytes), period: period, batchID: batchID, formID: form.id,
                              formVersion: form.version, receiptHash: receipt.map { Data($0.hash(with: receiptKey)) },
                              sealed: Data(sealed))
    }
}
