import Hummingbird

/// The CSRF token of the forms anyone may send (sign-in, withdrawal), kept in a cookie instead of
/// a server-side session: the page puts the same token in the form, the POST must bring both.
///
/// A session per visit of `/login` or `/withdraw` cost memory on the server for every request of
/// anyone; a cookie costs nothing there. The cookie is `HttpOnly` and `SameSite=Strict` (and
/// `__Host-` behind TLS), so another site can neither read it nor have the browser send it.
enum FormToken {
    static func cookieName(secure: Bool) -> String { secure ? "__Host-vielfalt_form" : "vielfalt_form" }

    /// The request's form token, if its cookie holds one of the shape ``WebSession/newToken()`` makes.
    static func read(_ request: Request, secure: Bool) -> String? {
        guard let value = request.cookies[cookieName(secure: secure)]?.value, value.utf8.count == 43,
              value.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        return value
    }

    static func cookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName(secure: secure), value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
