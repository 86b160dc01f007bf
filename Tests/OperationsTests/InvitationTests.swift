import Foundation
import Forms
import Operations
import Retention
import Store
import Testing
import TestSupport
import Vault

/// Self-service invitations as both front ends use them: issued with a context only, answered by
/// the respondent, single use, expiring into a count.
@Suite struct InvitationTests {
    static let clerk = Actor(role: "hr", user: "clerk")
    static let context = ["unit": "51", "hired": "2026-10", "career_group": "gehoben", "employment": "regular"]
    static let answers = ["born_in_germany": "no", "citizenship": "not_german", "parent_a_immigrated": "yes"]

    static func open(policy: URL = Repository.policyDirectory) throws -> (Installation, DemoFixture) {
        let demo = try DemoFixture(hires: 60)
        return (try Installation.open(.init(data: demo.location.directory, forms: Repository.formsDirectory, policy: policy,
                                            reports: Repository.root.appendingPathComponent("reports")), passwordStrength: .minimum), demo)
    }

    /// A copy of the shipped policy with `retention.yaml` edited.
    static func policy(replacing old: String, with new: String) throws -> URL {
        let directory = try temporaryDirectory("policy")
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.policyDirectory.path) {
            try FileManager.default.copyItem(at: Repository.policyDirectory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let file = directory.appendingPathComponent("retention.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        return directory
    }

    @Test func anInvitationIsAnsweredOnceAndItsReceiptWithdraws() throws {
        let (installation, _) = try Self.open()
        let before = try installation.countsByPeriod()[2026]?.responses ?? 0
        let issued = try installation.issueInvitation(context: Self.context, by: Self.clerk)
        #expect(issued.form.id == "migration-background" && issued.form.version == 1)
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 1, open: 1))
        #expect(try installation.openInvitation(issued.code)?.form.version == 1)
        // Typed as a person would: lower case, spaces.
        let typed = try InvitationCode(parsing: issued.code.formatted.lowercased().replacingOccurrences(of: "-", with: " "))
        guard case .answered(let receipt) = try installation.redeemInvitation(typed, answers: Self.answers, consentedTo: 1) else {
            Issue.record("not answered"); return
        }
        #expect(try installation.countsByPeriod()[2026]?.responses == before + 1)
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 1, open: 0, redeemed: 1))
        // Used: refused exactly as a code never issued is.
        guard case .unknown = try installation.redeemInvitation(issued.code, answers: Self.answers, consentedTo: 1) else {
            Issue.record("a used code was accepted again"); return
        }
        guard case .unknown = try installation.redeemInvitation(issued.code, answers: nil, consentedTo: nil) else {
            Issue.record("a used code was declined"); return
        }
        #expect(try installation.openInvitation(issued.code) == nil)
        #expect(try installation.countsByPeriod()[2026]?.responses == before + 1)
        // Sealed as HR's entries are: the receipt withdraws it.
        #expect(try installation.withdraw(receipt, by: Intake.respondent))
        #expect((try installation.countsByPeriod()[2026]?.responses ?? 0) == before)
    }

    @Test func anUnknownCodeGetsTheAnswerOfAUsedOneAndChangesNothing() throws {
        let (installation, demo) = try Self.open()
        let files = RawBytes.databaseFiles(demo.location.dataURL)
        let fingerprint = try RawBytes.fingerprint(files)
        let unknown = InvitationCode.generate()
        #expect(try installation.openInvitation(unknown) == nil)
        guard case .unknown = try installation.redeemInvitation(unknown, answers: Self.answers, consentedTo: 1) else {
            Issue.record("an unknown code was accepted"); return
        }
        guard case .unknown = try installation.redeemInvitation(unknown, answers: nil, consentedTo: nil) else {
            Issue.record("an unknown code was declined"); return
        }
        #expect(try RawBytes.fingerprint(files) == fingerprint)
    }

    @Test func aDeclineInsideTheQuestionnaireCountsAsADecline() throws {
        let (installation, _) = try Self.open()
        let declines = try installation.countsByPeriod()[2026]?.declines ?? 0
        let issued = try installation.issueInvitation(context: Self.context, by: Self.clerk)
        guard case .declined = try installation.redeemInvitation(issued.code, answers: nil, consentedTo: nil) else {
            Issue.record("not declined"); return
        }
        #expect(try installation.countsByPeriod()[2026]?.declines == declines + 1)
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 1, open: 0, redeemed: 1))
        guard case .unknown = try installation.redeemInvitation(issued.code, answers: Self.answers, consentedTo: 1) else {
            Issue.record("a declined invitation was answered"); return
        }
    }

    @Test func expiredInvitationsAreDeletedAndCountedAsNotAnswered() throws {
        let (installation, demo) = try Self.open()
        let kept = try installation.issueInvitation(context: Self.context, by: Self.clerk)
        let batch = try temporaryFile("cohort.csv", Array("unit,hired,career_group,employment\n51,2026-10,gehoben,regular\n32,2026-11,mittel,trainee\n".utf8))
        let cohort = try installation.issueInvitations(csv: batch, by: Self.clerk)
        #expect(cohort.count == 2)
        guard case .answered = try installation.redeemInvitation(kept.code, answers: [:], consentedTo: 1) else {
            Issue.record("not answered"); return
        }
        // Eight weeks by default: still open the day before they expire, gone on the day.
        #expect(try installation.expireInvitations(asOf: cohort[0].lastDay, by: Self.clerk) == 0)
        #expect(try installation.openInvitation(cohort[0].code) != nil)
        let expiresOn = AuditDay.format(Date().addingTimeInterval(8 * 7 * 86_400))
        #expect(cohort[0].lastDay < expiresOn)
        #expect(try installation.expireInvitations(asOf: expiresOn, by: Self.clerk) == 2)
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 3, open: 0, redeemed: 1, expired: 2))
        for invitation in cohort {
            #expect(try installation.openInvitation(invitation.code) == nil)
        }
        #expect(try installation.logEntries().contains { $0.action == "invitations expired" && $0.detail == "invitations=2" })
        // Nothing of them is left in any file: not the hash, not the sealed context.
        let key = try Keystore.open(demo.location).receiptKey().invitationKey()
        let hashes = cohort.map { Data(key.lookupHash($0.code)) }
        for file in RawBytes.databaseFiles(demo.location.dataURL) {
            let bytes = try Data(contentsOf: file)
            #expect(hashes.allSatisfy { bytes.range(of: $0) == nil }, "\(file.lastPathComponent)")
        }
    }

    @Test func responseRatesShowAnswersDeclinesAndNonAnswersApart() throws {
        let (installation, _) = try Self.open()
        let start = try installation.countsByPeriod()[2026] ?? (0, 0)
        let issued = try (0..<5).map { _ in try installation.issueInvitation(context: Self.context, by: Self.clerk) }
        _ = try installation.redeemInvitation(issued[0].code, answers: Self.answers, consentedTo: 1)
        _ = try installation.redeemInvitation(issued[1].code, answers: [:], consentedTo: 1)
        _ = try installation.redeemInvitation(issued[2].code, answers: nil, consentedTo: nil)
        try installation.expireInvitations(asOf: "2099-01-01", by: Self.clerk)
        let counts = try #require(try installation.invitationCounts()[2026])
        let now = try #require(try installation.countsByPeriod()[2026])
        #expect(counts == InvitationCounts(issued: 5, open: 0, redeemed: 3, expired: 2))
        #expect(now.responses - start.responses == 2 && now.declines - start.declines == 1)
    }

    @Test func badAnswersAreNamedAndLeaveTheInvitationOpen() throws {
        let (installation, _) = try Self.open()
        let issued = try installation.issueInvitation(context: Self.context, by: Self.clerk)
        let bad: [([String: String], Int?, String)] = [
            (["born_in_germany": "vielleicht"], 1, "born_in_germany"),
            (["salary": "high"], 1, "salary"),
            (["born_in_germany": "\u{FFFD}\u{0}"], 1, "born_in_germany"),
            (Self.answers, nil, "consent"),
            (Self.answers, 2, "consent"),
        ]
        for (answers, consent, field) in bad {
            #expect { try installation.redeemInvitation(issued.code, answers: answers, consentedTo: consent) } throws: { error in
                (error as? InputError)?.field == field
            }
        }
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 1, open: 1))
        guard case .answered = try installation.redeemInvitation(issued.code, answers: Self.answers, consentedTo: 1) else {
            Issue.record("refused after bad answers"); return
        }
    }

    @Test(arguments: [
        (["unit": "999"], "unit"), (["career_group": "general"], "career_group"), (["hired": "2026-13"], "hired"),
        (["hired": "1999-01"], "hired"), (["employment": ""], "employment"), (["name": "Erika"], "name"),
        (["unit": String(repeating: "5", count: 100_000)], "unit"),
    ] as [([String: String], String)])
    func aBadContextIsNamedAndIssuesNothing(_ change: [String: String], _ field: String) throws {
        let (installation, demo) = try Self.open()
        let files = RawBytes.databaseFiles(demo.location.dataURL)
        let fingerprint = try RawBytes.fingerprint(files)
        #expect { try installation.issueInvitation(context: Self.context.merging(change) { $1 }, by: Self.clerk) } throws: { error in
            (error as? InputError)?.field == field
        }
        #expect(try installation.invitationCounts().isEmpty)
        #expect(try RawBytes.fingerprint(files) == fingerprint)
    }

    @Test func policyDecidesTheWaysOfEntry() throws {
        let hrOnly = try Self.policy(replacing: "entry: [self_service, hr]", with: "entry: [hr]")
        let (installation, _) = try Self.open(policy: hrOnly)
        #expect(try installation.entryWays() == [.hr])
        #expect { try installation.issueInvitation(context: Self.context, by: Self.clerk) } throws: { error in
            (error as? InputError)?.field == "entry"
        }
        #expect(try installation.invitationCounts().isEmpty)

        let selfServiceOnly = try Self.policy(replacing: "entry: [self_service, hr]", with: "entry: [self_service]")
        let (invitationsOnly, _) = try Self.open(policy: selfServiceOnly)
        let raw = RawEntry(form: "migration-background", version: 1, context: Self.context, answers: Self.answers)
        #expect { try invitationsOnly.enter(raw, by: Self.clerk) } throws: { error in (error as? InputError)?.field == "entry" }
        #expect { try invitationsOnly.decline(raw, by: Self.clerk) } throws: { error in (error as? InputError)?.field == "entry" }
        _ = try invitationsOnly.issueInvitation(context: Self.context, by: Self.clerk)
    }

    @Test func theWeeksComeFromPolicy() throws {
        let fourWeeks = try Self.policy(replacing: "invitation_weeks: 8", with: "invitation_weeks: 4")
        let (installation, _) = try Self.open(policy: fourWeeks)
        let issued = try installation.issueInvitation(context: Self.context, by: Self.clerk)
        #expect(issued.lastDay == AuditDay.format(Date().addingTimeInterval(27 * 86_400)))
    }
}
