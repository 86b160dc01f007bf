import Foundation
import Forms
import Letters
import Retention
import Store
import Vault

/// An invitation just issued: the code for the letter, and the form whose consent text and
/// questionnaire the letter announces. The code exists nowhere else.
public struct IssuedInvitation: Sendable {
    public let code: InvitationCode
    public let form: FormDefinition
    /// The last day the code is accepted, `YYYY-MM-DD`.
    public let lastDay: String
}

/// An open invitation as the respondent sees it: the questionnaire to answer, nothing of the context.
public struct OpenInvitation: Sendable {
    public let form: FormDefinition
}

extension Installation {
    /// The ways of entry `retention.yaml` offers (`entry`, default both).
    public func entryWays() throws -> [EntryWay] {
        try Policies.file("retention.yaml", in: directories.policy) { try RetentionPolicy.load(contentsOf: $0) }.entryWays
    }

    /// Refuses a way of entry that policy does not offer.
    func require(_ way: EntryWay) throws {
        guard try entryWays().contains(way) else {
            throw way == .hr
                ? InputError(field: "entry", english: "HR entry is not offered by policy (retention.yaml, entry): issue an invitation instead",
                             german: "Die Erfassung durch die Personalstelle ist laut Richtlinie nicht vorgesehen (retention.yaml, entry): bitte eine Einladung ausstellen.")
                : InputError(field: "entry", english: "self-service invitations are not offered by policy (retention.yaml, entry)",
                             german: "Einladungen zur Selbstauskunft sind laut Richtlinie nicht vorgesehen (retention.yaml, entry).")
        }
    }

    /// Issues one invitation for a context entered by HR (validated as HR's entry validates it);
    /// `form` nil for the only form, always its newest version.
    public func issueInvitation(context: [String: String], form: String? = nil, by clerk: Actor) throws -> IssuedInvitation {
        let definition = try currentForm(form)
        let validated = try catalog.validator.validateDecline(form: definition.id, version: definition.version, context: context)
        return try issue([validated], form: definition, by: clerk)[0]
    }

    /// Issues one invitation per row of a CSV of contexts, all or nothing: the first bad row is an
    /// error naming file, line and column, and nothing is stored.
    public func issueInvitations(csv file: URL, form: String? = nil, by clerk: Actor) throws -> [IssuedInvitation] {
        let definition = try currentForm(form)
        let contexts = try InvitationBatch.contexts(in: file, form: definition, validator: catalog.validator)
        return try issue(contexts, form: definition, by: clerk)
    }

    /// The same from CSV text (the web page's field), named `name` in errors.
    public func issueInvitations(csvText: String, name: String, form: String? = nil, by clerk: Actor) throws -> [IssuedInvitation] {
        let definition = try currentForm(form)
        let contexts = try InvitationBatch.contexts(csv: Array(csvText.utf8), name: name, form: definition, validator: catalog.validator)
        return try issue(contexts, form: definition, by: clerk)
    }

    private func issue(_ contexts: [Decline], form: FormDefinition, by clerk: Actor) throws -> [IssuedInvitation] {
        try require(.selfService)
        let policy = try Policies.file("retention.yaml", in: directories.policy) { try RetentionPolicy.load(contentsOf: $0) }
        let today = AuditDay.today()
        try intake.expireInvitations(asOf: today, by: clerk)
        let expires = Self.day(today, plusDays: 7 * policy.invitationWeeks)
        let codes = try intake.issueInvitations(contexts, expiresOn: expires, by: clerk)
        let lastDay = Self.day(expires, plusDays: -1)
        return codes.map { IssuedInvitation(code: $0, form: form, lastDay: lastDay) }
    }

    /// The questionnaire of an open invitation; nil for an unknown, used or expired code alike.
    public func openInvitation(_ code: InvitationCode) throws -> OpenInvitation? {
        guard let context = try intake.invitation(code) else { return nil }
        return OpenInvitation(form: try catalog.validator.form(id: context.formID, version: context.formVersion))
    }

