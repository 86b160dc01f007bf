import Foundation
import Forms
@testable import Operations
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
        #expect(try installation.expireInvitations(lookingAheadTo: cohort[0].lastDay, by: Self.clerk) == 0)
        #expect(try installation.openInvitation(cohort[0].code) != nil)
        let expiresOn = AuditDay.format(Date().addingTimeInterval(8 * 7 * 86_400))
        #expect(cohort[0].lastDay < expiresOn)
        #expect { try installation.expireInvitations(asOf: expiresOn, by: Self.clerk) } throws: { ($0 as? InputError)?.field == "as-of" }
        #expect(try installation.expireInvitations(by: Self.clerk) == 0)
        #expect(try installation.expireInvitations(lookingAheadTo: expiresOn, by: Self.clerk) == 2)
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

    @Test func thePurgeExpiresInvitationsAsRetentionRuns() throws {
        let (installation, demo) = try Self.open()
        let context = try Repository.validator.validateDecline(form: "migration-background", version: 1, context: Self.context)
        _ = try demo.intake().issueInvitations([context, context], expiresOn: "2026-01-01", by: Self.clerk)
        let fresh = try installation.issueInvitation(context: Self.context, by: Self.clerk)
        #expect(try installation.invitationCounts()[2026]?.open == 1, "issuing expired the overdue ones first")
        #expect(try installation.invitationCounts()[2026]?.expired == 2)
        _ = try demo.intake().issueInvitations([context], expiresOn: "2026-01-01", by: Self.clerk)
        _ = try installation.purge(by: Actor(role: "dpo", user: "dpo"))
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 4, open: 1, redeemed: 0, expired: 3))
        #expect(try installation.openInvitation(fresh.code) != nil)
    }

    @Test func responseRatesShowAnswersDeclinesAndNonAnswersApart() throws {
        let (installation, _) = try Self.open()
        let start = try installation.countsByPeriod()[2026] ?? (0, 0)
        let issued = try (0..<5).map { _ in try installation.issueInvitation(context: Self.context, by: Self.clerk) }
        _ = try installation.redeemInvitation(issued[0].code, answers: Self.answers, consentedTo: 1)
        _ = try installation.redeemInvitation(issued[1].code, answers: [:], consentedTo: 1)
        _ = try installation.redeemInvitation(issued[2].code, answers: nil, consentedTo: nil)
        try installation.expireInvitations(lookingAheadTo: "2099-01-01", by: Self.clerk)
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

    static let header = "unit,hired,career_group,employment\n"
    static let good = "51,2026-10,gehoben,regular\n"

    @Test(arguments: [
        (header + good + "999,2026-10,gehoben,regular\n", 3, "unit"),
        (header + good + good + "51,2026-10,general,regular\n", 4, "career_group"),
        (header + good + "51,2026-10,gehoben\n", 3, nil),
        (header + good + "51,\"2026-10,gehoben,regular\n", 3, nil),
        ("unit,hired,career_group,employment,name\n" + good, 1, "name"),
        ("unit,hired,career_group\n" + good, 1, "employment"),
        ("unit,unit,career_group,employment\n" + good, 1, "unit"),
        (header, nil, nil),
        ("", nil, nil),
        (header + good + "51;2026-10;gehoben;regular\n", 3, nil),
        (header + "51," + String(repeating: "9", count: 70_000) + ",gehoben,regular\n", 2, nil),
    ] as [(String, Int?, String?)])
    func aBadBatchNamesLineAndColumnAndIssuesNothing(_ contents: String, _ line: Int?, _ field: String?) throws {
        let (installation, demo) = try Self.open()
        let fingerprint = try RawBytes.fingerprint(RawBytes.databaseFiles(demo.location.dataURL))
        let file = try temporaryFile("cohort.csv", Array(contents.utf8))
        #expect { try installation.issueInvitations(csv: file, by: Self.clerk) } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == "cohort.csv" && error.line == line && error.field == field
        }
        #expect(try installation.invitationCounts().isEmpty)
        #expect(try RawBytes.fingerprint(RawBytes.databaseFiles(demo.location.dataURL)) == fingerprint)
    }

    @Test func invalidUTF8InABatchIsNamedByLine() throws {
        let (installation, _) = try Self.open()
        let bytes = Array((Self.header + Self.good).utf8) + [0x35, 0x31, 0x2C, 0xC3, 0x28] + Array(",gehoben,regular\n".utf8)
        let file = try temporaryFile("cohort.csv", bytes)
        #expect { try installation.issueInvitations(csv: file, by: Self.clerk) } throws: { error in
            (error as? InputError)?.line == 3 && (error as? InputError)?.english.contains("UTF-8") == true
        }
        #expect(try installation.invitationCounts().isEmpty)
    }

    @Test func aBatchWithSemicolonsAndAByteOrderMarkIssuesOneInvitationPerRow() throws {
        let (installation, _) = try Self.open()
        let text = "\u{FEFF}employment;unit;hired;career_group\r\nregular;51;2026-10;gehoben\r\n\r\ntrainee;32;2027-01;mittel\r\n"
        let issued = try installation.issueInvitations(csv: try temporaryFile("cohort.csv", Array(text.utf8)), by: Self.clerk)
        #expect(issued.count == 2 && Set(issued.map(\.code.formatted)).count == 2)
        #expect(try installation.invitationCounts()[2026] == InvitationCounts(issued: 1, open: 1))
        #expect(try installation.invitationCounts()[2027] == InvitationCounts(issued: 1, open: 1))
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

    @Test(arguments: ["javascript:alert(1)", "vielfalt.example/survey", "https://", "https://x.example/survey?code=1",
                      "https://x.example/a b", "https://x.example/\"><script>", "ftp://x.example/survey"])
    func aBadSurveyAddressIsRefusedBeforeAnythingIsIssued(_ url: String) throws {
        let (installation, _) = try Self.open()
        #expect { try installation.letterTemplate(surveyURL: url) } throws: { ($0 as? InputError)?.field == "survey-url" }
    }

    @Test func lettersNameTheSenderAndCarryEachCode() throws {
        let (installation, _) = try Self.open()
        let template = try installation.letterTemplate(surveyURL: "https://vielfalt.example/survey")
        let issued = try (0..<2).map { _ in try installation.issueInvitation(context: Self.context, by: Self.clerk) }
        let html = template.document(issued)
        #expect(html.contains("Hanse- und Universitätsstadt Rostock") && html.contains("datenschutz@rostock.example"))
        #expect(issued.allSatisfy { html.contains($0.code.formatted) } && html.contains("<code>https://vielfalt.example/survey</code>"))
        #expect(html.contains("<style>") && !template.document(issued, stylesheetHref: "/static/letter.css").contains("<style>"))
    }

    @Test func theWeeksComeFromPolicy() throws {
        let fourWeeks = try Self.policy(replacing: "invitation_weeks: 8", with: "invitation_weeks: 4")
        let (installation, _) = try Self.open(policy: fourWeeks)
        let issued = try installation.issueInvitation(context: Self.context, by: Self.clerk)
        #expect(issued.lastDay == AuditDay.format(Date().addingTimeInterval(27 * 86_400)))
    }
}

