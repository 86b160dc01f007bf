import Hummingbird

/// Chooses the page language: `?lang=en|de` (then remembered in a cookie), else the cookie, else German.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "lang"
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let chosen = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
        if let chosen {
            context.language = chosen
        } else if let remembered = request.cookies[Self.cookieName].flatMap({ Language(rawValue: $0.value) }) {
            context.language = remembered
        }
        var response = try await next(request, context)
        if let chosen {
            let cookie = Cookie(name: Self.cookieName, value: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                secure: secureCookies, httpOnly: true, sameSite: .strict)
            response.headers[values: .setCookie].append(cookie.description)
        }
        return response
    }
}
