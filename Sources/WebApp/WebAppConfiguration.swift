import Foundation
import Vault

/// Everything `buildApplication(configuration:)` needs: where the data and forms are, where to listen,
/// and the few security settings an operator may change.
public struct WebAppConfiguration: Sendable {
    /// Directory of `vielfalt.sqlite` and `users.sqlite`.
    public var dataDirectory: URL
    /// Directory of `keystore.sqlite`; nil for the default beside the data (`<data>-keys`).
    public var keysDirectory: URL?
    /// Directory of the form definitions and `units.yaml`.
    public var formsDirectory: URL
    /// Directory of `retention.yaml`, `processing.yaml` and `disclosure.yaml` (read at each use, so
    /// that the admin's policy check and the next release or audit see the file as it is now).
    public var policyDirectory: URL
    /// Directory of the report definitions and `reference.yaml`.
    public var reportsDirectory: URL
    public var host: String
    public var port: Int
    /// Set when a TLS reverse proxy sits in front: cookies get `Secure`, responses get HSTS.
    public var secureCookies: Bool
    /// Take the client address from the last `X-Forwarded-For` entry (only behind a proxy you run).
    public var trustForwardedFor: Bool
    /// The proxy addresses whose `X-Forwarded-For` counts; from any other peer the header is ignored,
    /// so a client that reaches the server directly cannot choose its own throttling key.
    public var trustedProxies: Set<String>
    /// An HTTP connection that sends nothing for this long is closed (slowloris).
    public var connectionIdleTimeout: Duration
    /// A session ends after this long without a request (ASVS 3.3.2).
    public var idleTimeout: Duration
    /// A session ends this long after sign-in, however busy (ASVS 3.3.2).
    public var absoluteSessionLifetime: Duration
    /// The most sessions held at once; sign-ins beyond it are refused (503) until some expire.
    public var maximumSessions: Int
    /// Largest request body accepted, in bytes.
    public var maxBodySize: Int
    /// Every withdrawal answer takes at least this long, known or unknown code alike.
    public var withdrawalMinimumDuration: Duration
    /// Withdrawal attempts per client address and window.
    public var withdrawalLimit: RateLimit
    /// Failed logins allowed per user or address before backoff starts.
    public var loginFailuresBeforeBackoff: Int
    /// The first wait after the free failures; each further failure doubles it (at most 15 minutes).
    /// Tests lengthen it so that a slow machine cannot outwait it between two requests.
    public var loginBackoffBase: Duration = .seconds(2)
    /// Argon2id strength for passwords set through the web application.
    public var passwordStrength: PasswordHashStrength

    public struct RateLimit: Sendable {
        public var attempts: Int
        public var window: Duration
        public init(attempts: Int, window: Duration) {
            self.attempts = attempts
            self.window = window
        }
    }

    public init(dataDirectory: URL, keysDirectory: URL? = nil, formsDirectory: URL,
                policyDirectory: URL = URL(fileURLWithPath: "policy"), reportsDirectory: URL = URL(fileURLWithPath: "reports"),
                host: String = "127.0.0.1", port: Int = 8080,
                secureCookies: Bool = false, trustForwardedFor: Bool = false, trustedProxies: Set<String> = ["127.0.0.1", "::1"],
                connectionIdleTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(30 * 60),
                absoluteSessionLifetime: Duration = .seconds(8 * 3600), maximumSessions: Int = 10_000,
                maxBodySize: Int = 64 * 1024, withdrawalMinimumDuration: Duration = .milliseconds(750),
                withdrawalLimit: RateLimit = RateLimit(attempts: 10, window: .seconds(10 * 60)),
                loginFailuresBeforeBackoff: Int = 3, passwordStrength: PasswordHashStrength = .interactive) {
        self.dataDirectory = dataDirectory
        self.keysDirectory = keysDirectory
        self.formsDirectory = formsDirectory
        self.policyDirectory = policyDirectory
        self.reportsDirectory = reportsDirectory
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.trustedProxies = trustedProxies
        self.connectionIdleTimeout = connectionIdleTimeout
        self.idleTimeout = idleTimeout
        self.absoluteSessionLifetime = absoluteSessionLifetime
        self.maximumSessions = maximumSessions
        self.maxBodySize = maxBodySize
        self.withdrawalMinimumDuration = withdrawalMinimumDuration
        self.withdrawalLimit = withdrawalLimit
        self.loginFailuresBeforeBackoff = loginFailuresBeforeBackoff
        self.passwordStrength = passwordStrength
    }

    /// The address to print: `http://host:port/`.
    public var url: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)/"
    }
}
