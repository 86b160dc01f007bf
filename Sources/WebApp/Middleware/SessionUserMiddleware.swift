import Store
import Foundation
import Hummingbird

/// Turns the session into an identity: ends idle, too old and revoked sessions, refreshes the others, and sets
/// `context.identity` to the signed-in user while that user is still active.
///
/// Runs after hummingbird-auth's `SessionMiddleware`, which loads and saves the session itself.
/// A disabled or deleted user loses the session at the next request.
struct SessionUserMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let users: UserStore
    let idleTimeout: Duration
    /// However busy, a session ends this long after it began: a stolen cookie does not live for ever.
    let absoluteLifetime: Duration
    let epochs: SessionEpochs

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if var session = context.sessions.session {
            let now = Date()
            let ended = now.timeIntervalSince(session.lastSeen) > Self.seconds(idleTimeout)
                || now.timeIntervalSince(session.createdAt) > Self.seconds(absoluteLifetime)
                || !epochs.isCurrent(user: session.userName ?? "", createdAt: session.createdAt)
            if ended {
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

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
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
