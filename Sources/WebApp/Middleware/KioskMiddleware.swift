import Hummingbird

/// On a device HR opened as a kiosk, only the survey is served: every other page redirects to
/// `/survey`, and the pages show no sign-in, navigation or account. Signing in on the device (HR's
/// way to end kiosk mode) closes the kiosk and clears its cookie.
struct KioskMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let kiosks: KioskRegistry
    let secureCookies: Bool
    /// The survey, its stylesheet, and the sign-in that ends kiosk mode.
    static let served: Set<String> = ["/survey", "/survey/answer", "/survey/decline", "/static/style.css", KioskScript.path, "/login"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = request.cookies[KioskCookie.name(secure: secureCookies)]?.value, await kiosks.isOpen(token) else {
            return try await next(request, context)
        }
        if context.identity != nil {
            await kiosks.close(token)
            var response = try await next(request, context)
            response.headers[values: .setCookie].append(KioskCookie.cleared(secure: secureCookies).description)
            return response
        }
        guard Self.served.contains(request.uri.path) else { return Response.redirect(to: "/survey", type: .normal) }
        var context = context
        context.kiosk = true
        return try await next(request, context)
    }
}
