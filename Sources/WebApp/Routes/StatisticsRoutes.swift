import Forms
import Foundation
import HummingbirdAuth
import Hummingbird
import Reports
import Store
import Vault

/// The statistics unit's pages: the queue of requests, the release of one request with the
/// keystore passphrase, its refusal by hand with a reason, and the release ledger (who released
/// what, never a figure).
///
/// The release form's body is read by `PassphraseBodyMiddleware`: the passphrase goes straight from
/// the body bytes into a `Passphrase` for this one run and is never stored or logged. A wrong
/// passphrase changes nothing; a refusal by disclosure control (or a year without data) marks the
/// request refused with the reason; a success stores the renderings of the protected report for the
/// integration office. Releases run one at a time (`Blocking.exclusive`).
struct StatisticsRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let group = router.group("statistics").requiring(.statistics, maxBodySize: services.configuration.maxBodySize, showsRefusedBody: true)
        group.get("requests") { request, context in
            let form = ReportRoutes.form(services)
            let requests = try services.users.requests.all().map { RequestView($0, form: form, language: context.language).values }
            return services.pages.page("requests", ["requests": requests, "hasRequests": !requests.isEmpty], request: request, context: context)
        }
        group.get("requests/{id}") { request, context in
            var values = try detailValues(context, try found(context))
            switch context.takeNotice() {
            case .reportReleased: values["notice"] = Strings.text("report_was_released", context.language)
            case .reportRefused: values["notice"] = Strings.text("report_was_refused", context.language)
            default: break
            }
            return services.pages.page("request", values, request: request, context: context)
        }
        group.post("requests/{id}/refuse") { request, context in
            let found = try found(context)
            let fields: FormFields
            do { fields = try context.form!.fields() } catch let error as InputError {
                return services.pages.page("request", try detailValues(context, found, error: error, field: "reason"), request: request,
                                           context: context, status: EntryRoutes.status(context))
            }
            do {
                for name in fields.values.keys.sorted() where ![CSRFMiddleware.fieldName, "reason"].contains(name) {
                    throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
                }
                let reason = try ReportRequest.refusalReason(fields["reason"])
                if try await refuseByHand(found.id, reason: reason, user: context.identity!.name) { context.setNotice(.reportRefused) }
                return Response.redirect(to: "/statistics/requests/\(found.id)", type: .normal)
            } catch let error as InputError {
                return services.pages.page("request", try detailValues(context, found, error: error, field: "reason"), request: request,
                                           context: context, status: .unprocessableContent)
            }
        }
        group.get("releases") { request, context in
            let rows = try await ledger()
            return services.pages.page("releases", ["releases": rows, "hasReleases": !rows.isEmpty], request: request, context: context)
        }

        router.group("statistics")
            .add(middleware: LoginRequiredMiddleware())
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(.statistics), context: AppRequestContext.self))
            .add(middleware: PassphraseBodyMiddleware(maxBodySize: services.configuration.maxBodySize))
            .add(middleware: CSRFMiddleware(showsRefusedBody: true))
            .post("requests/{id}/release") { request, context in try await release(request, context) }
    }

    /// The release ledger as rows for the page and the API: who released what, never a figure.
    func ledger() async throws -> [[String: Any]] {
        let data = services.intake.data
        return try await Blocking.run { try data.releases() }.map { r in
            ["id": r.id, "day": r.day, "role": r.role, "user": r.user, "report": r.report, "indicator": r.indicator,
             "periods": r.periods, "cells": r.cellCount, "withheld": r.suppressedCount]
        }
    }

    func found(_ context: AppRequestContext) throws -> ReportRequest {
        guard let id = context.parameters.get("id"), let found = try services.users.requests.find(id) else { throw HTTPError(.notFound) }
        return found
    }

    /// The request page; an error is shown at the field of the form that was sent (`passphrase`
    /// for the release, `reason` for the refusal).
    private func detailValues(_ context: AppRequestContext, _ request: ReportRequest, error: InputError? = nil,
                              field: String = "passphrase") throws -> [String: Any] {
        var values: [String: Any] = ["request": RequestView(request, form: ReportRoutes.form(services), language: context.language).values]
        if let error {
            let message = context.message(error)
            values["hasErrors"] = true
            values["errors"] = [["anchor": field, "label": Strings.text(field == "reason" ? "refuse_reason" : "passphrase", context.language),
                                 "message": message]]
            values["\(field)Error"] = message
        }
        return values
    }

    /// The outcome of one release attempt.
    enum Outcome: Sendable {
        case released, refused, alreadyDecided, wrongPassphrase, failed(InputError)
    }

    func release(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let found = try found(context)
        let page = { (error: InputError, status: HTTPResponse.Status) throws -> Response in
            services.pages.page("request", try detailValues(context, found, error: error), request: request, context: context, status: status)
        }
        do { _ = try context.form!.fields() } catch let error as InputError {
            return try page(error, EntryRoutes.status(context))
        }
        guard let passphrase = context.secret else {
            return try page(InputError(field: "passphrase", english: Strings.text("passphrase_missing", .en), german: Strings.text("passphrase_missing", .de)),
                            .unprocessableContent)
        }
        let user = context.identity!.name, shared = services
        guard let outcome = try await Self.attempt(found.id, passphrase: passphrase, user: user, address: context.clientAddress,
                                                   services: shared) else {
            return try page(Self.throttled, .tooManyRequests)
        }
        switch outcome {
        case .released:
            context.setNotice(.reportReleased)
        case .refused:
            context.setNotice(.reportRefused)
        case .alreadyDecided:
            break
        case .wrongPassphrase:
            let error = VaultError.wrongPassphrase
            return try page(InputError(field: "passphrase", english: error.english, german: error.german), .unprocessableContent)
        case .failed(let error):
            return try page(error, .unprocessableContent)
        }
        return Response.redirect(to: "/statistics/requests/\(found.id)", type: .normal)
    }

    /// Unlock, release, store: runs exclusively, so the status read here is still true at the end.
    static func run(_ id: String, passphrase: Passphrase, user: String, services: AppServices) -> Outcome {
        let requests = services.users.requests
        do {
            guard let request = try requests.find(id), request.status == .requested else { return .alreadyDecided }
            guard let form = ReportRoutes.form(services) else {
                return .failed(InputError(english: "no form definition is loaded", german: "Es ist keine Formulardefinition geladen."))
            }
            let definition: ReportDefinition
            do { definition = try request.definition(form: form) } catch let error as InputError {
                try refuse(id, english: error.english, german: error.german, user: user, cause: "invalid_request", services: services)
                return .refused
            }
            let policyDirectory = services.configuration.policyDirectory
            let disclosure: DisclosurePolicyFile, reference: ReferenceShares
            do {
                disclosure = try DisclosurePolicyFile.load(directory: policyDirectory)
                let referenceFile = services.configuration.reportsDirectory.appendingPathComponent("reference.yaml")
                do { reference = try ReferenceShares.load(contentsOf: referenceFile) } catch {
                    throw PolicySet.inputError(error, file: referenceFile.path)
                }
            } catch {
                let problem = PolicySet.inputError(error, file: policyDirectory.appendingPathComponent("disclosure.yaml").path)
                return .failed(InputError(field: "passphrase", english: "a policy file is broken, nothing was released: \(problem.description)",
                                          german: "Eine Richtlinien-Datei ist fehlerhaft, nichts wurde veröffentlicht: \(problem.germanDescription)"))
            }
            let run = ReportRun(location: services.location, forms: services.catalog.forms, units: services.catalog.units,
                                disclosure: disclosure, reference: reference, actor: Actor(role: Role.statistics.rawValue, user: user))
            let report: PublishedReport
            do {
                report = try run.release(definition, passphrase: passphrase)
            } catch ReportError.dataChanging {
                // Not a decision on the request: it stays open to be released again.
                let error = ReportError.dataChanging
                return .failed(InputError(english: error.english, german: error.german))
            } catch let error as ReportError {
                // A refusal by disclosure control is in the ledger already, recorded by the release.
                try refuse(id, english: error.english, german: error.german, user: user,
                           cause: error == .refused ? nil : "no_data", services: services)
                return .refused
            }
            let day = AuditDay.today()
            try requests.decide(id) { request in
                request.status = .released
                request.releaseID = report.release
                request.releasedBy = user
                request.decidedOn = day
                request.json = report.json()
                request.csvGerman = report.csv(locale: "de")
                request.csvEnglish = report.csv(locale: "en")
                request.htmlGerman = report.html(language: "de")
                request.htmlEnglish = report.html(language: "en")
            }
            return .released
        } catch VaultError.wrongPassphrase {
            return .wrongPassphrase
        } catch let error as VaultError {
            return .failed(InputError(field: "passphrase", english: error.english, german: error.german))
        } catch let error as StoreError {
            return .failed(InputError(english: error.english, german: error.german))
        } catch let error as InputError {
            return .failed(error)
        } catch {
            return .failed(InputError(english: Strings.text("error_500", .en), german: Strings.text("error_500", .de)))
        }
    }

    /// Refuses an open request with the statistics unit's own reason; false if it was decided already.
    func refuseByHand(_ id: String, reason: String, user: String) async throws -> Bool {
        let shared = services
        return try await Blocking.exclusive {
            try Self.refuse(id, english: reason, german: reason, user: user, cause: "by_hand", services: shared)
        }
    }

    /// Decides the request as refused and, with a `cause`, records the refusal in the release ledger
    /// (the request's terms and the cause, not the reason's words).
    @discardableResult
    private static func refuse(_ id: String, english: String, german: String, user: String, cause: String?,
                               services: AppServices) throws -> Bool {
        let day = AuditDay.today()
        var refused: ReportRequest?
        let decided = try services.users.requests.decide(id) { request in
            request.status = .refused
            request.reasonEnglish = english
            request.reasonGerman = german
            request.releasedBy = user
            request.decidedOn = day
            refused = request
        }
        if decided, let cause, let refused {
            try Refusals.record(at: services.location, report: refused.kind.rawValue, request: RefusedRequest(refused), cause: cause,
                                actor: Actor(role: Role.statistics.rawValue, user: user), day: day)
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
