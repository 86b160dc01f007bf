import Foundation
import Hummingbird

/// Refuses a form POST whose `_csrf` field does not match the session's synchroniser token (403).
///
/// A body that `FormBodyMiddleware` refused (wrong type, too large) carries no token that could be
/// read, so the request is refused with the body's status: a route that acts without reading fields
/// (disable a user, sign out) must never run on a cross-site `text/plain` post. Only groups whose
/// every POST handler reads ``FormSubmission/fields()`` first (which throws for a refused body) may
/// let the refusal through with `showsRefusedBody`, to show their form again with the message.
/// JSON API calls check the `X-CSRF-Token` header instead.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let fieldName = "_csrf"
    static let headerName = HeaderName.csrfToken
    var showsRefusedBody = false
    /// For the forms anyone may send: the form token of the request's cookie counts as well.
    var acceptsFormToken = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        switch context.form {
        case .fields(let fields):
            let sent = fields[Self.fieldName]
            let byCookie = acceptsFormToken && context.formTokenFromCookie && Self.matches(sent, context.formToken)
            guard Self.matches(sent, context.sessions.session?.csrfToken) || byCookie else { throw HTTPError(.forbidden) }
        case .refused(let error, let status):
            guard showsRefusedBody else { throw APIError(status: HTTPResponse.Status(code: status), error: error) }
        case nil:
            throw HTTPError(.forbidden)
        }
        return try await next(request, context)
    }

    /// Compares in time independent of where the strings differ.
    static func matches(_ sent: String?, _ expected: String?) -> Bool {
        guard let sent, let expected, !expected.isEmpty else { return false }
        let a = Array(sent.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// The same check for the JSON API: unsafe methods of a signed-in session need `X-CSRF-Token`.
struct CSRFHeaderMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head {
            guard CSRFMiddleware.matches(request.headers[CSRFMiddleware.headerName], context.sessions.session?.csrfToken) else {
                throw HTTPError(.forbidden, message: "missing or wrong X-CSRF-Token header")
            }
        }
        return try await next(request, context)
    }
}
