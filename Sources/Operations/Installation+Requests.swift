import Bilingual
import Foundation
import Forms
import Reports
import Store
import Vault

/// What became of an attempt to release a request.
public enum RequestOutcome: Sendable, Equatable {
    case released, refused, alreadyDecided, wrongPassphrase
    /// Two-person unlock refused (one holder only, the same twice, an unknown name, a wrong
    /// passphrase): the error names which holder; nothing was decrypted or decided.
    case unlockRefused(KeyholderError)
    /// Nothing was decided: the request stays open (a broken policy file, data changing meanwhile).
    case failed(InputError)
}

extension Installation {
    /// Queues the integration office's request; an error names the field to correct.
    public func request(_ form: ReportRequestForm, by user: String) throws -> ReportRequest {
        let new = try form.request(user: user, form: try? reportForm(for: form.indicator ?? "").newest)
        try users.requests.add(new)
        return new
    }

    /// Open requests first, then the decided ones, newest first.
    public func requests() throws -> [ReportRequest] { try users.requests.all() }

    /// The request of this id, or nil (also for a malformed id).
    public func request(_ id: String) throws -> ReportRequest? { try users.requests.find(id) }

    /// The report a request was released as, read back from what was stored; nil unless released.
    public func releasedReport(_ id: String) throws -> (request: ReportRequest, report: PublishedReport)? {
        guard let request = try request(id), request.status == .released, let json = request.json else { return nil }
        return (request, try PublishedReport(json: json))
    }

    /// The report definition the statistics unit runs for a request.
    public func definition(for request: ReportRequest) throws -> ReportDefinition {
        guard let periods = ReportDefinition.Periods(parsing: request.periods) else {
            throw InputError(field: "years", english: "years must be empty (latest), all, a year or a range such as 2021-2025",
                             german: "Jahre: leer (neuestes), all, ein Jahr oder ein Bereich wie 2021-2025.")
        }
        let kind: ReportDefinition.Kind = request.kind == .baseline ? .baseline : .trend
        return try definition(kind, indicator: request.indicator, by: request.by, periods: periods)
    }

    /// Unlocks, releases and stores the report for the integration office, one decision at a time.
    /// A wrong passphrase changes nothing and is written to the audit log; a request that names no
    /// valid report, or one that disclosure control or a year without data refuses, is refused.
    public func releaseRequest(_ id: String, passphrase: Passphrase, by user: String) -> RequestOutcome {
        releaseRequest(id, unlock: .passphrase(passphrase), by: user)
    }

    /// The same with the passphrase or, when the keystore is held by keyholders, two of them; a
    /// wrong keyholder passphrase is logged with the holder's name.
    public func releaseRequest(_ id: String, unlock: KeystoreUnlock, by user: String) -> RequestOutcome {
        let actor = Actor(role: Role.statistics.rawValue, user: user)
        let outcome = deciding { releaseUndecided(id, unlock: unlock, actor: actor) }
        recordWrongPassphrase(outcome, by: actor)
        if outcome == .released {
            // The unlock proved right: the rotation a purge left pending is made now, or next time.
            _ = try? deciding { try completePendingRotation(unlock, by: actor) }
        }
        return outcome
    }

    private func releaseUndecided(_ id: String, unlock: KeystoreUnlock, actor: Actor) -> RequestOutcome {
        do {
            guard let request = try request(id), request.status == .requested else { return .alreadyDecided }
            let definition: ReportDefinition
            do { definition = try self.definition(for: request) } catch let error as InputError {
                try refuse(id, english: error.english, german: error.german, actor: actor, cause: "invalid_request")
                return .refused
            }
            let disclosure: DisclosurePolicyFile, reference: ReferenceShares
            do {
                disclosure = try Policies.disclosure(directories.policy)
                reference = try Policies.reference(directories.reports)
            } catch let problem as InputError {
                return .failed(InputError(field: "passphrase", english: "a policy file is broken, nothing was released: \(problem.description)",
                                          german: "Eine Richtlinien-Datei ist fehlerhaft, nichts wurde veröffentlicht: \(problem.germanDescription)"))
            }
            let report: PublishedReport
            do {
                report = try reportRun(disclosure: disclosure, reference: reference, actor: actor).release(definition, unlock: unlock)
            } catch ReportError.dataChanging {
                // Not a decision on the request: it stays open to be released again.
                return .failed(InputError(english: ReportError.dataChanging.english, german: ReportError.dataChanging.german))
            } catch let error as ReportError {
                // A refusal by disclosure control is in the ledger already, recorded by the release.
                try refuse(id, english: error.english, german: error.german, actor: actor, cause: error == .refused ? nil : "no_data")
                return .refused
            }
            try users.requests.decide(id) { request in
                request.status = .released
                request.releaseID = report.release
                request.releasedBy = actor.user
                request.decidedOn = AuditDay.today()
                // The report once, as data: pages, downloads and the API render from it on demand.
                request.json = report.json()
            }
            logReleased(report)
            return .released
        } catch {
            return Self.outcome(failing: error)
        }
    }