    /// The respondent's answers to an invitation, or their decline (`answers` nil). Answers need
    /// the version of the consent text the respondent confirmed, which must be the invitation's
    /// form version: the sealed response is bound to that form version, so it records which
    /// consent text was given. Bad answers are an error naming the item, and change nothing.
    public func redeemInvitation(_ code: InvitationCode, answers: [String: String]?, consentedTo consentVersion: Int?) throws -> Redemption {
        try redeem(code, answers: answers, consentedTo: consentVersion)
    }

    /// The one way an invitation is redeemed, online or from paper: a paper form brings its printed
    /// `receipt` and is tallied as the clerk who typed it (`tally`).
    func redeem(_ code: InvitationCode, answers: [String: String]?, consentedTo consentVersion: Int?,
                receipt: ReceiptCode? = nil, tally: Actor = Intake.respondent) throws -> Redemption {
        let validator = try catalog.validator
        return try intake.redeem(code, receipt: receipt, tally: tally) { context in
            guard let answers else { return .decline }
            guard consentVersion == context.formVersion else {
                throw InputError(field: "consent", english: "the consent text must be confirmed (its version has changed: please read it again)",
                                 german: "Die Einwilligung muss bestätigt werden (der Text hat sich geändert: bitte erneut lesen).")
            }
            return .answers(try validator.validate(answers: answers, for: context))
        }
    }

    /// Deletes the invitations expired as of `asOf` (default today; a later day is refused, as
    /// invitations do not expire early) and counts them as not answered.
    @discardableResult
    public func expireInvitations(asOf: String? = nil, by actor: Actor) throws -> Int {
        let today = AuditDay.today()
        guard (asOf ?? today) <= today else {
            throw InputError(field: "as-of", english: "may not lie after today: invitations do not expire early",
                             german: "Darf nicht nach heute liegen: Einladungen verfallen nicht vorzeitig.")
        }
        return try data.expireInvitations(asOf: asOf ?? today, by: actor)
    }

    /// As ``expireInvitations(asOf:by:)``, on any day: tests look ahead with it.
    @discardableResult
    func expireInvitations(lookingAheadTo day: String, by actor: Actor) throws -> Int {
        try data.expireInvitations(asOf: day, by: actor)
    }

    /// Issued, open, answered (or declined inside the questionnaire) and expired invitations per period.
    public func invitationCounts() throws -> [Int: InvitationCounts] { try data.invitationCounts() }

    func currentForm(_ id: String?) throws -> FormDefinition {
        let id = try id ?? onlyFormID()
        guard let form = try catalog.current(id) else {
            throw InputError(field: "form", english: "unknown form", german: "Unbekanntes Formular.")
        }
        return form
    }

    /// `day` (`YYYY-MM-DD`) moved by `days` calendar days.
    static func day(_ day: String, plusDays days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        let moved = calendar.date(byAdding: .day, value: days, to: date)!
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

extension Installation {
    /// The letters' template: the survey's address (checked) and the sender and purpose from
    /// `processing.yaml`. Call it before issuing.
    public func letterTemplate(surveyURL: String) throws -> LetterTemplate {
        let url = try Self.surveyURL(surveyURL)
        let record = try Policies.file("processing.yaml", in: directories.policy) { try ProcessingRecord.load(contentsOf: $0) }
        return LetterTemplate(surveyURL: url, sender: InvitationLetter.Sender(controller: record.controller.name,
                                                                             dataProtectionContact: record.dataProtectionOfficer.contact,
                                                                             purpose: record.purpose))
    }

    /// An http(s) address without spaces, quotes or a code of its own.
    static func surveyURL(_ text: String) throws -> String {
        try printableAddress(text, or: InputError(field: "survey-url", english: "expected the questionnaire's address, e.g. https://vielfalt.example/survey",
                                                  german: "Erwartet wird die Adresse des Fragebogens, z. B. https://vielfalt.example/survey."))
    }

    /// `text` if it is an http(s) address fit to print (no spaces, quotes or `code` of its own), else `error`.
    static func printableAddress(_ text: String, or error: InputError) throws -> String {
        guard let components = URLComponents(string: text), ["https", "http"].contains(components.scheme ?? ""),
              components.host?.isEmpty == false, !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
              components.queryItems?.contains(where: { $0.name == "code" }) != true, text.utf8.count <= 200 else {
            throw error
        }
        return text
    }
}
