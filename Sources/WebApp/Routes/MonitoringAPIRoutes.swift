import Forms
import Hummingbird
import HummingbirdAuth
import Operations
import Store
import Vault

/// The API of the monitoring, with the roles of its pages.
///
/// | call | who |
/// | --- | --- |
/// | `GET /api/v1/monitoring` (the latest, JSON) | integration |
/// | `POST /api/v1/monitoring/release` (passphrase, or two keyholders) | statistics |
///
/// Before the first release the monitoring answers 404, like a report before its release. A wrong
/// passphrase answers 422 (a well-formed passphrase the keystore refuses), nothing released.
struct MonitoringAPIRoutes {
    let services: AppServices

    func register(on api: RouterGroup<AppRequestContext>) {
        api.group("monitoring").requiringAPI(RolePolicy<User>(.integration)).get { _, _ in
            JSONResponse.text(try await MonitoringRoutes(services: services).found().json())
        }
        api.group("monitoring")
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(.statistics), context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
            .add(middleware: PassphraseBodyMiddleware(.json, maxBodySize: services.configuration.maxBodySize))
            .post("release") { _, context in try await release(context) }
    }

    private func release(_ context: AppRequestContext) async throws -> Response {
        if case .refused(let error, let status) = context.form {
            throw APIError(status: .init(code: status), error: error)
        }
        let unlock = try StatisticsRoutes.unlock(try context.form!.fields(), context, heldByKeyholders: services.installation.isHeldByKeyholders())
        let user = context.identity!.name, installation = services.installation
        guard let outcome = try await StatisticsRoutes.attemptMonitoring(unlock: unlock, user: user, address: context.clientAddress,
                                                                         services: services) else {
            throw APIError(status: .tooManyRequests, error: StatisticsRoutes.throttled)
        }
        switch outcome {
        case .released:
            guard let latest = try await Blocking.run({ try installation.latestMonitoring() }) else { throw HTTPError(.internalServerError) }
            return JSONResponse.make(["monitoring": latest.record.id, "day": latest.record.releasedOn, "releases": latest.monitoring.releases])
        case .refused, .alreadyDecided:
            // Never the monitoring's outcome: it has no request to refuse or decide.
            throw HTTPError(.internalServerError)
        case .wrongPassphrase:
            let error = VaultError.wrongPassphrase
            throw APIError(status: .unprocessableContent, error: InputError(field: "passphrase", english: error.english, german: error.german))
        case .unlockRefused(let error):
            throw APIError(status: .unprocessableContent, error: InputError(field: error.field, english: error.explanation.english,
                                                                             german: error.explanation.german))
        case .failed(let error):
            throw APIError(status: .unprocessableContent, error: error)
        }
    }
}
