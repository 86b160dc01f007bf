import Forms
import Foundation
import Hummingbird
import Retention
import Store

/// The data protection officer's pages: the audit report, verification of the audit log, the purge
/// dry-run and the purge itself (only with the confirmation box ticked). Nothing here decrypts.
struct AuditRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let group = router.group("audit").requiring(.dpo, maxBodySize: services.configuration.maxBodySize)
        group.get { request, context in
            let location = services.location, directory = services.configuration.policyDirectory
            do {
                let report = try await Blocking.run {
                    let policies = try PolicySet.load(directory)
                    return try RetentionAudit.run(.init(data: try DataStore.open(location), keystore: try Keystore.open(location),
                                                        policy: policies.retention, record: policies.processing,
                                                        disclosurePolicy: policies.disclosure.sentences, asOf: AuditDay.today()))
                }
                return services.pages.page("audit", ["auditBody": ReportRoutes.body(of: report.html()), "today": AuditDay.today()],
                                           request: request, context: context)
            } catch let error as InputError {
                return services.pages.page("audit", ["policyError": "\(error.place): \(context.message(error))", "today": AuditDay.today()],
                                           request: request, context: context, status: .internalServerError)
            }
        }
        group.post("log/verify") { request, context in
            _ = try context.form!.fields()
            let location = services.location
            let result = try await Blocking.run { try AuditLog.verify(try DataStore.open(location)) }
            var values: [String: Any] = ["entries": result.entries, "head": result.headHash ?? "–"]
            if let problem = result.problem {
                values["problem"] = context.language == .en ? problem.description : problem.german
            } else {
                values["intact"] = true
            }
            return services.pages.page("logVerified", values, request: request, context: context)
        }
        group.post("purge/plan") { request, context in
            _ = try context.form!.fields()
            let (steps, _) = try await plan()
            return services.pages.page("purge", stepValues(steps, context, done: false), request: request, context: context)
        }
        group.post("purge") { request, context in
            let fields = try context.form!.fields()
            guard fields["confirm"] == "yes" else {
                var values = stepValues(try await plan().steps, context, done: false)
                let message = Strings.text("purge_confirm_missing", context.language)
                values["confirmError"] = message
                values["hasErrors"] = true
                values["errors"] = [["anchor": "confirm", "label": Strings.text("purge_confirm", context.language), "message": message]]
                return services.pages.page("purge", values, request: request, context: context, status: .unprocessableContent)
            }
            let location = services.location, directory = services.configuration.policyDirectory
            let actor = Actor(role: Role.dpo.rawValue, user: context.identity!.name)
            do {
                let outcome = try await Blocking.exclusive {
                    let policy = try PolicySet.load(directory).retention
                    let today = AuditDay.today()
                    return try Purge.run(data: try DataStore.open(location), keystore: try Keystore.open(location), policy: policy,
                                         asOf: today, today: today, actor: actor)
                }
                var values = stepValues(outcome.steps, context, done: true)
                values["pruned"] = outcome.prunedLogEntries
                return services.pages.page("purge", values, request: request, context: context)
            } catch let refusal as Purge.Refusal {
                throw InputError(english: refusal.description, german: refusal.german)
            }
        }
    }

    private func plan() async throws -> (steps: [Purge.Step], asOf: String) {
        let location = services.location, directory = services.configuration.policyDirectory
        return try await Blocking.run {
            let today = AuditDay.today()
            let policy = try PolicySet.load(directory).retention
            return (try Purge.plan(data: try DataStore.open(location), keystore: try Keystore.open(location), policy: policy, asOf: today), today)
        }
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
