import Forms
import Foundation
import Hummingbird
import Letters
import Operations
import Store

/// The statistics unit's paper questionnaires: `/statistics/paper` prints blank ones (each with its
/// own receipt code, kept nowhere), `/statistics/paper/entry` enters a returned one through the
/// same path as `/survey`. Role statistics only: HR, who hands the forms out and knows who got
/// which envelope, must never type or read one.
///
/// The entry page always says, in German and English, to destroy the paper once it is entered
/// (MighEV § 4(2)). A used, expired or unknown invitation code gets the answer `/survey` gives.
struct PaperRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        // The print stylesheet, linked: the pages' policy allows no inline style.
        router.get(RouterPath(Self.stylesheet)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: PaperQuestionnaire.stylesheet)))
        }
        let group = router.group("statistics/paper").requiring(.statistics, maxBodySize: services.configuration.maxBodySize, showsRefusedBody: true)
        group.get { request, context in try await printPage(request, context) }
        group.post { request, context in
            var count = ""
            do {
                let fields = try context.form!.fields()
                try Self.only(["count"], in: fields)
                count = fields["count"] ?? ""
                guard let number = Int(count.trimmingCharacters(in: .whitespaces)) else {
                    throw InputError(field: "count", english: "expected a number of questionnaires from 1 to \(Installation.paperLimit)",
                                     german: "Erwartet wird eine Anzahl Fragebögen von 1 bis \(Installation.paperLimit).")
                }
                let installation = services.installation, clerk = clerk(context)
                let url = EntryRoutes.withdrawURL(request, secure: services.configuration.secureCookies)
                let document = try await Blocking.run {
                    try installation.paperQuestionnaires(count: number, withdrawURL: url, stylesheetHref: Self.stylesheet, by: clerk)
                }
                return PageRenderer.html(document)
            } catch let error as InputError {
                return try await printPage(request, context, count: count, error: error, status: EntryRoutes.status(context))
            }
        }
        group.get("entry") { request, context in entryPage(request, context) }
        group.post("entry") { request, context in try await enter(request, context, declined: false) }
        group.post("entry/decline") { request, context in try await enter(request, context, declined: true) }
    }

    static let stylesheet = "/static/paper.css"

    private func clerk(_ context: AppRequestContext) -> Actor { Actor(role: Role.statistics.rawValue, user: context.identity!.name) }

    private func enter(_ request: Request, _ context: AppRequestContext, declined: Bool) async throws -> Response {
        var fields: FormFields?
        do {
            let submitted = try context.form!.fields()
            fields = submitted
            var answers: [String: String] = [:]
            for (name, value) in submitted.values {
                if name.hasPrefix("item.") { answers[String(name.dropFirst(5))] = value }
                else if ![CSRFMiddleware.fieldName, "code", "receipt", "version", "consent"].contains(name) {
                    throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
                }
            }
            let consent = submitted["consent"] == "yes" ? submitted["version"].flatMap { Int($0) } : nil
            let paper = PaperForm(invitationCode: submitted["code"] ?? "", receiptCode: submitted["receipt"],
                                  answers: declined ? nil : answers, consentVersion: consent)
            let installation = services.installation, clerk = clerk(context)
            let outcome = try await Blocking.run { try installation.enterPaperForm(paper, by: clerk) }
            let notice = Strings.text(outcome == .answered ? "paper_stored" : "paper_declined", context.language)
            return entryPage(request, context, stored: notice)
        } catch let error as InputError {
            return entryPage(request, context, fields: fields, error: error, status: EntryRoutes.status(context))
        }
    }

    private func entryPage(_ request: Request, _ context: AppRequestContext, fields: FormFields? = nil, error: InputError? = nil,
                           stored: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        guard let form = services.catalog.current.first else { return PageRenderer.html("", status: .notFound) }
        var view = EntryFormView(form: form, units: services.catalog.units, language: context.language)
        view.fields = fields
        view.errors = error.map { [$0] } ?? []
        var values = view.values()
        values["code"] = fields?["code"] ?? ""
        values["receipt"] = fields?["receipt"] ?? ""
        values["destroyDE"] = Installation.destroyPaperReminder.de
        values["destroyEN"] = Installation.destroyPaperReminder.en
        if let stored { values["stored"] = stored }
        // The two codes are this page's own fields: the shared view does not know their labels.
        if let error, let field = error.field, let label = ["code": "survey_code", "receipt": "paper_receipt"][field] {
            values["\(field)Error"] = context.message(error)
            values["errors"] = [["anchor": field, "label": Strings.text(label, context.language), "message": context.message(error)]]
        }
        return services.pages.page("paperEntry", values, request: request, context: context, status: status)
    }

    private func printPage(_ request: Request, _ context: AppRequestContext, count: String = "1", error: InputError? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let installation = services.installation
        let ways = try await Blocking.run { try installation.entryWays() }
        var values: [String: Any] = ["count": count, "limit": Installation.paperLimit]
        if !ways.contains(.selfService) { values["off"] = true }
        if let error {
            let label = error.field == "count" ? Strings.text("paper_count", context.language) : (error.field ?? Strings.text("form_general", context.language))
            values["hasErrors"] = true
            if error.field == "count" { values["countError"] = context.message(error) }
            var entry: [String: Any] = ["label": label, "message": context.message(error)]
            if error.field == "count" { entry["anchor"] = "count" }
            values["errors"] = [entry]
        }
        return services.pages.page("paper", values, request: request, context: context, status: status)
    }

    private static func only(_ names: Set<String>, in fields: FormFields) throws {
        for name in fields.values.keys.sorted() where name != CSRFMiddleware.fieldName && !names.contains(name) {
            throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
        }
    }
}
