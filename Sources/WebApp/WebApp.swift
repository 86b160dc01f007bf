/// The web application of Vielfalt: sessions, roles, CSRF, pages and the JSON API.
///
/// ``buildApplication(configuration:logger:)`` opens the store for entry (write-only: no secret
/// that decrypts is ever loaded), the user database and the forms, and wires the middleware and
/// route files. Every route is declared in one route file per area and carries its role policy:
///
/// | file | paths | who |
/// | --- | --- | --- |
/// | `SessionRoutes` | `/`, `/login`, `/logout`, `/static/style.css`, `/static/kiosk.js` | everyone |
/// | `HealthRoutes` | `/health/live`, `/health/ready` | everyone (monitoring; nothing but the state) |
/// | `WithdrawalRoutes` | `/withdraw` | everyone, no login (respondents) |
/// | `SurveyRoutes` | `/survey…` (invitation code, questionnaire, receipt) | everyone, no login (respondents) |
/// | `EntryRoutes` | `/entry…` | `hr` |
/// | `InvitationRoutes` | `/invitations…` (issue, print letters, counts) | `hr` |
/// | `AdminRoutes` | `/admin/…` (users, units, forms, policy check) | `admin` |
/// | `ReportRoutes` | `/reports…` (request, status, released reports, CSV/JSON) | `integration` |
/// | `MonitoringRoutes` | `/monitoring…` (dashboard, printable report, CSV/JSON, underlying releases) | `integration` |
/// | `StatisticsRoutes` | `/statistics/…` (queue, release with the passphrase, ledger) | `statistics` |
/// | `PaperRoutes` | `/statistics/paper…` (print paper questionnaires, enter returned ones), `/static/paper.css` | `statistics` |
/// | `AuditRoutes` | `/audit…` (audit, log verification, purge dry-run and purge) | `dpo` |
/// | `APIRoutes` | `/api/v1/…` | as the pages |
///
/// A route file takes a `router.group(...)` of its own with `requiring(role, ...)`, adds its
/// templates to `Templates.all`, its texts to `Strings.entries`, its links to `Navigation.links`,
/// and every route to `RouteMatrixTests.routes` with the exact set of roles allowed.
///
/// Routes only translate: every use case is a method of the one `Installation` (module
/// Operations) opened at start, which the command line calls too. Policy files are read at each use
/// from ``WebAppConfiguration/policyDirectory``, so a broken file shows as an error on the page that
/// needs it (and on the admin's policy check) instead of stopping the server.
///
/// ## Behind a TLS reverse proxy
///
/// Run `vielfalt serve --host 127.0.0.1 --port 8080 --behind-tls-proxy` and let the proxy terminate
/// TLS on the same machine. The flag makes the session cookie `__Host-vielfalt; Secure`, adds HSTS,
/// and takes the client address for throttling from the last `X-Forwarded-For` entry of requests
/// from ``WebAppConfiguration/trustedProxies`` (loopback by default), so the proxy must set that
/// header itself. With nginx:
///
/// ```
/// server {
///     listen 443 ssl;
///     server_name vielfalt.intranet.example;
///     ssl_certificate     /etc/ssl/vielfalt.crt;
///     ssl_certificate_key /etc/ssl/vielfalt.key;
///     client_max_body_size 64k;
///     access_log off;                      # or a format without $request_uri's query
///     location / {
///         proxy_pass http://127.0.0.1:8080;
///         proxy_set_header Host $host;
///         proxy_set_header X-Forwarded-For $remote_addr;   # replace, never append client input
///     }
/// }
/// ```
///
/// ## Topics
/// - ``WebAppConfiguration``
/// - ``UserStore``, ``Role``, ``User``
/// - ``AppRequestContext``, ``WebSession``
import Foundation
import Forms
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import Logging
import Operations
import Store

