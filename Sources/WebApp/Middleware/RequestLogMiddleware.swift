import Hummingbird
import Logging

/// Logs one line per request: method, the matched route pattern, status and duration.
///
/// Never the path as sent, never the query, never a body, never a cookie: a receipt code, an answer
/// or a user name must not reach a log, so the line names the route (`/admin/users/{name}/disable`)
/// and an unmatched path as `{unmatched}`. Requests of the entry and withdrawal routes are not
/// logged at all (a server error only, without its route): a line per questionnaire, to the second,
/// with `/decline` or not, would tell anyone who knows the onboarding calendar who declined.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(context, request, response.status.code, start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(context, request, status, start)
            throw error
        }
    }

    private func log(_ context: Context, _ request: Request, _ status: Int, _ start: ContinuousClock.Instant) {
        let route = Self.route(context.endpointPath)
        if Self.isQuiet(route) {
            if status >= 500 { context.logger.error("entry or withdrawal route: server error") }
            return
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        context.logger.info("\(request.method) \(route) \(status) \(milliseconds)ms")
    }

    /// The matched route pattern with a leading slash and `{name}` parameters, `{unmatched}` for
    /// none (the router names that `NotFound`).
    static func route(_ endpoint: String?) -> String {
        guard let endpoint, !endpoint.isEmpty, endpoint != "NotFound" else { return "{unmatched}" }
        let segments = endpoint.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
        return "/" + segments.joined(separator: "/")
    }

    /// Entry (answers and declines alike), the receipt page, withdrawal, the survey and the entry of
    /// returned paper forms (an answer and a decline must not be told apart by their routes).
    static func isQuiet(_ route: String) -> Bool {
        route == "/entry" || route.hasPrefix("/entry/") || route == "/withdraw" || route == "/survey" || route.hasPrefix("/survey/")
            || route == "/statistics/paper/entry" || route.hasPrefix("/statistics/paper/entry/")
            || ["/api/v1/entries", "/api/v1/declines", "/api/v1/withdrawals", "/api/v1/paper-entries"].contains(route)
    }
}
