import Foundation
import Forms
import Letters
import Retention
import Store
import Vault

/// A returned paper questionnaire as the statistics unit types it in.
public struct PaperForm: Sendable {
    /// The invitation code the respondent wrote on the form, as written.
    public var invitationCode: String
    /// The receipt code printed on the form; needed with answers, ignored with a decline.
    public var receiptCode: String?
    /// The ticked answers by item (an item left out counts as `no_answer`); nil when the
    /// "do not take part" box is ticked.
    public var answers: [String: String]?
    /// The form version whose consent box is ticked; nil when it is not ticked.
    public var consentVersion: Int?

    public init(invitationCode: String, receiptCode: String?, answers: [String: String]?, consentVersion: Int?) {
        self.invitationCode = invitationCode
        self.receiptCode = receiptCode
        self.answers = answers
        self.consentVersion = consentVersion
    }
}

/// What became of a paper form: stored with the receipt printed on it, or counted as a decline.
public enum PaperEntry: Sendable, Equatable {
    case answered
    case declined
}

extension Installation {
    /// The answer to a used, expired or never issued invitation code, on `/survey` and for paper
    /// alike: one answer for all three.
    public static let unknownInvitation = InputError(
        field: "code", english: "This code is not valid (unknown, already used or expired).",
        german: "Dieser Code gilt nicht (unbekannt, bereits verwendet oder abgelaufen).")

    /// Said wherever a paper form has just been entered: the law wants the paper gone once its
    /// answers are in the system (MighEV § 4(2)).
    public static let destroyPaperReminder = LocalizedText(
        de: "Vernichten Sie den Papierbogen jetzt (§ 4 Abs. 2 MighEV): Er trägt die Antworten, den Einladungs- und den Quittungscode.",
        en: "Destroy the paper form now (MighEV § 4(2)): it carries the answers, the invitation code and the receipt code.")

    /// The most paper questionnaires one run prints.
    public static let paperLimit = 500

    /// `count` blank paper questionnaires of the newest version of `form` (nil: the only form) as one
    /// printable document, each with a fresh receipt code (with check character) on its stub and on
    /// the form. The codes are in the returned document only; the audit log records the count.
    /// `withdrawURL`, printed on the stub, is checked like the letters' address.
    public func paperQuestionnaires(count: Int, form: String? = nil, withdrawURL: String?, stylesheetHref: String? = nil,
                                    by clerk: Actor) throws -> String {
        try require(.selfService)
        guard (1...Self.paperLimit).contains(count) else {
            throw InputError(field: "count", english: "expected a number of questionnaires from 1 to \(Self.paperLimit)",
                             german: "Erwartet wird eine Anzahl Fragebögen von 1 bis \(Self.paperLimit).")
        }
        let url = try withdrawURL.map {
            try Self.printableAddress($0, or: InputError(field: "withdraw-url", english: "expected the withdrawal page's address, e.g. https://vielfalt.example/withdraw",
                                                         german: "Erwartet wird die Adresse der Widerrufsseite, z. B. https://vielfalt.example/withdraw."))
        }
        let definition = try currentForm(form)
        let record = try Policies.file("processing.yaml", in: directories.policy) { try ProcessingRecord.load(contentsOf: $0) }
        let sender = InvitationLetter.Sender(controller: record.controller.name, dataProtectionContact: record.dataProtectionOfficer.contact,
                                             purpose: record.purpose)
        let papers = (0..<count).map { _ in PaperQuestionnaire(receipt: ReceiptCode.generateForPaper().formatted) }
        try data.recordEvent("paper questionnaires printed", detail: [("questionnaires", String(count))], by: clerk)
        return PaperQuestionnaire.document(papers, form: definition, sender: sender, withdrawURL: url, stylesheetHref: stylesheetHref)
    }

    /// Enters a returned paper form through the same path as `/survey`, with the receipt code
    /// printed on the form instead of a new one. The statistics unit reads the answers while typing,
    /// as HR does with HR entry; the paper is to be destroyed once this returns (MighEV § 4(2)).
    /// A used, expired or never issued code is ``unknownInvitation``; every error changes nothing.
    public func enterPaperForm(_ paper: PaperForm, by clerk: Actor) throws -> PaperEntry {
        try require(.selfService)
        let code = try Self.parsed(field: "code") { try InvitationCode(parsing: paper.invitationCode) }
        // The invitation first: whatever else is wrong with the form, a code that is not open gets
        // the one answer `/survey` gives. Looked up again when redeemed, in case it was used meanwhile.
        guard try intake.invitation(code) != nil else { throw Self.unknownInvitation }
        var receipt: ReceiptCode?
        if paper.answers != nil {
            guard let typed = paper.receiptCode, !typed.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw InputError(field: "receipt", english: "the receipt code printed on the paper form is missing",
                                 german: "Der auf dem Papierbogen gedruckte Quittungscode fehlt.")
            }
            receipt = try Self.parsed(field: "receipt") { try ReceiptCode(parsingPaper: typed) }
        }
        let tally = Actor(role: Self.paperTallyRole, user: clerk.user)
        switch try redeem(code, answers: paper.answers, consentedTo: paper.consentVersion, receipt: receipt, tally: tally) {
        case .answered: return .answered
        case .declined: return .declined
        case .unknown: throw Self.unknownInvitation
        }
    }

    /// How paper entries are named in the weekly entry tally of the audit log.
    public static let paperTallyRole = "paper"

    /// A code parsed, its format error placed in `field`.
    private static func parsed<T>(field: String, _ parse: () throws -> T) throws -> T {
        do { return try parse() } catch let error as VaultError {
            throw InputError(field: field, english: error.english, german: error.german)
        }
    }
}