/// Builds the application; `run()` it, or drive it with HummingbirdTesting's `.router` client.
/// Pass the `installation` when the caller has opened it already: one per process.
public func buildApplication(configuration: WebAppConfiguration, installation: Installation? = nil,
                             logger: Logger? = nil) throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "vielfalt.web")
    if logger.logLevel > .info { logger.logLevel = .info }
    let services = try AppServices(configuration: configuration, installation: installation, logger: logger)
    let router = makeRouter(services)
    for note in services.translations.fallbackNotes { logger.warning("\(note)") }
    logger.info("web application started", metadata: [
        "operation": "start", "host": .string(configuration.host), "port": .stringConvertible(configuration.port),
        "behind_tls_proxy": .stringConvertible(configuration.secureCookies), "forms": .stringConvertible(services.catalog.forms.forms.count),
    ])
    let idle = configuration.connectionIdleTimeout.components
    let server = HTTPServerBuilder.http1(configuration: .init(idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000)))
    return Application(router: router, server: server,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                            serverName: nil),
                       services: [services.sessionStore],
                       logger: logger)
}

/// Builds the application, calls `ready` (to print the address), then serves until SIGINT or SIGTERM.
///
/// For the command line, which need not know Hummingbird.
public func runApplication(configuration: WebAppConfiguration, installation: Installation? = nil,
                           ready: @Sendable () -> Void) async throws {
    let app = try buildApplication(configuration: configuration, installation: installation)
    ready()
    try await app.runService()
}

/// The shared state of all routes, built once at start: the installation (every use case) and
/// what only the web needs (sessions, throttles, pages).
struct AppServices: Sendable {
    let configuration: WebAppConfiguration
    let installation: Installation
    /// The forms, loaded at start: a broken form file stops the start with its name.
    let catalog: Catalog
    /// Further languages of the survey pages; a broken translation file stops the start with its name.
    let translations: SurveyTranslations
    let users: UserStore
    let pages: PageRenderer
    let loginThrottle: LoginThrottle
    /// Wrong release passphrases, per statistics user and address, with the sign-in's backoff.
    let passphraseThrottle: LoginThrottle
    /// Bounds the Argon2id runs of sign-ins (64 MiB each) to the machine's cores.
    let passwordGate: WorkGate
    let sessionEpochs = SessionEpochs()
    /// `/api/v1/openapi.yaml`, with the schemas of the loaded forms.
    let openAPIDocument: String
    let withdrawalLimiter: RateLimiter
    /// Attempts at invitation codes, per address, limited as withdrawals are.
    let surveyLimiter: RateLimiter
    let kiosks = KioskRegistry()
    let sessionStore: BoundedSessionStore
    let sessionCookieName: String
    static let sessionKeyPrefix = "session."

    init(configuration: WebAppConfiguration, installation: Installation? = nil, logger: Logger = Logger(label: "vielfalt")) throws {
        self.configuration = configuration
        let directories = Installation.Directories(data: configuration.dataDirectory, keys: configuration.keysDirectory,
                                                   forms: configuration.formsDirectory, policy: configuration.policyDirectory,
                                                   reports: configuration.reportsDirectory)
        self.installation = try installation ?? Installation.open(directories, passwordStrength: configuration.passwordStrength, logger: logger)
        catalog = try self.installation.catalog
        users = try self.installation.users
        translations = try SurveyTranslations.load(formsDirectory: configuration.formsDirectory, forms: catalog.current)
        openAPIDocument = OpenAPIDocument.yaml(for: catalog)
        pages = try PageRenderer()
        loginThrottle = LoginThrottle(freeFailures: configuration.loginFailuresBeforeBackoff, base: configuration.loginBackoffBase)
        passphraseThrottle = LoginThrottle(freeFailures: configuration.loginFailuresBeforeBackoff, base: configuration.loginBackoffBase)
        passwordGate = WorkGate(limit: max(1, ProcessInfo.processInfo.activeProcessorCount), maximumWaiting: 32)
        withdrawalLimiter = RateLimiter(attempts: configuration.withdrawalLimit.attempts, window: configuration.withdrawalLimit.window)
        surveyLimiter = RateLimiter(attempts: configuration.withdrawalLimit.attempts, window: configuration.withdrawalLimit.window)
        sessionStore = BoundedSessionStore(limit: configuration.maximumSessions)
        // The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain.
        sessionCookieName = configuration.secureCookies ? "__Host-vielfalt" : "vielfalt_session"
    }

