import Forms
import Foundation
import Hummingbird
import Operations
import Reports
import Vault

/// The statistics unit's release of the monitoring: the goals of `reports/monitoring.yaml`, the
/// last release, and the form that releases it with the passphrase (or two keyholders), throttled
/// like a request's release.
extension StatisticsRoutes {
    func monitoringPage(_ request: Request, _ context: AppRequestContext, error: InputError? = nil,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        var values = try unlockFormValues(context, error: error)
        let installation = services.installation, language = context.language.rawValue
        do {
            let plan = try await Blocking.run { try installation.monitoringPlan() }
            values["goals"] = plan.goals.map { ["id": $0.goal.id, "title": $0.goal.title.text(language)] }
            values["hasGoals"] = true
        } catch let problem as InputError {
            values["planError"] = context.message(problem)
        }
        if let last = try await Blocking.run({ try installation.latestMonitoring() })?.record {
            values["last"] = ["day": last.releasedOn, "id": last.id]
        }
        if context.takeNotice() == .monitoringReleased { values["notice"] = Strings.text("monitoring_was_released", context.language) }
        return services.pages.page("statisticsMonitoring", values, request: request, context: context, status: status)
    }

    func releaseMonitoring(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let unlock: KeystoreUnlock
        do {
            unlock = try Self.unlock(try context.form!.fields(), context, heldByKeyholders: services.installation.isHeldByKeyholders())
        } catch let error as InputError {
            return try await monitoringPage(request, context, error: error, status: EntryRoutes.status(context))
        }
        guard let outcome = try await Self.attemptMonitoring(unlock: unlock, user: context.identity!.name, address: context.clientAddress,
                                                             services: services) else {
            return try await monitoringPage(request, context, error: Self.throttled, status: .tooManyRequests)
        }
        switch outcome {
        case .released:
            context.setNotice(.monitoringReleased)
            return Response.redirect(to: "/statistics/monitoring", type: .normal)
        case .refused, .alreadyDecided:
            // Never the monitoring's outcome: it has no request to refuse or decide.
            throw HTTPError(.internalServerError)
        case .wrongPassphrase:
            let error = VaultError.wrongPassphrase
            return try await monitoringPage(request, context, error: InputError(field: "passphrase", english: error.english, german: error.german),
                                            status: .unprocessableContent)
        case .unlockRefused(let error):
            return try await monitoringPage(request, context, error: InputError(field: error.field, english: error.explanation.english,
                                                                                german: error.explanation.german), status: .unprocessableContent)
        case .failed(let error):
            return try await monitoringPage(request, context, error: error, status: .unprocessableContent)
        }
    }
}
