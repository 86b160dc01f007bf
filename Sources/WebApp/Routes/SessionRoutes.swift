import Foundation
import Hummingbird
import Store
import Vault

/// Home page, sign-in, sign-out and the stylesheet: open to everyone.
struct SessionRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context in
            // The integration office starts on its dashboard: where the goals stand.
            if context.identity?.role == .integration, !context.kiosk { return Response.redirect(to: "/monitoring", type: .normal) }
            return services.pages.page("home", [:], request: request, context: context)
        }
        router.get("/static/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get(RouterPath(KioskScript.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: KioskScript.javascript)))
        }
        router.get("/login") { request, context in
            var values: [String: Any] = [:]
            if context.sessionExpired || request.uri.queryParameters.get("expired") != nil { values["expired"] = true }
            if request.uri.queryParameters.get("out") != nil { values["signedOut"] = true }
            return services.pages.page("login", values, request: request, context: context)
        }
        let forms = router.group().publicForms(maxBodySize: services.configuration.maxBodySize)
        forms.post("/login") { request, context in try await login(request, context) }
        forms.post("/logout") { _, context in
            context.sessions.clearSession()
            return Response.redirect(to: "/login?out=1", type: .normal)
        }
    }

    /// Checks name and password after the throttle allows it; success renews the session id.
    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = try context.form!.fields()
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let passwordText = fields["password"] ?? ""
        if let user = try await services.signIn(name: name, password: passwordText, address: context.clientAddress) {
            await services.discardSession(of: request)
            context.sessions.createSession(WebSession(userName: user.name), expiresIn: nil)
            return Response.redirect(to: "/", type: .normal)
        }
        return services.pages.page("login", ["failed": true, "name": String(name.prefix(64))], request: request, context: context,
                                   status: .unauthorized)
    }
}
