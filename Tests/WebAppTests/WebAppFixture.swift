import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import Store
import TestSupport
import Testing
import Vault
@testable import WebApp

/// A fresh store, a user per role and the web application over it, driven without a socket.
struct WebAppFixture {
    let configuration: WebAppConfiguration
    let location: StoreLocation

    static func password(_ role: Role) -> String { "password-for-\(role.rawValue)" }
    /// The keystore passphrase of the empty store; a demo store has `DemoFixture.passphrase`.
    static let passphrase = "Statistikstelle geheim"

    /// An empty store, or with `demo: true` a demo store (hiring years 2020–2025) of `hires` new hires.
    init(demo: Bool = false, hires: Int = 600, _ adjust: (inout WebAppConfiguration) -> Void = { _ in }) throws {
        let directory: URL
        if demo {
            location = try DemoFixture(hires: hires).location
            directory = location.directory
        } else {
            directory = try temporaryDirectory("web").appendingPathComponent("data")
            location = StoreLocation(directory: directory)
            try location.initialise(passphrase: Passphrase(Self.passphrase), strength: .interactive)
        }
        let users = try UserStore.open(directory: directory, strength: .minimum)
        for role in Role.allCases {
            try users.add(name: role.rawValue, role: role, password: Password(Self.password(role)))
        }
        var configuration = WebAppConfiguration(dataDirectory: directory, formsDirectory: Repository.formsDirectory,
                                                policyDirectory: Repository.policyDirectory,
                                                reportsDirectory: Repository.root.appendingPathComponent("reports"),
                                                withdrawalMinimumDuration: .milliseconds(20), passwordStrength: .minimum)
        adjust(&configuration)
        self.configuration = configuration
    }

    /// Runs `body` with a browser against a freshly built application. `live` serves it on a
    /// loopback socket (port chosen by the system), for what needs a peer address or a connection.
    func run<Value: Sendable>(live: Bool = false, logger: Logger? = nil,
                              _ body: @escaping @Sendable (Browser) async throws -> Value) async throws -> Value {
        var configuration = self.configuration
        if live { configuration.port = 0 }
        let app = try buildApplication(configuration: configuration, logger: logger)
        return try await app.test(live ? .live : .router) { client in
            try await body(Browser(client: client))
        }
    }

    /// A copy of the policy directory whose `retention.yaml` is broken YAML.
    static func brokenPolicyDirectory() throws -> URL {
        let policy = try temporaryDirectory("policy")
        for name in ["retention.yaml", "processing.yaml", "disclosure.yaml", "perturbation-table.csv"] {
            try FileManager.default.copyItem(at: Repository.policyDirectory.appendingPathComponent(name), to: policy.appendingPathComponent(name))
        }
        try "version: 1\nrules: [\n".write(to: policy.appendingPathComponent("retention.yaml"), atomically: true, encoding: .utf8)
        return policy
    }

    /// Responses and declines stored so far, over all periods.
    func stored() throws -> (responses: Int, declines: Int) {
        let counts = try DataStore.open(location).countsByPeriod()
        return counts.values.reduce((0, 0)) { ($0.0 + $1.responses, $0.1 + $1.declines) }
    }
}

/// A minimal browser: keeps cookies, finds the CSRF token in the last page, follows nothing itself.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    private(set) var lastBody = ""
    var address: String?

    init(client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
    }

    @discardableResult
    func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: extra, body: nil)
    }

    /// POSTs urlencoded fields; `csrf: true` adds the token of the last page.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true, contentType: String = "application/x-www-form-urlencoded") async throws -> Page {
        var all = fields
        if csrf, let token = csrfToken { all.insert(("_csrf", token), at: 0) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: body))
    }

    func postRaw(_ path: String, body: String, contentType: String, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers = extra
        headers[.contentType] = contentType
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ path: String, method: HTTPRequest.Method, headers extra: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if let address { headers[HeaderName.forwardedFor] = address }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] { store(cookie: line) }
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        if page.body.contains("_csrf") { lastBody = page.body }
        return page
    }

    /// Signs in as the fixture user of `role` and returns the response (303 on success).
    @discardableResult
    func login(_ role: Role, password: String? = nil) async throws -> Page {
        try await get("/login")
        let response = try await post("/login", [("name", role.rawValue), ("password", password ?? WebAppFixture.password(role))])
        if response.status == .seeOther {
            // The integration office's start page is its dashboard: follow there as a browser would.
            let home = try await get("/")
            if home.status == .seeOther, let next = home.location { try await get(next) }
        }
        return response
    }

    var csrfToken: String? {
        guard let range = lastBody.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(lastBody[range.upperBound...].prefix { $0 != "\"" })
    }

    var sessionCookie: String? { cookies["vielfalt_session"] }

    private func store(cookie line: String) {
        let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
        let expired = parts.contains { part in
            guard part.lowercased().hasPrefix("expires=") else { return false }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            guard let date = formatter.date(from: String(part.dropFirst(8))) else { return false }
            return date <= Date()
        }
        if expired || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// A complete, valid questionnaire as the entry page posts it.
let validEntry: [(String, String)] = [
    ("version", "1"), ("ctx.unit", "51"), ("ctx.hired", "2025-03"), ("ctx.career_group", "gehoben"),
    ("ctx.employment", "regular"), ("consent", "yes"), ("item.born_in_germany", "no"), ("item.citizenship", "not_german"),
    ("item.parent_a_german_by_birth", "no_answer"),
]

let entryPath = "/entry/migration-background"
