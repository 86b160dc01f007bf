import Foundation
import Forms
internal import GRDB
import Vault

/// What a respondent does with an invitation: answers (every item optional) or declines.
public enum InvitationAnswer: Sendable {
    case answers(Entry)
    case decline
}

/// How a redemption ended. A used, expired or never issued code is one and the same `unknown`.
public enum Redemption: Sendable {
    /// The response is stored; the receipt code is for the respondent's eyes only.
    case answered(ReceiptCode)
    /// Counted as "asked, declined".
    case declined
    case unknown
}

extension Intake {
    /// The respondent, who never signs in, as the weekly entry tally names them.
    public static let respondent = Actor(role: "respondent", user: "-")

    /// Issues one invitation per context, all or nothing, each valid until the day before
    /// `expiresOn`; returns the codes in the order of `contexts`. The codes exist only in the
    /// returned values: the store keeps their keyed hashes and the contexts sealed under them.
    public func issueInvitations(_ contexts: [Decline], expiresOn: String, by clerk: Actor) throws -> [InvitationCode] {
        var codes: [InvitationCode] = [], rows: [InvitationRecord] = []
        for context in contexts {
            // A purged period takes no new invitation: its answers could never be stored.
            _ = try keystore.publicKey(forPeriod: context.period)
            let code = InvitationCode.generate()
            let binding = InvitationBinding(formID: context.formID, formVersion: context.formVersion, period: context.period)
            rows.append(InvitationRecord(lookupHash: Data(invitationKey.lookupHash(code)), period: context.period,
                                         formID: context.formID, formVersion: context.formVersion, expiresOn: expiresOn,
                                         sealedContext: Data(try invitationKey.sealContext(context.contextValues, code: code, binding: binding))))
            codes.append(code)
        }
        guard !rows.isEmpty else { return [] }
        // Inserted in hash order, so the file's layout keeps no trace of the order of issue.
        rows.sort { $0.lookupHash.lexicographicallyPrecedes($1.lookupHash) }
        try data.auditedWrite(clerk, action: "invitations issued", day: today()) { db in
            for row in rows { try row.insert(db) }
            for (period, issued) in Dictionary(grouping: rows, by: \.period).mapValues(\.count) {
                try InvitationRecord.count(period: period, issued: issued, in: db)
            }
            return ((), [("invitations", String(rows.count))])
        }
        return codes
    }

    /// The context of an open invitation, for the questionnaire to be shown; nil for a code that
    /// was never issued, is used or has expired (the same lookup for all three).
    public func invitation(_ code: InvitationCode) throws -> Decline? {
        guard let record = try openRecord(Data(invitationKey.lookupHash(code)), day: today()) else { return nil }
        return try context(of: record, code: code)
    }

    /// Stores the respondent's answer to an invitation and deletes the invitation in the same
    /// transaction. `answer` gets the invitation's context and returns the validated answers or a
    /// decline; if it throws, nothing changes. The response is sealed exactly as an entry by HR
    /// is, in a batch of its own, and carries nothing of the invitation: not its hash, not a day.
    ///
    /// A paper questionnaire brings its own `receipt` (printed on the form and on the stub the
    /// respondent kept) and is counted in the tally as `tally`, the statistics unit's clerk who typed
    /// it; a receipt that a stored response has already is an error, and nothing changes.
    public func redeem(_ code: InvitationCode, receipt given: ReceiptCode? = nil, tally: Actor = Intake.respondent,
                       _ answer: (Decline) throws -> InvitationAnswer) throws -> Redemption {
        let hash = Data(invitationKey.lookupHash(code)), day = today()
        guard let record = try openRecord(hash, day: day) else { return .unknown }
        let context = try context(of: record, code: code)
        let pending: PendingRow, outcome: Redemption
        var receiptHash: Data?
        switch try answer(context) {
        case .answers(let entry):
            guard entry.formID == context.formID, entry.formVersion == context.formVersion, entry.period == context.period,
                  entry.contextValues == context.contextValues else {
                preconditionFailure("answers validated against another invitation's context")
            }
            let (row, receipt) = try sealedResponse(entry, receipt: given ?? .generate(), source: .respondent)
            (pending, outcome) = (row, .answered(receipt))
            receiptHash = given.map { Data($0.hash(with: receiptKey)) }
        case .decline:
            (pending, outcome) = (try sealedDecline(context, source: .respondent), .declined)
        }
        do {
            try data.talliedWrite(tally, day: day) { db in
                // Another request may have used the code meanwhile: then this one stores nothing.
                guard try InvitationRecord.filter(Column("lookup_hash") == hash && Column("expires_on") > day).deleteAll(db) == 1 else {
                    throw AlreadyRedeemed()
                }
                if let receiptHash, try SealedResponse.filter(Column("receipt_hash") == receiptHash).fetchCount(db) > 0 {
                    throw Intake.receiptInUse
                }
                try pending.insert(db)
                try InvitationRecord.count(period: record.period, redeemed: 1, in: db)
                return ((), [])
            }
        } catch is AlreadyRedeemed { return .unknown }
        // The deleted invitation and the new row share one transaction in the log: not kept. Only
        // after a commit: a refused write left nothing there, and its files stay as they were.
        try? data.database.truncateLog()
        return outcome
    }

    /// Deletes the invitations expired as of `day` and counts them as not answered.
    @discardableResult
    public func expireInvitations(asOf day: String, by actor: Actor) throws -> Int {
        try data.expireInvitations(asOf: day, by: actor, today: today())
    }

    private struct AlreadyRedeemed: Error {}

    /// A paper form's receipt code that a stored response already has: the same form typed twice,
    /// or a code copied from another form.
    public static let receiptInUse = InputError(
        field: "receipt", english: "this receipt code belongs to a response already stored: was this paper form entered before?",
        german: "Dieser Quittungscode gehört zu einer bereits gespeicherten Antwort: Wurde dieser Papierbogen schon erfasst?")

    private func openRecord(_ hash: Data, day: String) throws -> InvitationRecord? {
        try data.database.read {
            try InvitationRecord.filter(Column("lookup_hash") == hash && Column("expires_on") > day).fetchOne($0)
        }
    }

    private func context(of record: InvitationRecord, code: InvitationCode) throws -> Decline {
        let binding = InvitationBinding(formID: record.formID, formVersion: record.formVersion, period: record.period)
        let values = try invitationKey.openContext([UInt8](record.sealedContext), code: code, binding: binding)
        return Decline(formID: record.formID, formVersion: record.formVersion, period: record.period, contextValues: values)
    }
}
