import Forms
import Foundation
import Hummingbird
import Operations
import Retention
import Store

/// The data protection officer's pages: the audit report (as of today or a chosen day), the draft
/// DPIA with its SDM table, verification of the audit log, the purge dry-run and the purge itself
/// (only with the confirmation box ticked).
/// Nothing here decrypts. The operations below serve the pages and ``AuditAPIRoutes`` alike.
struct AuditRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let group = router.group("audit").requiring(.dpo, maxBodySize: services.configuration.maxBodySize)
        group.get { request, context in
            let today = AuditDay.today()
            let asked = request.uri.queryParameters.get("asOf").flatMap { $0.isEmpty ? nil : String($0) }
            var values: [String: Any] = ["today": today, "asOf": asked ?? today]
            do {
                let asOf = try asked.map { try AuditDay.parse($0, field: "asOf") } ?? today
                values["auditBody"] = try await report(asOf: asOf).htmlBody()
                return services.pages.page("audit", values, request: request, context: context)
            } catch let error as InputError where error.field == "asOf" {
                values["asOfError"] = context.message(error)
                values["hasErrors"] = true
                values["errors"] = [["anchor": "asOf", "label": Strings.text("audit_as_of", context.language), "message": context.message(error)]]
                return services.pages.page("audit", values, request: request, context: context, status: .badRequest)
            } catch let error as InputError {
                values["policyError"] = "\(error.location): \(context.message(error))"
                return services.pages.page("audit", values, request: request, context: context, status: .internalServerError)
            }
        }
        group.get("dpia") { request, context in
            let today = AuditDay.today()
            let asked = request.uri.queryParameters.get("asOf").flatMap { $0.isEmpty ? nil : String($0) }
            var values: [String: Any] = ["today": today, "asOf": asked ?? today]
            do {
                let asOf = try asked.map { try AuditDay.parse($0, field: "asOf") } ?? today
                values["dpiaBody"] = try await dpia(asOf: asOf).htmlBody()
                return services.pages.page("dpia", values, request: request, context: context)
            } catch let error as InputError where error.field == "asOf" {
                values["asOfError"] = context.message(error)
                values["hasErrors"] = true
                values["errors"] = [["anchor": "asOf", "label": Strings.text("audit_as_of", context.language), "message": context.message(error)]]
                return services.pages.page("dpia", values, request: request, context: context, status: .badRequest)
            } catch let error as InputError {
                values["policyError"] = "\(error.location): \(context.message(error))"
                return services.pages.page("dpia", values, request: request, context: context, status: .internalServerError)
            }
        }
        group.post("log/verify") { request, context in
            let fields = try context.form!.fields()
            for name in fields.values.keys.sorted() where ![CSRFMiddleware.fieldName, "anchors"].contains(name) {
                throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
            }
            let anchors: [AuditAnchor]
            do {
                anchors = try (fields["anchors"] ?? "").split(whereSeparator: \.isNewline)
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { try AuditAnchor(parsing: String($0), field: "anchors") }
            } catch let error as InputError {
                return services.pages.page("audit", ["today": AuditDay.today(), "asOf": AuditDay.today(), "anchors": fields["anchors"] ?? "",
                                                     "anchorsError": context.message(error), "hasErrors": true,
                                                     "errors": [["anchor": "anchors", "label": Strings.text("log_anchors", context.language),
                                                                 "message": context.message(error)]]],
                                           request: request, context: context, status: .unprocessableContent)
            }
            let result = try await verify(anchors: anchors)
            var values: [String: Any] = ["entries": result.entries, "head": result.anchor ?? result.headHash ?? "–", "anchorCount": anchors.count]
            if let problem = result.problem {
                values["problem"] = context.language == .en ? problem.description : problem.german
            } else {
                values["intact"] = true
                if anchors.count > result.anchorsSkipped { values["anchorsFound"] = true }
                if result.anchorsSkipped > 0 { values["hasSkipped"] = true; values["anchorsSkipped"] = result.anchorsSkipped }
            }
            return services.pages.page("logVerified", values, request: request, context: context)
        }
        group.post("purge/plan") { request, context in
            _ = try context.form!.fields()
            return services.pages.page("purge", stepValues(try await plan(asOf: AuditDay.today()), context, done: false), request: request, context: context)
        }
        group.post("purge") { request, context in
            let fields = try context.form!.fields()
            guard fields["confirm"] == "yes" else {
                var values = stepValues(try await plan(asOf: AuditDay.today()), context, done: false)
                let message = Strings.text("purge_confirm_missing", context.language)
                values["confirmError"] = message
                values["hasErrors"] = true
                values["errors"] = [["anchor": "confirm", "label": Strings.text("purge_confirm", context.language), "message": message]]
                return services.pages.page("purge", values, request: request, context: context, status: .unprocessableContent)
            }
            let outcome = try await purge(user: context.identity!.name)
            var values = stepValues(outcome.steps, context, done: true)
            values["pruned"] = outcome.prunedLogEntries
            return services.pages.page("purge", values, request: request, context: context)
        }
    }

    /// The audit report as of `asOf`; a later day shows what will then be due. A broken policy file
    /// is an `InputError` naming the file.
    func report(asOf: String) async throws -> AuditReport {
        let installation = services.installation
        return try await Blocking.run { try installation.audit(asOf: asOf) }
    }

    /// The draft DPIA as of `asOf`; a broken policy or form file is an `InputError` naming the file.
    func dpia(asOf: String) async throws -> DPIAReport {
        let installation = services.installation
        return try await Blocking.run { try installation.dpia(asOf: asOf) }
    }

    /// The chain, its head file, and the anchors the DPO kept outside the system.
    func verify(anchors: [AuditAnchor]) async throws -> AuditLog.Verification {
        let installation = services.installation
        return try await Blocking.run { try installation.verifyLog(anchors: anchors) }
    }

    /// What a purge as of `asOf` would do; nothing changes.
    func plan(asOf: String) async throws -> [Purge.Step] {
        let installation = services.installation
        return try await Blocking.run { try installation.purgePlan(asOf: asOf) }
    }

    /// Purges as of today; the audit log records it under `user`.
    func purge(user: String) async throws -> Purge.Outcome {
        let installation = services.installation, actor = Actor(role: Role.dpo.rawValue, user: user)
        return try await Blocking.run { try installation.purge(by: actor) }
    }

    private func stepValues(_ steps: [Purge.Step], _ context: AppRequestContext, done: Bool) -> [String: Any] {
        let language = context.language
        let rows = steps.map { step in
            ["period": step.period, "scope": Strings.text(step.scope == "period" ? "purge_scope_period" : "purge_scope_declines", language),
             "responses": step.responses, "declines": step.declines,
             "key": Strings.text(step.destroysKey ? "yes" : "no", language)] as [String: Any]
        }
        var values: [String: Any] = ["steps": rows, "hasSteps": !rows.isEmpty, "today": AuditDay.today()]
        if done { values["done"] = true } else { values["planned"] = true }
        return values
    }
}
