import Hummingbird

/// Puts the security headers on every response, error pages included.
///
/// CSP allows only same-origin resources (no inline script or style), no framing and forms only to
/// this server. Everything but the stylesheet is `no-store`: pages carry receipt codes, user lists
/// and CSRF tokens that must not stay in a cache or the browser's history.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String { "default-src 'self'; frame-ancestors 'none'; form-action 'self'" }
    let strictTransportSecurity: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HeaderName.referrerPolicyHeader] = "no-referrer"
        response.headers[HeaderName.frameOptions] = "DENY"
        response.headers[HeaderName.openerPolicy] = "same-origin"
        response.headers[HeaderName.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
        if strictTransportSecurity {
            response.headers[.strictTransportSecurity] = "max-age=31536000"
        }
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
