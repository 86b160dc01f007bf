import Hummingbird

/// Gives every request the form token of its cookie, or a new one; a page served to a visitor
/// without a session sets the new one as a cookie (see ``FormToken``). Nothing is kept on the server.
struct FormTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = FormToken.read(request, secure: secureCookies) {
            context.formToken = token
            context.formTokenFromCookie = true
            return try await next(request, context)
        }
        let token = WebSession.newToken()
        context.formToken = token
        var response = try await next(request, context)
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[values: .setCookie].append(FormToken.cookie(token, secure: secureCookies).description)
        }
        return response
    }
}