    /// A wrong passphrase, or a keyholder's, goes into the audit log (with the holder's name, never
    /// what was typed); any other outcome is recorded where it happens.
    func recordWrongPassphrase(_ outcome: RequestOutcome, by actor: Actor) {
        switch outcome {
        case .wrongPassphrase: try? recordEvent("release passphrase wrong", by: actor)
        case .unlockRefused(.wrongPassphrase(let holder, _)):
            try? data.recordEvent("release passphrase wrong", detail: [("keyholder", holder.text)], by: actor)
        default: break
        }
    }

    /// What a release that threw comes to for the page and the API: a wrong passphrase, a refused
    /// two-person unlock, or a failure naming its field; nothing was released by the failing step.
    static func outcome(failing error: any Error) -> RequestOutcome {
        switch error {
        case VaultError.wrongPassphrase: return .wrongPassphrase
        case let refusal as KeyholderError: return .unlockRefused(refusal)
        case let error as InputError: return .failed(error)
        case let error as BilingualError:
            // A key or ciphertext that fails is the passphrase form's concern: nothing was released.
            let field = error is VaultError ? "passphrase" : error.field
            return .failed(InputError(field: field, english: error.explanation.english, german: error.explanation.german))
        default:
            return .failed(InputError(english: "an unexpected error occurred; nothing was released",
                                      german: "Ein unerwarteter Fehler ist aufgetreten; nichts wurde veröffentlicht."))
        }
    }

    /// Refuses an open request with the statistics unit's own reason (1 to 500 characters, one
    /// paragraph, no control characters, shown to the integration office as written); false if it
    /// was decided already.
    public func refuseRequest(_ id: String, reason text: String?, by user: String) throws -> Bool {
        let reason = try Self.refusalReason(text)
        let actor = Actor(role: Role.statistics.rawValue, user: user)
        return try deciding { try refuse(id, english: reason, german: reason, actor: actor, cause: "by_hand") }
    }

    static func refusalReason(_ text: String?) throws -> String {
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw InputError(field: "reason", english: "give a reason for the refusal", german: "Bitte einen Grund für die Ablehnung angeben.")
        }
        guard reason.count <= 500 else {
            throw InputError(field: "reason", english: "the reason may have at most 500 characters", german: "Der Grund darf höchstens 500 Zeichen haben.")
        }
        guard !reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" }) else {
            throw InputError(field: "reason", english: "the reason contains control characters", german: "Der Grund enthält Steuerzeichen.")
        }
        return reason
    }

    /// Decides the request as refused and, with a `cause`, records the refusal in the release ledger
    /// (the request's terms and the cause, not the reason's words).
    @discardableResult
    private func refuse(_ id: String, english: String, german: String, actor: Actor, cause: String?) throws -> Bool {
        let day = AuditDay.today()
        var refused: ReportRequest?
        let decided = try users.requests.decide(id) { request in
            request.status = .refused
            request.reasonEnglish = english
            request.reasonGerman = german
            request.releasedBy = actor.user
            request.decidedOn = day
            refused = request
        }
        if decided, let cause, let refused {
            try Refusals.record(in: data, report: refused.kind.rawValue, request: RefusedRequest(refused), cause: cause, actor: actor, day: day)
        }
        return decided
    }

    /// What the ledger keeps of a refused request: its terms.
    private struct RefusedRequest: Encodable {
        let request: String, kind: String, indicator: String, grouping: String, periods: String
        init(_ request: ReportRequest) {
            self.request = request.id
            kind = request.kind.rawValue
            indicator = request.indicator
            grouping = request.grouping
            periods = request.periods
        }
    }
}
