import Foundation

/// What the server keeps per browser, in memory only: who is signed in, the CSRF token, and
/// a receipt waiting to be shown once.
///
/// No answer is ever put here. The receipt code stays only between the POST that saved a response
/// and the one GET of the receipt page that shows it (POST-redirect-GET without the code in the URL).
public struct WebSession: Codable, Sendable {
    /// The signed-in user's name; nil for an anonymous visitor (login and withdrawal forms).
    public var userName: String?
    /// The synchroniser token every form of this session must send back.
    public var csrfToken: String
    /// The last request, for the idle timeout.
    public var lastSeen: Date
    /// When the session began, for its absolute lifetime and for "sign out everywhere".
    public var createdAt: Date
    /// The formatted receipt code of the response just saved, until its page has been shown.
    public var pendingReceipt: String?
    /// A one-time notice for the next page (e.g. "decline recorded").
    public var notice: Notice?

    public enum Notice: String, Codable, Sendable {
        case declineRecorded, userAdded, userDisabled, reportRequested, reportReleased, reportRefused, passwordChanged, monitoringReleased
    }

    public init(userName: String? = nil, now: Date = Date()) {
        self.userName = userName
        csrfToken = Self.newToken()
        lastSeen = now
        createdAt = now
    }

    /// 256 random bits, URL-safe base64 without padding.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
