import Forms
import Foundation
import Hummingbird
import Operations
import HummingbirdAuth
import Store
import Vault

/// The JSON API under `/api/v1`: the same actions as the pages, the same role checks.
///
/// This file holds sign-in, entry, decline and withdrawal; report requests, releases and the
/// ledger are in ``ReportAPIRoutes``, the audit and purge in ``AuditAPIRoutes``, users, units,
/// policy check and forms in ``AdminAPIRoutes``.
///
/// Sign in with `POST /api/v1/session` (JSON name and password); the answer sets the session
/// cookie and returns the CSRF token, which every later unsafe call sends as `X-CSRF-Token`.
/// Withdrawal needs no sign-in, like its page. Bodies are JSON only, at most 64 KiB; unknown keys
/// are refused by name. Described in `/api/v1/openapi.yaml` (``OpenAPIDocument``).
struct APIRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: services.openAPIDocument)))
        }
        api.post("session") { request, context in try await signIn(request, context) }
        api.post("withdrawals") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["receipt"])
            let code = try body.string("receipt", required: true)
            switch await WithdrawalRoutes(services: services).withdraw(code: code, address: context.clientAddress, by: context.withdrawer) {
            case .processed:
                return JSONResponse.make(["status": "processed", "en": Strings.text("withdraw_done", .en), "de": Strings.text("withdraw_done", .de)])
            case .limited:
                throw APIError(status: .tooManyRequests, error: InputError(english: Strings.text("withdraw_limited", .en), german: Strings.text("withdraw_limited", .de)))
            case .invalid(let error):
                // The page's field is `code`; the API's key is `receipt`.
                throw APIError(status: .badRequest, error: InputError(field: "receipt", english: error.english, german: error.german))
            }
        }

        let signedIn = api.group()
            .add(middleware: AuthorizationPolicyMiddleware(ClosureAuthorizationPolicy<User> { _, _ in true }, context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
        signedIn.delete("session") { _, context in
            context.sessions.clearSession()
            return Response(status: .noContent)
        }

        let hr = api.group()
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(.hr), context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
        hr.post("entries") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize,
                                               allowed: ["form", "version", "consent", "context", "answers"])
            guard try body.bool("consent") == true else {
                throw InputError(field: "consent", english: "consent must be true", german: "Die Einwilligung muss true sein.")
            }
            let raw = RawEntry(form: try body.string("form", required: true)!, version: try body.int("version"),
                               context: try body.strings("context"), answers: try body.strings("answers", required: false))
            let installation = services.installation, clerk = Actor(role: Role.hr.rawValue, user: context.identity!.name)
            let code = try await Blocking.run { try installation.enter(raw, by: clerk) }
            return JSONResponse.make(["receipt": code.formatted], status: .created)
        }
        hr.post("declines") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["form", "version", "context"])
            let raw = RawEntry(form: try body.string("form", required: true)!, version: try body.int("version"),
                               context: try body.strings("context"), answers: [:])
            let installation = services.installation, clerk = Actor(role: Role.hr.rawValue, user: context.identity!.name)
            try await Blocking.run { try installation.decline(raw, by: clerk) }
            return JSONResponse.make(["status": "recorded"], status: .created)
        }
        InvitationAPIRoutes(services: services).register(on: api)
        PaperAPIRoutes(services: services).register(on: api)
        ReportAPIRoutes(services: services).register(on: api)
        MonitoringAPIRoutes(services: services).register(on: api)
        AuditAPIRoutes(services: services).register(on: api)
        AdminAPIRoutes(services: services).register(on: api)
    }

    func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["name", "password"])
        let name = (try body.string("name", required: true) ?? "").lowercased()
        let passwordText = try body.string("password", required: true) ?? ""
        if let user = try await services.signIn(name: name, password: passwordText, address: context.clientAddress) {
            await services.discardSession(of: request)
            let session = WebSession(userName: user.name)
            context.sessions.createSession(session, expiresIn: nil)
            return JSONResponse.make(["user": user.name, "role": user.role.rawValue, "csrfToken": session.csrfToken])
        }
        throw APIError(status: .unauthorized, error: InputError(english: Strings.text("login_failed", .en), german: Strings.text("login_failed", .de)))
    }
}
