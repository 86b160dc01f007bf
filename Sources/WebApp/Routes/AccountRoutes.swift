import Forms
import Foundation
import Hummingbird
import Operations
import HummingbirdAuth
import Store
import Vault

/// Every signed-in user's own password, and the admin's "sign out everywhere" (ASVS 3.3).
///
/// | route | who |
/// | --- | --- |
/// | `GET, POST /account/password` | every role |
/// | `POST /admin/sessions/end-all` | `admin` |
/// | `POST /api/v1/session/password` (`{"current", "new"}`) | every role |
/// | `POST /api/v1/sessions/end-all` | `admin` |
///
/// A password change ends the user's other sessions and gives this one a new id; "sign out
/// everywhere" ends every session, the admin's own included. Both are written to the audit log.
struct AccountRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let pages = router.group("account")
            .add(middleware: LoginRequiredMiddleware())
            .add(middleware: FormBodyMiddleware(maxBodySize: services.configuration.maxBodySize))
            .add(middleware: CSRFMiddleware())
        pages.get("password") { request, context in
            var values: [String: Any] = [:]
            if context.takeNotice() == .passwordChanged { values["notice"] = Strings.text("password_changed", context.language) }
            return services.pages.page("password", values, request: request, context: context)
        }
        pages.post("password") { request, context in
            let fields = try context.form!.fields()
            do {
                guard fields["new_password"] == fields["new_password_repeat"] else {
                    throw InputError(field: "new_password_repeat", english: Strings.text("password_mismatch", .en),
                                     german: Strings.text("password_mismatch", .de))
                }
                try await change(context, current: fields["current_password"] ?? "", new: fields["new_password"] ?? "")
                await services.discardSession(of: request)
                var session = WebSession(userName: context.identity!.name)
                session.notice = .passwordChanged
                context.sessions.createSession(session, expiresIn: nil)
                return Response.redirect(to: "/account/password", type: .normal)
            } catch let error as InputError {
                let message = context.message(error)
                return services.pages.page("password", ["hasErrors": true, "errors": [["anchor": error.field ?? "", "label": Strings.text(error.field ?? "password", context.language), "message": message]]],
                                           request: request, context: context, status: .unprocessableContent)
            }
        }
        router.group("admin").requiring(.admin, maxBodySize: services.configuration.maxBodySize)
            .post("sessions/end-all") { _, context in
                try await endAll(context)
                return Response.redirect(to: "/login?out=1", type: .normal)
            }

        let api = router.group("api/v1")
        api.group("session").requiringAPI(ClosureAuthorizationPolicy<User> { _, _ in true }).post("password") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["current", "new"])
            let current = try body.string("current", required: true) ?? "", new = try body.string("new", required: true) ?? ""
            do { try await change(context, current: current, new: new) } catch let error as InputError where error.field == "current_password" {
                // A well-formed call with a credential that does not match: refused like a wrong token.
                throw APIError(status: .forbidden, error: InputError(field: "current", english: error.english, german: error.german))
            }
            await services.discardSession(of: request)
            let session = WebSession(userName: context.identity!.name)
            context.sessions.createSession(session, expiresIn: nil)
            return JSONResponse.make(["status": "changed", "csrfToken": session.csrfToken])
        }
        api.group("sessions").requiringAPI(RolePolicy<User>(.admin)).post("end-all") { _, context in
            try await endAll(context)
            return Response(status: .noContent)
        }
    }

    /// Checks and sets the password (Argon2id, through the sign-in's gate), then ends the user's other sessions.
    private func change(_ context: AppRequestContext, current: String, new: String) async throws {
        let user = context.identity!.name
        let lengths = UserStore.passwordLengths
        guard current.utf8.count <= lengths.upperBound, let currentPassword = try? Password(current) else {
            throw InputError(field: "current_password", english: "the current password is wrong", german: "Das bisherige Passwort ist falsch.")
        }
        guard new.utf8.count <= lengths.upperBound, let newPassword = try? Password(new) else {
            throw InputError(field: "new_password", english: "the password must have 12 to 128 characters",
                             german: "Das Passwort muss 12 bis 128 Zeichen lang sein.")
        }
        let installation = services.installation, identity = context.identity!
        guard try await services.passwordGate.run({ try installation.changePassword(of: identity, current: currentPassword, new: newPassword) })
                != nil else {
            throw APIError(status: .tooManyRequests, error: InputError(english: Strings.text("error_429", .en), german: Strings.text("error_429", .de)))
        }
        services.sessionEpochs.endSessions(of: user)
    }

    private func endAll(_ context: AppRequestContext) async throws {
        services.sessionEpochs.endAll()
        context.sessions.clearSession()
        try await services.auditEvent("all sessions ended", actor: Actor(role: Role.admin.rawValue, user: context.identity!.name))
    }
}
