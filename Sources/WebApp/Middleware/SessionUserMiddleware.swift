import Foundation
import Hummingbird

/// Turns the session into an identity: ends idle sessions, refreshes the others, and sets
/// `context.identity` to the signed-in user while that user is still active.
///
/// Runs after hummingbird-auth's `SessionMiddleware`, which loads and saves the session itself.
/// A disabled or deleted user loses the session at the next request.
struct SessionUserMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let users: UserStore
    let idleTimeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if var session = context.sessions.session {
            let now = Date()
            let idle = Double(idleTimeout.components.seconds) + Double(idleTimeout.components.attoseconds) * 1e-18
            if now.timeIntervalSince(session.lastSeen) > idle {
                context.sessions.clearSession()
                context.sessionExpired = session.userName != nil
            } else if let name = session.userName {
                if let user = try users.activeUser(named: name) {
                    context.identity = user
                    session.lastSeen = now
                    _ = context.sessions.updateSession(session, expiresIn: idleTimeout)
                } else {
                    context.sessions.clearSession()
                }
            } else {
                session.lastSeen = now
                _ = context.sessions.updateSession(session, expiresIn: idleTimeout)
            }
        }
        return try await next(request, context)
    }
}

/// Sends anonymous visitors of a page that needs a login to `/login` (303); signed-in users pass on
/// to the role policy, which answers 403 for a wrong role.
struct LoginRequiredMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity != nil else {
            return Response.redirect(to: context.sessionExpired ? "/login?expired=1" : "/login", type: .normal)
        }
        return try await next(request, context)
    }
}
