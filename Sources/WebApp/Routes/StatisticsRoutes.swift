import Forms
import Foundation
import HummingbirdAuth
import Hummingbird
import Operations
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
/// integration office. The installation runs releases and refusals one at a time.
struct StatisticsRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let group = router.group("statistics").requiring(.statistics, maxBodySize: services.configuration.maxBodySize, showsRefusedBody: true)
        group.get("requests") { request, context in
            let form = ReportRoutes.form(services)
            let requests = try services.installation.requests().map { RequestView($0, form: form, language: context.language).values }
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
                if try await refuseByHand(found.id, reason: fields["reason"], user: context.identity!.name) { context.setNotice(.reportRefused) }
                return Response.redirect(to: "/statistics/requests/\(found.id)", type: .normal)
            } catch let error as InputError {
                return services.pages.page("request", try detailValues(context, found, error: error, field: "reason"), request: request,
                                           context: context, status: .unprocessableContent)
            }
        }
        group.get("monitoring") { request, context in try await monitoringPage(request, context) }
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
            .post("monitoring/release") { request, context in try await releaseMonitoring(request, context) }
    }

    /// The release ledger as rows for the page and the API: who released what, never a figure.
    func ledger() async throws -> [[String: Any]] {
        let installation = services.installation
        return try await Blocking.run { try installation.releases() }.map { r in
            ["id": r.id, "day": r.day, "role": r.role, "user": r.user, "report": r.report, "indicator": r.indicator,
             "periods": r.periods, "cells": r.cellCount, "withheld": r.suppressedCount]
        }
    }

    func found(_ context: AppRequestContext) throws -> ReportRequest {
        guard let id = context.parameters.get("id"), let found = try services.installation.request(id) else { throw HTTPError(.notFound) }
        return found
    }

    /// The request page; an error is shown at the field of the form that was sent (`passphrase`
    /// for the release, or one of the keyholder fields in two-person mode; `reason` for the refusal).
    private func detailValues(_ context: AppRequestContext, _ request: ReportRequest, error: InputError? = nil,
                              field: String = "passphrase") throws -> [String: Any] {
        var values = try unlockFormValues(context, error: error, field: field)
        values["request"] = RequestView(request, form: ReportRoutes.form(services), language: context.language).values
        return values
    }

    /// What every form that unlocks the keystore shows: the keyholders' names in two-person mode, and
    /// an error at the field it names (`reason` only on the request's refusal form).
    func unlockFormValues(_ context: AppRequestContext, error: InputError?, field: String = "passphrase") throws -> [String: Any] {
        var values: [String: Any] = [:]
        let holders = try services.installation.keyholders()
        if !holders.isEmpty { values["keyholders"] = holders.map(\.text).joined(separator: ", ") }
        if let error {
            let message = context.message(error)
            // A release error points at the field it names: a keyholder's name or passphrase.
            var field = field
            if field != "reason", let named = error.field, Self.releaseFields[named] != nil { field = named }
            values["hasErrors"] = true
            let label = field == "passphrase" && !holders.isEmpty ? "passphrase_first" : Self.releaseFields[field] ?? "refuse_reason"
            values["errors"] = [["anchor": field.replacingOccurrences(of: "_", with: "-"), "label": Strings.text(label, context.language),
                                 "message": message]]
            values["\(field)Error"] = message
        }
        return values
    }

    /// The release form's fields and their labels.
    static let releaseFields = ["passphrase": "passphrase", "holder": "holder_first", "second_holder": "holder_second",
                                "second_passphrase": "passphrase_second"]

    func release(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let found = try found(context)
        let page = { (error: InputError, status: HTTPResponse.Status) throws -> Response in
            services.pages.page("request", try detailValues(context, found, error: error), request: request, context: context, status: status)
        }
        let unlock: KeystoreUnlock
        do {
            unlock = try Self.unlock(try context.form!.fields(), context, heldByKeyholders: services.installation.isHeldByKeyholders())
        } catch let error as InputError {
            return try page(error, EntryRoutes.status(context))
        }
        let user = context.identity!.name, shared = services
        guard let outcome = try await Self.attempt(found.id, unlock: unlock, user: user, address: context.clientAddress,
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
        case .unlockRefused(let error):
            return try page(InputError(field: error.field, english: error.explanation.english, german: error.explanation.german), .unprocessableContent)
        case .failed(let error):
            return try page(error, .unprocessableContent)
        }
        return Response.redirect(to: "/statistics/requests/\(found.id)", type: .normal)
    }

    /// Refuses an open request with the statistics unit's own reason; false if it was decided already.
    func refuseByHand(_ id: String, reason: String?, user: String) async throws -> Bool {
        let installation = services.installation
        return try await Blocking.run { try installation.refuseRequest(id, reason: reason, by: user) }
    }
}
