import Foundation
import Forms
@testable import Operations
import Store
import Testing
import TestSupport
import Vault

/// Paper questionnaires: printed with a receipt code each that is kept nowhere, entered by the
/// statistics unit through the survey's redemption, under the printed receipt.
@Suite struct PaperTests {
    static let statistician = Actor(role: "statistics", user: "stat")
    static let url = "https://vielfalt.example/withdraw"

    /// The receipt codes printed in a document, in order (each appears twice: stub and form).
    static func receipts(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]) }
    }

    /// One printed questionnaire's receipt code and one open invitation, as a returned form brings them.
    static func returnedForm(_ installation: Installation) throws -> (invitation: String, receipt: String) {
        let html = try installation.paperQuestionnaires(count: 1, withdrawURL: url, by: statistician)
        let receipt = try #require(receipts(in: html).first)
        let issued = try installation.issueInvitation(context: InvitationTests.context, by: InvitationTests.clerk)
        return (issued.code.formatted, receipt)
    }

    static func paper(_ form: (invitation: String, receipt: String), answers: [String: String]? = InvitationTests.answers,
                      consent: Int? = 1) -> PaperForm {
        PaperForm(invitationCode: form.invitation, receiptCode: form.receipt, answers: answers, consentVersion: consent)
    }

    @Test func eachQuestionnaireCarriesAFreshCheckedReceiptTwiceAndNoFileKeepsIt() throws {
        let (installation, demo) = try InvitationTests.open()
        let html = try installation.paperQuestionnaires(count: 3, withdrawURL: Self.url, by: Self.statistician)
        let printed = Self.receipts(in: html)
        #expect(printed.count == 6 && Set(printed).count == 3)
        #expect(printed == [printed[0], printed[0], printed[2], printed[2], printed[4], printed[4]])
        for receipt in printed { _ = try ReceiptCode(parsingPaper: receipt) }
        #expect(html.components(separatedBy: "<article class=\"paper\">").count == 4)
        // From the form definition, in both languages: consent, every item, "keine Angabe", the decline box.
        let form = try #require(try installation.catalog.current("migration-background"))
        for item in form.items { #expect(html.contains(HTML.escape(item.question.de)) && html.contains(HTML.escape(item.question.en))) }
        #expect(html.contains(HTML.escape(form.consent.de)) && html.contains(HTML.escape(form.consent.en)))
        #expect(html.contains("keine Angabe") && html.contains("Nicht teilnehmen") && html.contains("I do not wish to take part"))
        #expect(html.contains("<code>\(Self.url)</code>") && html.contains("migration-background, Version 1"))
        try InvitationPrivacyTests.expectNoCodeOrContext(in: demo, codes: [], receipts: try printed.map(ReceiptCode.init(parsing:)), context: [],
                                                        redeemed: false)
        #expect(try installation.logEntries().last.map { "\($0.action) \($0.detail)" } == "paper questionnaires printed questionnaires=3")
    }

    @Test func aReturnedFormIsStoredUnderItsPrintedReceiptWhichWithdrawsIt() throws {
        let (installation, demo) = try InvitationTests.open()
        let before = try installation.countsByPeriod()[2026]?.responses ?? 0
        let form = try Self.returnedForm(installation)
        // Typed as a clerk would: lower case, spaces for dashes.
        let typed = (form.invitation.lowercased(), form.receipt.lowercased().replacingOccurrences(of: "-", with: " "))
        #expect(try installation.enterPaperForm(Self.paper(typed), by: Self.statistician) == .answered)
        #expect(try installation.countsByPeriod()[2026]?.responses == before + 1)
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 1, open: 0, redeemed: 1))
        let invitation = try InvitationCode(parsing: form.invitation), receipt = try ReceiptCode(parsing: form.receipt)
        try InvitationPrivacyTests.expectNoCodeOrContext(in: demo, codes: [invitation], receipts: [receipt],
                                                        context: ["gehoben", "2026-10"])
        #expect(try installation.logEntries().allSatisfy { !$0.detail.contains("respondent") && !$0.action.contains("paper entr") })
        // The stub's code withdraws it, as a receipt from /survey does.
        #expect(try installation.withdraw(receipt, by: Intake.respondent))
        #expect((try installation.countsByPeriod()[2026]?.responses ?? 0) == before)
    }

    @Test func theDeclineBoxCountsADeclineAndNeedsNoReceipt() throws {
        let (installation, _) = try InvitationTests.open()
        let declines = try installation.countsByPeriod()[2026]?.declines ?? 0
        let form = try Self.returnedForm(installation)
        let paper = PaperForm(invitationCode: form.invitation, receiptCode: nil, answers: nil, consentVersion: nil)
        #expect(try installation.enterPaperForm(paper, by: Self.statistician) == .declined)
        #expect(try installation.countsByPeriod()[2026]?.declines == declines + 1)
        #expect { try installation.enterPaperForm(paper, by: Self.statistician) } throws: { ($0 as? InputError) == Installation.unknownInvitation }
    }

    @Test func aUsedExpiredOrUnknownCodeGetsTheSurveysOneAnswerAndChangesNothing() throws {
        let (installation, demo) = try InvitationTests.open()
        let used = try Self.returnedForm(installation)
        _ = try installation.enterPaperForm(Self.paper(used), by: Self.statistician)
        let context = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: InvitationTests.context)
        let expired = try #require(try demo.intake().issueInvitations([context], expiresOn: "2026-01-01", by: InvitationTests.clerk).first)
        let files = RawBytes.databaseFiles(demo.location.dataURL).filter { !$0.path.hasSuffix("-shm") }
        let fingerprint = try RawBytes.fingerprint(files)
        for code in [used.invitation, expired.formatted, InvitationCode.generate().formatted] {
            for paper in [Self.paper((code, ReceiptCode.generateForPaper().formatted)),
                          PaperForm(invitationCode: code, receiptCode: nil, answers: nil, consentVersion: nil)] {
                #expect { try installation.enterPaperForm(paper, by: Self.statistician) } throws: { error in
                    (error as? InputError) == Installation.unknownInvitation
                }
            }
        }
        #expect(try RawBytes.fingerprint(files) == fingerprint)
        #expect(Installation.unknownInvitation.german == "Dieser Code gilt nicht (unbekannt, bereits verwendet oder abgelaufen).")
    }

    /// A change to a good returned form, and the field its error must name.
    struct BadForm: Sendable, CustomStringConvertible {
        let description: String
        let field: String
        /// Part of the English message; nil where the validator's own wording is tested elsewhere.
        let english: String?
        let change: @Sendable (PaperForm) -> PaperForm
    }

    static let badForms: [BadForm] = [
        BadForm(description: "malformed invitation code", field: "code", english: "not an invitation code") { var p = $0; p.invitationCode = "7K3Q-M2XW"; return p },
        BadForm(description: "mistyped invitation code", field: "code", english: "invitation code has a typo") { var p = $0; p.invitationCode = Self.typo(p.invitationCode); return p },
        BadForm(description: "missing receipt code", field: "receipt", english: "receipt code printed on the paper form is missing") { var p = $0; p.receiptCode = " "; return p },
        BadForm(description: "malformed receipt code", field: "receipt", english: "not a receipt code") { var p = $0; p.receiptCode = "7K3QM-2XW9R-ABCDE"; return p },
        BadForm(description: "mistyped receipt code", field: "receipt", english: "receipt code has a typo") { var p = $0; p.receiptCode = Self.typo(p.receiptCode!); return p },
        BadForm(description: "unknown answer code", field: "born_in_germany", english: nil) { var p = $0; p.answers = ["born_in_germany": "vielleicht"]; return p },
        BadForm(description: "unknown item", field: "salary", english: nil) { var p = $0; p.answers = ["salary": "high"]; return p },
        BadForm(description: "consent not ticked", field: "consent", english: "consent text must be confirmed") { var p = $0; p.consentVersion = nil; return p },
        BadForm(description: "consent on another version", field: "consent", english: "consent text must be confirmed") { var p = $0; p.consentVersion = 2; return p },
    ]

    /// The code with its first character replaced by another of the alphabet.
    static func typo(_ code: String) -> String {
        let first = code.first!
        return (first == "7" ? "8" : "7") + code.dropFirst()
    }

    @Test(arguments: badForms)
    func aBadFormIsNamedInBothLanguagesAndChangesNothing(_ bad: BadForm) throws {
        let (installation, demo) = try InvitationTests.open()
        let form = try Self.returnedForm(installation)
        let files = RawBytes.databaseFiles(demo.location.dataURL).filter { !$0.path.hasSuffix("-shm") }
        let fingerprint = try RawBytes.fingerprint(files)
        #expect { try installation.enterPaperForm(bad.change(Self.paper(form)), by: Self.statistician) } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.field == bad.field && bad.english.map(error.english.contains) != false && !error.german.isEmpty && error.german != error.english
        }
        #expect(try RawBytes.fingerprint(files) == fingerprint)
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 1, open: 1))
        // Corrected, the same form goes in.
        #expect(try installation.enterPaperForm(Self.paper(form), by: Self.statistician) == .answered)
    }

    @Test func aReceiptCodeEnteredTwiceIsRefusedAndChangesNothing() throws {
        let (installation, demo) = try InvitationTests.open()
        let first = try Self.returnedForm(installation)
        _ = try installation.enterPaperForm(Self.paper(first), by: Self.statistician)
        let second = try installation.issueInvitation(context: InvitationTests.context, by: InvitationTests.clerk)
        let files = RawBytes.databaseFiles(demo.location.dataURL).filter { !$0.path.hasSuffix("-shm") }
        let fingerprint = try RawBytes.fingerprint(files)
        #expect { try installation.enterPaperForm(Self.paper((second.code.formatted, first.receipt)), by: Self.statistician) } throws: { error in
            (error as? InputError) == Intake.receiptInUse
        }
        #expect(try RawBytes.fingerprint(files) == fingerprint)
        #expect(try installation.openInvitation(second.code) != nil)
    }

    @Test func withoutSelfServiceInPolicyPaperIsRefusedToo() throws {
        let (open, _) = try InvitationTests.open()
        let form = try Self.returnedForm(open)
        let hrOnly = try InvitationTests.policy(replacing: "entry: [self_service, hr]", with: "entry: [hr]")
        let (installation, demo) = try InvitationTests.open(policy: hrOnly)
        let fingerprint = try RawBytes.fingerprint(RawBytes.databaseFiles(demo.location.dataURL).filter { !$0.path.hasSuffix("-shm") })
        #expect { try installation.paperQuestionnaires(count: 1, withdrawURL: nil, by: Self.statistician) } throws: { ($0 as? InputError)?.field == "entry" }
        #expect { try installation.enterPaperForm(Self.paper(form), by: Self.statistician) } throws: { ($0 as? InputError)?.field == "entry" }
        #expect(try RawBytes.fingerprint(RawBytes.databaseFiles(demo.location.dataURL).filter { !$0.path.hasSuffix("-shm") }) == fingerprint)
    }

    @Test(arguments: [(0, nil), (Installation.paperLimit + 1, nil), (-3, nil), (1, "javascript:alert(1)"), (1, "https://x.example/a b")] as [(Int, String?)])
    func aBadPrintRunIsNamedAndPrintsNothing(_ count: Int, _ url: String?) throws {
        let (installation, _) = try InvitationTests.open()
        let entries = try installation.logEntries().count
        #expect { try installation.paperQuestionnaires(count: count, withdrawURL: url ?? Self.url, by: Self.statistician) } throws: { error in
            (error as? InputError)?.field == (url == nil ? "count" : "withdraw-url")
        }
        #expect(try installation.logEntries().count == entries)
    }
}
