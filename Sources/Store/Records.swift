import Foundation
internal import GRDB

/// A sealed response: random id, hiring year, ciphertext. Nothing else about the respondent.
///
/// `sealed` is the ``Vault/RecordSealer`` layout of the form's ``Forms/FormDefinition/sealedFieldNames``.
/// `receiptHash` is the keyed hash of the respondent's receipt code, nil for imports without receipts.
public struct SealedResponse: Codable, StoredRecord, Sendable {
    static let table = "response"
    public var id: Data
    public var period: Int
    public var batchID: Data
    public var formID: String
    public var formVersion: Int
    public var receiptHash: Data?
    public var sealed: Data

    enum CodingKeys: String, CodingKey {
        case id, period, batchID = "batch_id", formID = "form_id", formVersion = "form_version"
        case receiptHash = "receipt_hash", sealed
    }
}

/// A sealed "asked, declined": only the context fields, sealed like a response's.
public struct SealedDecline: Codable, StoredRecord, Sendable {
    static let table = "decline"
    public var id: Data
    public var period: Int
    public var batchID: Data
    public var formID: String
    public var formVersion: Int
    public var sealed: Data

    enum CodingKeys: String, CodingKey {
        case id, period, batchID = "batch_id", formID = "form_id", formVersion = "form_version", sealed
    }

    /// Declines are bound to a form id of their own, so a decline's ciphertext never opens as a response.
    public static func bindingFormID(_ formID: String) -> String { formID + "#decline" }
}

/// An entry batch: the ephemeral public key from which the statistics unit re-derives its data key.
///
/// `sealedEpoch` is the batch's entry epoch (``EntryEpoch``), sealed with the batch's own data key;
/// `nil` for batches from before epochs were kept, which count as entered before every release.
/// `sealedSource` is who typed the batch's rows (``AnswerSource``), sealed the same way.
public struct EntryBatchRecord: Codable, StoredRecord, Sendable {
    static let table = "entry_batch"
    public var id: Data
    public var period: Int
    public var ephemeralPublicKey: Data
    public var remaining: Int
    public var sealedEpoch: Data?
    public var sealedSource: Data?

    enum CodingKeys: String, CodingKey {
        case id, period, ephemeralPublicKey = "ephemeral_public_key", remaining, sealedEpoch = "sealed_epoch", sealedSource = "sealed_source"
    }
}