/// What a stolen copy of the data directory holds after invitations were issued and answered.
@Suite struct InvitationPrivacyTests {
    static func spellings(_ code: InvitationCode) -> [String] {
        let formatted = code.formatted, plain = formatted.replacingOccurrences(of: "-", with: "")
        return [formatted, plain, formatted.lowercased(), plain.lowercased(), formatted.replacingOccurrences(of: "-", with: " ")]
    }

    /// What a stolen copy of the data directory must not hold after invitations were answered (on
    /// `/survey` or from paper): any spelling of an invitation or receipt code, or a context value;
    /// and the write-ahead log, which held the deleted invitation next to the new response, is empty.
    /// `redeemed: false` for a store where nothing was redeemed, whose log may hold other writes.
    static func expectNoCodeOrContext(in demo: DemoFixture, codes: [InvitationCode], receipts: [ReceiptCode], context: [String],
                                      redeemed: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = try Self.files(under: demo.location.directory)
        let canaries = codes.flatMap(Self.spellings) + receipts.flatMap { [$0.formatted, $0.formatted.replacingOccurrences(of: "-", with: "")] } + context
        #expect(try RawBytes.findings(canaries, in: files).isEmpty, sourceLocation: sourceLocation)
        guard redeemed else { return }
        let wal = URL(fileURLWithPath: demo.location.dataURL.path + "-wal")
        #expect(((try? FileManager.default.attributesOfItem(atPath: wal.path)[.size] as? Int) ?? 0) == 0, sourceLocation: sourceLocation)
    }

