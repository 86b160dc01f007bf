import Forms
import Foundation
import Hummingbird
import Operations
import Reports
import Store

/// The integration office's monitoring: the dashboard of the latest monitoring released (its start
/// page), the printable report for the council, CSV (de, en) and JSON, and each goal's underlying
/// release.
///
/// Like a report, the dashboard shows only what was released: the stored monitoring is made of
/// tables that passed disclosure control and are in the ledger, and before the first release there
/// is nothing to show.
struct MonitoringRoutes {
    let services: AppServices

    /// The printable report's stylesheet: the server allows no inline style.
    static let printStylesheet = "/static/monitoring-print.css"

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(Self.printStylesheet)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: MonitoringReport.printStylesheet)))
        }
        let group = router.group("monitoring").requiring(.integration, maxBodySize: services.configuration.maxBodySize, showsRefusedBody: true)
        group.get { request, context in
            guard let (monitoring, record) = try await latest() else {
                return services.pages.page("monitoring", ["hasMonitoring": false], request: request, context: context)
            }
            let body = monitoring.htmlBody(language: context.language.rawValue) { "/monitoring/releases/\($0)" }
            return services.pages.page("monitoring", ["hasMonitoring": true, "monitoringBody": body, "releasedOn": record.releasedOn,
                                                      "monitoringID": record.id], request: request, context: context)
        }
        group.get("print") { _, context in
            let monitoring = try await found()
            return PageRenderer.html(monitoring.html(language: context.language.rawValue, stylesheetHref: Self.printStylesheet))
        }
        group.get("csv") { request, context in
            let monitoring = try await found()
            let language = try ReportRoutes.locale(request, default: context.language)
            return ReportRoutes.download(monitoring.csv(locale: language.rawValue), type: "text/csv; charset=utf-8",
                                         name: "monitoring-\(monitoring.day)-\(language.rawValue).csv")
        }
        group.get("json") { _, _ in
            let monitoring = try await found()
            return ReportRoutes.download(monitoring.json(), type: "application/json; charset=utf-8", name: "monitoring-\(monitoring.day).json")
        }
        // Only a table of the latest monitoring: nothing else is reachable by guessing a release id.
        group.get("releases/{release}") { request, context in
            let monitoring = try await found()
            guard let release = context.parameters.get("release"),
                  let table = monitoring.panels.lazy.compactMap({ $0.table(release: release) }).first else { throw HTTPError(.notFound) }
            return services.pages.page("monitoringRelease", ["reportBody": table.htmlBody(language: context.language.rawValue)],
                                       request: request, context: context)
        }
    }

    func latest() async throws -> (MonitoringReport, MonitoringRecord)? {
        let installation = services.installation
        return try await Blocking.run { try installation.latestMonitoring() }.map { ($0.monitoring, $0.record) }
    }

    /// The latest monitoring; 404 before the first.
    func found() async throws -> MonitoringReport {
        guard let (monitoring, _) = try await latest() else { throw HTTPError(.notFound) }
        return monitoring
    }
}
