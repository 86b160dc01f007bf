import Forms
import Hummingbird
import HummingbirdAuth
import Retention
import Store

/// The data protection officer's API, with the operations of the audit pages (``AuditRoutes``):
///
/// - `GET /api/v1/audit?asOf=YYYY-MM-DD`: the audit report as JSON (as `vielfalt audit --format json`);
/// - `GET /api/v1/audit/dpia?asOf=YYYY-MM-DD`: the draft DPIA as JSON (as `vielfalt audit --dpia --format json`);
/// - `POST /api/v1/audit/log/verify` with optional `{"anchors": [...]}`: the verdict on the hash
///   chain, its head file and the anchors kept outside the system, and the anchor to keep now;
/// - `POST /api/v1/audit/purge/plan` with optional `{"asOf": …}`: the dry-run, nothing changes;
/// - `POST /api/v1/audit/purge` with `{"confirm": true}`: the purge as of today.
struct AuditAPIRoutes {
    let services: AppServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let audit = AuditRoutes(services: services)
        let group = api.group("audit").requiringAPI(RolePolicy<User>(.dpo))
        group.get { request, _ in
            let asOf = try request.uri.queryParameters.get("asOf").map { try AuditDay.parse(String($0), field: "asOf") } ?? AuditDay.today()
            do {
                return JSONResponse.text(try await audit.report(asOf: asOf).json())
            } catch let error as InputError {
                throw Self.serverFault(error)
            }
        }
        group.get("dpia") { request, _ in
            let asOf = try request.uri.queryParameters.get("asOf").map { try AuditDay.parse(String($0), field: "asOf") } ?? AuditDay.today()
            do {
                return JSONResponse.text(try await audit.dpia(asOf: asOf).json())
            } catch let error as InputError {
                throw Self.serverFault(error)
            }
        }
        group.post("log/verify") { request, _ in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["anchors"], emptyAllowed: true)
            let anchors = try body.stringList("anchors", required: false).map { try AuditAnchor(parsing: $0, field: "anchors") }
            let result = try await audit.verify(anchors: anchors)
            var object: [String: Any] = ["entries": result.entries, "intact": result.problem == nil, "anchorsChecked": anchors.count - result.anchorsSkipped,
                                          "anchorsSkipped": result.anchorsSkipped]
            if let head = result.headHash { object["headHash"] = head }
            if let anchor = result.anchor { object["anchor"] = anchor }
            if let problem = result.problem { object["problem"] = ["en": problem.description, "de": problem.german] }
            return JSONResponse.make(object)
        }
        group.post("purge/plan") { request, _ in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["asOf"], emptyAllowed: true)
            let asOf = try AuditDay.parse(try body.string("asOf", required: false) ?? AuditDay.today(), field: "asOf")
            return JSONResponse.make(["asOf": asOf, "steps": try await audit.plan(asOf: asOf).map(Self.object)])
        }
        group.post("purge") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["confirm"])
            guard try body.bool("confirm") else {
                throw InputError(field: "confirm", english: "confirm must be true; nothing was deleted",
                                 german: "confirm muss true sein; es wurde nichts gelöscht.")
            }
            let outcome = try await audit.purge(user: context.identity!.name)
            return JSONResponse.make(["asOf": AuditDay.today(), "steps": outcome.steps.map(Self.object), "prunedLogEntries": outcome.prunedLogEntries])
        }
    }

    /// A broken policy or form file is the server's fault, not the caller's: 500, naming the file.
    static func serverFault(_ error: InputError) -> APIError {
        APIError(status: .internalServerError, error: InputError(
            english: "a policy file is broken: \(error.location): \(error.english)", german: "Eine Richtlinien-Datei ist fehlerhaft: \(error.location): \(error.german)"))
    }

    static func object(_ step: Purge.Step) -> [String: Any] {
        ["period": step.period, "scope": step.scope, "responses": step.responses, "declines": step.declines, "destroysKey": step.destroysKey]
    }

}