    static func files(under directory: URL) throws -> [URL] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? []).filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }

    @Test func noFileHoldsACodeAContextOrALinkBetweenInvitationAndResponse() throws {
        let (installation, demo) = try InvitationTests.open()
        let context = ["unit": "51", "hired": "2026-10", "career_group": "gehoben", "employment": "trainee"]
        let issued = try (0..<3).map { _ in try installation.issueInvitation(context: context, by: InvitationTests.clerk) }
        guard case .answered(let receipt) = try installation.redeemInvitation(issued[0].code, answers: InvitationTests.answers, consentedTo: 1) else {
            Issue.record("not answered"); return
        }
        let key = try Keystore.open(demo.location).receiptKey().invitationKey()
        let files = try Self.files(under: demo.location.directory)
        #expect(files.contains { $0.lastPathComponent == "vielfalt.sqlite" } && files.contains { $0.lastPathComponent == "audit.head" })
        // The answered invitation's hash is gone; the open ones are there only as hashes.
        let redeemedHash = Data(key.lookupHash(issued[0].code))
        var openHashesFound = 0
        for file in files {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.range(of: redeemedHash) == nil, "the answered invitation's hash is left in \(file.lastPathComponent)")
            openHashesFound += issued.dropFirst().filter { bytes.range(of: Data(key.lookupHash($0.code))) != nil }.count
        }
        #expect(openHashesFound == 2, "the test must see the open invitations' hashes, or it proves nothing")
        try Self.expectNoCodeOrContext(in: demo, codes: issued.map(\.code), receipts: [receipt], context: ["gehoben", "trainee", "2026-10"])
        // The log counts the answer in the week's tally, never as an invitation's.
        let actions = try installation.logEntries().map(\.action)
        #expect(actions.filter { $0.contains("invitation") } == ["invitations issued", "invitations issued", "invitations issued"])
        #expect(try installation.logEntries().allSatisfy { !$0.detail.contains("respondent") })
    }
}

/// The data protection officer sees the ways of entry, the consent texts held and invitation counts.
@Suite struct InvitationAuditTests {
    @Test func theAuditShowsWaysConsentTextsAndInvitationCountsOnly() throws {
        let (installation, _) = try InvitationTests.open()
        let mixed = { (report: AuditReport) in report.findings.contains { $0.severity == "info" && $0.text.en.hasPrefix("period 2026 holds both self-service answers and answers entered by HR") } }
        let issued = try (0..<3).map { _ in try installation.issueInvitation(context: InvitationTests.context, by: InvitationTests.clerk) }
        _ = try installation.redeemInvitation(issued[0].code, answers: InvitationTests.answers, consentedTo: 1)
        _ = try installation.redeemInvitation(issued[1].code, answers: nil, consentedTo: nil)
        let today = try installation.audit(asOf: AuditDay.today())
        #expect(today.entry.ways == ["self_service", "hr"] && today.entry.invitationWeeks == 8)
        #expect(today.entry.consent.first { $0.period == 2026 }?.formVersions == ["migration-background v1"])
        #expect(today.entry.invitations.map { [$0.period, $0.issued, $0.open, $0.answered, $0.expired] } == [[2026, 3, 1, 2, 0]])
        #expect(!today.findings.contains { $0.text.en.contains("invitation") })
        // 2026 holds self-service answers only: one way, no warning.
        #expect(!mixed(today))
        // Looking past the weeks: the open one is overdue until expired.
        let later = try installation.audit(asOf: "2099-01-01")
        #expect(later.findings.contains { $0.severity == "warning" && $0.text.en.hasPrefix("1 invitation(s) past their weeks") })
        let json = try later.json()
        #expect(!issued.contains { json.contains($0.code.formatted) })
        #expect(later.markdown().contains("| 2026 | 3 | 1 | 2 | 0 |"))
        #expect(later.html().contains("<td class=\"n\">3</td><td class=\"n\">1</td><td class=\"n\">2</td><td class=\"n\">0</td>"))
        // HR types one questionnaire of the same year: now HR's entries and self-service answers
        // share 2026; the audit names the year, where releases withhold more.
        _ = try installation.enter(RawEntry(form: "migration-background", version: 1, context: InvitationTests.context,
                                            answers: InvitationTests.answers), by: InvitationTests.clerk)
        #expect(mixed(try installation.audit(asOf: AuditDay.today())))
    }
}
