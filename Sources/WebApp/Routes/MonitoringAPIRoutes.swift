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
        let user = context.identity!.name, throttle = services.passphraseThrottle, installation = services.installation
        guard await throttle.begin(user: user, address: context.clientAddress) else {
            throw APIError(status: .tooManyRequests, error: StatisticsRoutes.throttled)
        }
        let outcome = try await Blocking.run { installation.releaseMonitoring(unlock: unlock, by: user) }
        switch outcome {
        case .wrongPassphrase, .unlockRefused: await throttle.failed(user: user, address: context.clientAddress)
        default: await throttle.succeeded(user: user, address: context.clientAddress)
        }
        switch outcome {
        case .released, .refused, .alreadyDecided:
            guard let latest = try await Blocking.run({ try installation.latestMonitoring() }) else { throw HTTPError(.internalServerError) }
            return JSONResponse.make(["monitoring": latest.record.id, "day": latest.record.releasedOn, "releases": latest.monitoring.releases])
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
