import Hummingbird
import HummingbirdAuth
import NIOCore
import Store
import Vault

/// The request context of every route: identity and session for hummingbird-auth, the page
/// language, the client address, and the parsed form body once `FormBodyMiddleware` has read it.
public struct AppRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: User?
    public let sessions: SessionContext<WebSession>
    /// `de` unless the visitor chose English (`?lang=en`, then remembered in a cookie).
    public var language: Language = .de
    /// The socket's peer address; `ClientAddressMiddleware` may replace it with the proxy's view.
    public var clientAddress: String
    /// The socket's peer address as it is, nil without a socket (tests driving the router).
    public let peerAddress: String?
    /// The urlencoded body of a POST, or why it was refused.
    public var form: FormSubmission?
    /// The keystore passphrase of a release POST, read by `PassphraseBodyMiddleware` for this one
    /// request (wiped memory; never stored, logged or put into the session).
    var secret: Passphrase?
    /// The second keyholder's passphrase of a two-person release, read and held like ``secret``.
    var secondSecret: Passphrase?
    /// The CSRF token for the forms of a visitor without a session (``FormToken``): the cookie's,
    /// or a new one that the response sets.
    public var formToken: String?
    /// Whether ``formToken`` came with the request (only then can it vouch for a POST).
    public var formTokenFromCookie = false
    /// On a device HR opened as a kiosk (``KioskMiddleware``): only the survey, nothing else shown.
    public var kiosk = false
    /// Set when the session just ended by the idle timeout, so the login page can say so.
    public var sessionExpired = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        peerAddress = source.channel.remoteAddress?.ipAddress
        clientAddress = peerAddress ?? "unknown"
    }

    /// Bodies are read through `collectBody(upTo:)` with the configured limit; this is the backstop.
    public var maxUploadSize: Int { 64 * 1024 }
}

/// The two languages of every page: German first, English second.
public enum Language: String, Sendable, CaseIterable {
    case de, en

    /// The other language, for the switch link on every page.
    public var other: Language { self == .de ? .en : .de }
}

/// A header name; `HTTPField` itself is not re-exported by Hummingbird.
typealias HeaderName = HTTPFields.Element.Name

extension HeaderName {
    static let csrfToken = HeaderName("X-CSRF-Token")!
    static let forwardedFor = HeaderName("X-Forwarded-For")!
    static let referrerPolicyHeader = HeaderName("Referrer-Policy")!
    static let frameOptions = HeaderName("X-Frame-Options")!
    static let openerPolicy = HeaderName("Cross-Origin-Opener-Policy")!
    static let permissionsPolicy = HeaderName("Permissions-Policy")!
}
