import Forms
import Hummingbird
import HummingbirdAuth
import Operations
import Store
import Vault

/// The API of report requests and released reports, with the roles of their pages.
///
/// | call | who |
/// | --- | --- |
/// | `GET /api/v1/report-requests`, `GET …/{id}` | integration, statistics |
/// | `POST /api/v1/report-requests` | integration |
/// | `POST …/{id}/release` (passphrase), `POST …/{id}/refuse` (reason) | statistics |
/// | `GET /api/v1/reports/{id}` (JSON), `GET …/{id}/csv?locale=de|en` | integration |
/// | `GET /api/v1/releases` (the ledger) | statistics |
///
/// A request carries no figure until it is released; the report calls answer 404 before that,
/// exactly like the pages. The release reads its body with ``PassphraseBodyMiddleware`` in JSON
/// form, so the passphrase never becomes a `String`.
struct ReportAPIRoutes {
    let services: AppServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let readers = api.group("report-requests").requiringAPI(anyOf { RolePolicy<User>(.integration); RolePolicy<User>(.statistics) })
        readers.get { _, _ in
            let installation = services.installation
            return JSONResponse.make(["requests": try await Blocking.run { try installation.requests() }.map(\.apiObject)])
        }
        readers.get("{id}") { _, context in JSONResponse.make(try StatisticsRoutes(services: services).found(context).apiObject) }

        api.group("report-requests").requiringAPI(RolePolicy<User>(.integration)).post { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["kind", "indicator", "by", "years"])
            let form = ReportRequestForm(kind: try body.string("kind", required: true), indicator: try body.string("indicator", required: true),
                                         by: try body.stringList("by", required: true), years: try body.string("years", required: false),
                                         groupingField: { _ in "by" })
            let installation = services.installation, user = context.identity!.name
            let new = try await Blocking.run { try installation.request(form, by: user) }
            return JSONResponse.make(new.apiObject, status: .created)
        }

        let statistics = api.group().requiringAPI(RolePolicy<User>(.statistics))
        statistics.post("report-requests/{id}/refuse") { request, context in
            let found = try StatisticsRoutes(services: services).found(context)
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["reason"])
            let reason = try body.string("reason", required: true)
            guard try await StatisticsRoutes(services: services).refuseByHand(found.id, reason: reason, user: context.identity!.name) else {
                throw Self.decided
            }
            return JSONResponse.make(try StatisticsRoutes(services: services).found(context).apiObject)
        }
        statistics.get("releases") { _, _ in
            JSONResponse.make(["releases": try await StatisticsRoutes(services: services).ledger()])
        }
        api.group("report-requests")
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(.statistics), context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
            .add(middleware: PassphraseBodyMiddleware(.json, maxBodySize: services.configuration.maxBodySize))
            .post("{id}/release") { _, context in try await release(context) }

        let integration = api.group("reports").requiringAPI(RolePolicy<User>(.integration))
        integration.get("{id}") { _, context in
            JSONResponse.text(try ReportRoutes(services: services).released(context).report.json())
        }
        integration.get("{id}/csv") { request, context in
            let released = try ReportRoutes(services: services).released(context)
            let language = try ReportRoutes.locale(request, default: .de)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: released.report.csv(locale: language.rawValue))))
        }
    }

    static let decided = APIError(status: .conflict, error: InputError(english: "the request has been decided already",
                                                                       german: "Über die Anfrage ist bereits entschieden."))

    /// Runs the release exactly as the page does; answers the request as it now stands.
    private func release(_ context: AppRequestContext) async throws -> Response {
        let statistics = StatisticsRoutes(services: services)
        let found = try statistics.found(context)
        if case .refused(let error, let status) = context.form {
            throw APIError(status: .init(code: status), error: error)
        }
        let unlock = try StatisticsRoutes.unlock(try context.form!.fields(), context, heldByKeyholders: services.installation.isHeldByKeyholders())
        let user = context.identity!.name, shared = services
        guard let outcome = try await StatisticsRoutes.attempt(found.id, unlock: unlock, user: user,
                                                               address: context.clientAddress, services: shared) else {
            throw APIError(status: .tooManyRequests, error: StatisticsRoutes.throttled)
        }
        switch outcome {
        case .released, .refused:
            return JSONResponse.make(try statistics.found(context).apiObject)
        case .alreadyDecided:
            throw Self.decided
        case .wrongPassphrase:
            let error = VaultError.wrongPassphrase
            throw InputError(field: "passphrase", english: error.english, german: error.german)
        case .unlockRefused(let error):
            throw APIError(status: .unprocessableContent, error: InputError(field: error.field, english: error.explanation.english,
                                                                             german: error.explanation.german))
        case .failed(let error):
            throw APIError(status: .unprocessableContent, error: error)
        }
    }
}

extension RouterGroup where Context == AppRequestContext {
    /// API routes for `policy`: 401 without a session, 403 for another role, and `X-CSRF-Token` on
    /// every unsafe call (``CSRFHeaderMiddleware``).
    func requiringAPI(_ policy: some AuthorizationPolicy<User>) -> RouterGroup<Context> {
        add(middleware: AuthorizationPolicyMiddleware(policy, context: Context.self))
            .add(middleware: CSRFHeaderMiddleware())
    }
}