    /// Removes the request's current session from storage (before a new one is made at login).
    func discardSession(of request: Request) async {
        guard let id = request.cookies[sessionCookieName]?.value else { return }
        try? await sessionStore.remove(key: Self.sessionKeyPrefix + id)
    }
}

/// The router with the middleware every request passes, outermost first, and all route files.
func makeRouter(_ services: AppServices) -> Router<AppRequestContext> {
    let configuration = services.configuration
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: configuration.secureCookies))
    if configuration.trustForwardedFor { router.add(middleware: ClientAddressMiddleware(trusted: configuration.trustedProxies)) }
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: LanguageMiddleware(secureCookies: configuration.secureCookies))
    router.add(middleware: FormTokenMiddleware(secureCookies: configuration.secureCookies))
    router.add(middleware: ErrorPageMiddleware(pages: services.pages))
    let methods = MethodTable()
    router.add(middleware: MethodNotAllowedMiddleware(table: methods))
    router.add(middleware: SessionMiddleware(
        storage: services.sessionStore,
        configuration: .init(sessionCookieParameters: .init(name: services.sessionCookieName, path: "/",
                                                            secure: configuration.secureCookies, sameSite: .strict),
                             keyPrefix: AppServices.sessionKeyPrefix,
                             defaultSessionExpiration: configuration.idleTimeout)))
    router.add(middleware: SessionUserMiddleware(users: services.users, idleTimeout: configuration.idleTimeout,
                                                 absoluteLifetime: configuration.absoluteSessionLifetime, epochs: services.sessionEpochs))
    router.add(middleware: KioskMiddleware(kiosks: services.kiosks, secureCookies: configuration.secureCookies))

    SessionRoutes(services: services).register(on: router)
    HealthRoutes(services: services).register(on: router)
    WithdrawalRoutes(services: services).register(on: router)
    SurveyRoutes(services: services).register(on: router)
    EntryRoutes(services: services).register(on: router)
    InvitationRoutes(services: services).register(on: router)
    PaperRoutes(services: services).register(on: router)
    AdminRoutes(services: services).register(on: router)
    ReportRoutes(services: services).register(on: router)
    MonitoringRoutes(services: services).register(on: router)
    StatisticsRoutes(services: services).register(on: router)
    AuditRoutes(services: services).register(on: router)
    AccountRoutes(services: services).register(on: router)
    APIRoutes(services: services).register(on: router)
    methods.fill(router.routes.map { ("\($0.method)", "\($0.path)") })
    return router
}

extension RouterGroup where Context == AppRequestContext {
    /// Page routes for one role: anonymous visitors go to the login page, other roles get 403, and
    /// every POST needs an urlencoded body with the session's CSRF token. `showsRefusedBody` only for
    /// groups whose every POST handler reads the fields before acting (see ``CSRFMiddleware``).
    @discardableResult
    func requiring(_ role: Role, maxBodySize: Int, showsRefusedBody: Bool = false) -> RouterGroup<Context> {
        add(middleware: LoginRequiredMiddleware())
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(role), context: Context.self))
            .add(middleware: FormBodyMiddleware(maxBodySize: maxBodySize))
            .add(middleware: CSRFMiddleware(showsRefusedBody: showsRefusedBody))
    }

    /// Page routes open to everyone (login, withdrawal): still an urlencoded body and a CSRF token.
    @discardableResult
    func publicForms(maxBodySize: Int) -> RouterGroup<Context> {
        add(middleware: FormBodyMiddleware(maxBodySize: maxBodySize))
            .add(middleware: CSRFMiddleware(acceptsFormToken: true))
    }
}

/// Runs blocking work (Argon2id, SQLite writes) off the cooperative thread pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}

extension AppRequestContext {
    /// Takes the session's one-time notice, if any.
    func takeNotice() -> WebSession.Notice? {
        guard var session = sessions.session, let notice = session.notice else { return nil }
        session.notice = nil
        _ = sessions.updateSession(session)
        return notice
    }

    /// Leaves a one-time notice for the next page.
    func setNotice(_ notice: WebSession.Notice) {
        guard var session = sessions.session else { return }
        session.notice = notice
        _ = sessions.updateSession(session)
    }

    /// An error's text in the page's language.
    func message(_ error: InputError) -> String { language == .en ? error.english : error.german }
}
