import Hummingbird
import Logging

/// Logs one line per request: method, path without query string, status and duration.
///
/// Never the query, never a body, never a cookie: a receipt code or an answer must not reach a log.
/// Paths hold no personal data either (user names appear only in admin POST paths and are logged
/// as the route pattern instead).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = Self.loggablePath(request.uri.path)
        do {
            let response = try await next(request, context)
            log(context, request, path, response.status.code, start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(context, request, path, status, start)
            throw error
        }
    }

    private func log(_ context: Context, _ request: Request, _ path: String, _ status: Int, _ start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        context.logger.info("\(request.method) \(path) \(status) \(milliseconds)ms")
    }

    /// `/admin/users/NAME/disable` → `/admin/users/{name}/disable`, the same under `/api/v1/users`;
    /// other paths as they are.
    static func loggablePath(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 5, parts[1] == "admin", parts[2] == "users" { return "/admin/users/{name}/\(parts[4])" }
        if parts.count == 6, parts[1] == "api", parts[2] == "v1", parts[3] == "users" { return "/api/v1/users/{name}/\(parts[5])" }
        return String(path.prefix(200))
    }
}
