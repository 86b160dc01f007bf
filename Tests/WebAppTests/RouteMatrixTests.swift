import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Store
@testable import WebApp

/// Every route × every role and anonymous: the allowed set, exactly.
@Suite("Route × role matrix")
struct RouteMatrixTests {
    /// Who may use a route; `nil` stands for an anonymous visitor.
    struct Route: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let pattern: String
        let path: String
        let allowed: Set<Role?>
        var json = false
        var description: String { "\(method) \(pattern)" }
    }

    /// A well-formed request id that no request has.
    static let unknownRequest = "0123456789abcdef"
    static let everyone: Set<Role?> = Set(Role.allCases.map(Optional.some)).union([nil])
    static let signedIn: Set<Role?> = Set(Role.allCases.map(Optional.some))

    static let routes: [Route] = [
        Route(method: .get, pattern: "/", path: "/", allowed: everyone),
        Route(method: .get, pattern: "/static/style.css", path: "/static/style.css", allowed: everyone),
        Route(method: .get, pattern: "/static/letter.css", path: "/static/letter.css", allowed: everyone),
        Route(method: .get, pattern: "/static/kiosk.js", path: "/static/kiosk.js", allowed: everyone),
        Route(method: .get, pattern: "/static/paper.css", path: "/static/paper.css", allowed: everyone),
        Route(method: .get, pattern: "/static/monitoring-print.css", path: "/static/monitoring-print.css", allowed: everyone),
        Route(method: .get, pattern: "/login", path: "/login", allowed: everyone),
        Route(method: .get, pattern: "/health/live", path: "/health/live", allowed: everyone),
        Route(method: .get, pattern: "/health/ready", path: "/health/ready", allowed: everyone),
        Route(method: .post, pattern: "/login", path: "/login", allowed: everyone),
        Route(method: .post, pattern: "/logout", path: "/logout", allowed: everyone),
        Route(method: .get, pattern: "/withdraw", path: "/withdraw", allowed: everyone),
        Route(method: .post, pattern: "/withdraw", path: "/withdraw", allowed: everyone),
        Route(method: .get, pattern: "/survey", path: "/survey", allowed: everyone),
        Route(method: .post, pattern: "/survey", path: "/survey", allowed: everyone),
        Route(method: .post, pattern: "/survey/answer", path: "/survey/answer", allowed: everyone),
        Route(method: .post, pattern: "/survey/decline", path: "/survey/decline", allowed: everyone),
        Route(method: .get, pattern: "/invitations", path: "/invitations", allowed: [.hr]),
        Route(method: .post, pattern: "/invitations", path: "/invitations", allowed: [.hr]),
        Route(method: .post, pattern: "/invitations/batch", path: "/invitations/batch", allowed: [.hr]),
        Route(method: .post, pattern: "/invitations/kiosk", path: "/invitations/kiosk", allowed: [.hr]),
        Route(method: .get, pattern: "/entry", path: "/entry", allowed: [.hr]),
        Route(method: .get, pattern: "/entry/receipt", path: "/entry/receipt", allowed: [.hr]),
        Route(method: .get, pattern: "/entry/{form}", path: entryPath, allowed: [.hr]),
        Route(method: .post, pattern: "/entry/{form}", path: entryPath, allowed: [.hr]),
        Route(method: .post, pattern: "/entry/{form}/decline", path: entryPath + "/decline", allowed: [.hr]),
        Route(method: .get, pattern: "/admin/users", path: "/admin/users", allowed: [.admin]),
        Route(method: .post, pattern: "/admin/users", path: "/admin/users", allowed: [.admin]),
        Route(method: .post, pattern: "/admin/users/{name}/disable", path: "/admin/users/nobody/disable", allowed: [.admin]),
        Route(method: .post, pattern: "/admin/sessions/end-all", path: "/admin/sessions/end-all", allowed: [.admin]),
        Route(method: .get, pattern: "/admin/units", path: "/admin/units", allowed: [.admin]),
        Route(method: .get, pattern: "/admin/policy", path: "/admin/policy", allowed: [.admin]),
        Route(method: .get, pattern: "/admin/forms", path: "/admin/forms", allowed: [.admin]),
        Route(method: .get, pattern: "/account/password", path: "/account/password", allowed: signedIn),
        Route(method: .post, pattern: "/account/password", path: "/account/password", allowed: signedIn),
        Route(method: .get, pattern: "/reports", path: "/reports", allowed: [.integration]),
        Route(method: .post, pattern: "/reports", path: "/reports", allowed: [.integration]),
        Route(method: .get, pattern: "/reports/{id}", path: "/reports/\(unknownRequest)", allowed: [.integration]),
        Route(method: .get, pattern: "/reports/{id}/csv", path: "/reports/\(unknownRequest)/csv", allowed: [.integration]),
        Route(method: .get, pattern: "/reports/{id}/json", path: "/reports/\(unknownRequest)/json", allowed: [.integration]),
        Route(method: .get, pattern: "/monitoring", path: "/monitoring", allowed: [.integration]),
        Route(method: .get, pattern: "/monitoring/print", path: "/monitoring/print", allowed: [.integration]),
        Route(method: .get, pattern: "/monitoring/csv", path: "/monitoring/csv", allowed: [.integration]),
        Route(method: .get, pattern: "/monitoring/json", path: "/monitoring/json", allowed: [.integration]),
        Route(method: .get, pattern: "/monitoring/releases/{release}", path: "/monitoring/releases/R20261120-000000", allowed: [.integration]),
        Route(method: .get, pattern: "/statistics/monitoring", path: "/statistics/monitoring", allowed: [.statistics]),
        Route(method: .post, pattern: "/statistics/monitoring/release", path: "/statistics/monitoring/release", allowed: [.statistics]),
        Route(method: .get, pattern: "/statistics/requests", path: "/statistics/requests", allowed: [.statistics]),
        Route(method: .get, pattern: "/statistics/requests/{id}", path: "/statistics/requests/\(unknownRequest)", allowed: [.statistics]),
        Route(method: .post, pattern: "/statistics/requests/{id}/release", path: "/statistics/requests/\(unknownRequest)/release", allowed: [.statistics]),
        Route(method: .post, pattern: "/statistics/requests/{id}/refuse", path: "/statistics/requests/\(unknownRequest)/refuse", allowed: [.statistics]),
        Route(method: .get, pattern: "/statistics/releases", path: "/statistics/releases", allowed: [.statistics]),
        Route(method: .get, pattern: "/statistics/paper", path: "/statistics/paper", allowed: [.statistics]),
        Route(method: .post, pattern: "/statistics/paper", path: "/statistics/paper", allowed: [.statistics]),
        Route(method: .get, pattern: "/statistics/paper/entry", path: "/statistics/paper/entry", allowed: [.statistics]),
        Route(method: .post, pattern: "/statistics/paper/entry", path: "/statistics/paper/entry", allowed: [.statistics]),
        Route(method: .post, pattern: "/statistics/paper/entry/decline", path: "/statistics/paper/entry/decline", allowed: [.statistics]),
        Route(method: .get, pattern: "/audit", path: "/audit", allowed: [.dpo]),
        Route(method: .get, pattern: "/audit/dpia", path: "/audit/dpia", allowed: [.dpo]),
        Route(method: .post, pattern: "/audit/log/verify", path: "/audit/log/verify", allowed: [.dpo]),
        Route(method: .post, pattern: "/audit/purge/plan", path: "/audit/purge/plan", allowed: [.dpo]),
        Route(method: .post, pattern: "/audit/purge", path: "/audit/purge", allowed: [.dpo]),
        Route(method: .get, pattern: "/api/v1/openapi.yaml", path: "/api/v1/openapi.yaml", allowed: everyone, json: true),
        Route(method: .post, pattern: "/api/v1/session", path: "/api/v1/session", allowed: everyone, json: true),
        Route(method: .delete, pattern: "/api/v1/session", path: "/api/v1/session", allowed: signedIn, json: true),
        Route(method: .post, pattern: "/api/v1/session/password", path: "/api/v1/session/password", allowed: signedIn, json: true),
        Route(method: .post, pattern: "/api/v1/sessions/end-all", path: "/api/v1/sessions/end-all", allowed: [.admin], json: true),
        Route(method: .post, pattern: "/api/v1/entries", path: "/api/v1/entries", allowed: [.hr], json: true),
        Route(method: .post, pattern: "/api/v1/declines", path: "/api/v1/declines", allowed: [.hr], json: true),
        Route(method: .post, pattern: "/api/v1/withdrawals", path: "/api/v1/withdrawals", allowed: everyone, json: true),
        Route(method: .post, pattern: "/api/v1/invitations", path: "/api/v1/invitations", allowed: [.hr], json: true),
        Route(method: .get, pattern: "/api/v1/invitations", path: "/api/v1/invitations", allowed: [.hr], json: true),
        Route(method: .post, pattern: "/api/v1/paper-entries", path: "/api/v1/paper-entries", allowed: [.statistics], json: true),
        Route(method: .get, pattern: "/api/v1/report-requests", path: "/api/v1/report-requests", allowed: [.integration, .statistics], json: true),
        Route(method: .post, pattern: "/api/v1/report-requests", path: "/api/v1/report-requests", allowed: [.integration], json: true),
        Route(method: .get, pattern: "/api/v1/report-requests/{id}", path: "/api/v1/report-requests/\(unknownRequest)",
              allowed: [.integration, .statistics], json: true),
        Route(method: .post, pattern: "/api/v1/report-requests/{id}/release", path: "/api/v1/report-requests/\(unknownRequest)/release",
              allowed: [.statistics], json: true),
        Route(method: .post, pattern: "/api/v1/report-requests/{id}/refuse", path: "/api/v1/report-requests/\(unknownRequest)/refuse",
              allowed: [.statistics], json: true),
        Route(method: .get, pattern: "/api/v1/reports/{id}", path: "/api/v1/reports/\(unknownRequest)", allowed: [.integration], json: true),
        Route(method: .get, pattern: "/api/v1/reports/{id}/csv", path: "/api/v1/reports/\(unknownRequest)/csv", allowed: [.integration], json: true),
        Route(method: .get, pattern: "/api/v1/releases", path: "/api/v1/releases", allowed: [.statistics], json: true),
        Route(method: .get, pattern: "/api/v1/monitoring", path: "/api/v1/monitoring", allowed: [.integration], json: true),
        Route(method: .post, pattern: "/api/v1/monitoring/release", path: "/api/v1/monitoring/release", allowed: [.statistics], json: true),
        Route(method: .get, pattern: "/api/v1/audit", path: "/api/v1/audit", allowed: [.dpo], json: true),
        Route(method: .get, pattern: "/api/v1/audit/dpia", path: "/api/v1/audit/dpia", allowed: [.dpo], json: true),
        Route(method: .post, pattern: "/api/v1/audit/log/verify", path: "/api/v1/audit/log/verify", allowed: [.dpo], json: true),
        Route(method: .post, pattern: "/api/v1/audit/purge/plan", path: "/api/v1/audit/purge/plan", allowed: [.dpo], json: true),
        Route(method: .post, pattern: "/api/v1/audit/purge", path: "/api/v1/audit/purge", allowed: [.dpo], json: true),
        Route(method: .get, pattern: "/api/v1/users", path: "/api/v1/users", allowed: [.admin], json: true),
        Route(method: .post, pattern: "/api/v1/users", path: "/api/v1/users", allowed: [.admin], json: true),
        Route(method: .post, pattern: "/api/v1/users/{name}/disable", path: "/api/v1/users/nobody/disable", allowed: [.admin], json: true),
        Route(method: .get, pattern: "/api/v1/units", path: "/api/v1/units", allowed: [.admin], json: true),
        Route(method: .get, pattern: "/api/v1/policy-check", path: "/api/v1/policy-check", allowed: [.admin], json: true),
        Route(method: .get, pattern: "/api/v1/forms", path: "/api/v1/forms", allowed: [.hr, .admin], json: true),
    ]

    @Test("the matrix lists every registered route, and only those")
    func matrixIsComplete() throws {
        let fixture = try WebAppFixture()
        let router = makeRouter(try AppServices(configuration: fixture.configuration))
        let registered = Set(router.routes.map { "\($0.method) \(Self.normalise("\($0.path)"))" })
        let listed = Set(Self.routes.map { "\($0.method) \($0.pattern)" })
        #expect(registered == listed)
    }

    /// `RouterPath` prints parameters as `:name` or `{name}` depending on version; compare in one form.
    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : "/" + path
        return absolute.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
    }

    @Test("each role reaches exactly its routes", arguments: [Role?.none] + Role.allCases.map(Optional.some))
    func allowedSet(role: Role?) async throws {
        let fixture = try WebAppFixture()
        let reached = try await fixture.run { browser in
            if let role { try await browser.login(role) } else { try await browser.get("/login") }
            var reached: Set<String> = []
            for route in Self.routes {
                let page: Browser.Page
                if route.json {
                    var headers: HTTPFields = [:]
                    if let token = browser.csrfToken { headers[HeaderName.csrfToken] = token }
                    var body: ByteBuffer?
                    if route.method == .post {
                        headers[.contentType] = "application/json"
                        body = ByteBuffer(string: "{}")
                    }
                    page = try await browser.send(route.path, method: route.method, headers: headers, body: body)
                } else if route.method == .post {
                    page = try await browser.post(route.path, [])
                } else {
                    page = try await browser.get(route.path)
                }
                if !Self.denied(page) { reached.insert(route.description) }
                // Signing out or in changes the session: sign in again for the next route.
                if ["/logout", "/api/v1/session", "/admin/sessions/end-all", "/api/v1/sessions/end-all", "/invitations/kiosk"].contains(route.pattern),
                   let role {
                    try await browser.login(role)
                }
            }
            return reached
        }
        let expected = Set(Self.routes.filter { $0.allowed.contains(role) }.map(\.description))
        #expect(reached == expected, "role \(role?.rawValue ?? "anonymous")")
    }

    /// Denied: 403, an API 401, or a page's redirect to the login form.
    static func denied(_ page: Browser.Page) -> Bool {
        page.status == .forbidden || page.status == .unauthorized && page.headers[.contentType]?.hasPrefix("application/json") == true
            || page.status == .seeOther && ["/login", "/login?expired=1"].contains(page.location ?? "")
    }
}
