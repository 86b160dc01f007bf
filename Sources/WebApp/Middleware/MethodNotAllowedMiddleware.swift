import Hummingbird

/// Answers a request whose path exists with another method by 405 and `Allow` (RFC 9110 15.5.6),
/// where the router alone answers 404: a client must be able to tell "no such resource" from "not
/// with this method", and the OpenAPI contract test holds the server to it. (The router marks a
/// request no route matched with the endpoint path `NotFound`; a handler's own 404 keeps its route.)
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let table: MethodTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && [nil, "NotFound"].contains(context.endpointPath) {
            let allowed = table.methods(for: request.uri.path)
            guard !allowed.isEmpty else { throw error }
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.joined(separator: ", ")])
        }
    }
}

/// The registered routes' path patterns and methods, filled once the routes are registered.
final class MethodTable: @unchecked Sendable {
    // Written once in `makeRouter` before the server starts, read only afterwards.
    private var patterns: [(segments: [Substring], method: String)] = []

    func fill(_ routes: [(method: String, path: String)]) {
        patterns = routes.map { (Self.segments($0.path), $0.method) }
    }

    /// The methods registered for a path, in a fixed order; empty when no pattern matches it.
    func methods(for path: String) -> [String] {
        let parts = Self.segments(path)
        let found = Set(patterns.filter { pattern in
            pattern.segments.count == parts.count && zip(pattern.segments, parts).allSatisfy { p, s in
                p == s || p.hasPrefix("{") || p.hasPrefix(":")
            }
        }.map(\.method))
        return ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].filter { found.contains($0) || ($0 == "HEAD" && found.contains("GET")) }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
