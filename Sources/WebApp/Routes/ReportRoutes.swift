import Forms
import Foundation
import Hummingbird
import Operations
import Reports
import Store

/// The integration office's pages: request a report, follow its status, read a released report as
/// HTML with its chart, download it as CSV (de, en) or JSON.
///
/// Integration never sees an unreleased figure: a request holds no figures until the statistics
/// unit has released it (then only the renderings of the protected ``PublishedReport``), and every
/// report route answers 404 for a request that is not released.
struct ReportRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let group = router.group("reports").requiring(.integration, maxBodySize: services.configuration.maxBodySize, showsRefusedBody: true)
        group.get { request, context in
            var values = try listValues(context, errors: [], submitted: nil)
            switch context.takeNotice() {
            case .reportRequested: values["notice"] = Strings.text("report_requested", context.language)
            default: break
            }
            return services.pages.page("reports", values, request: request, context: context)
        }
        group.post { request, context in
            let fields: FormFields
            do { fields = try context.form!.fields() } catch let error as InputError {
                return services.pages.page("reports", try listValues(context, errors: [error], submitted: nil), request: request,
                                           context: context, status: EntryRoutes.status(context))
            }
            do {
                let draft = try newRequest(fields)
                let installation = services.installation, user = context.identity!.name
                _ = try await Blocking.run { try installation.request(draft, by: user) }
                context.setNotice(.reportRequested)
                return Response.redirect(to: "/reports", type: .normal)
            } catch let error as InputError {
                return services.pages.page("reports", try listValues(context, errors: [error], submitted: fields), request: request,
                                           context: context, status: .unprocessableContent)
            }
        }
        group.get("{id}") { request, context in
            let released = try released(context)
            return services.pages.page("report", ["id": released.request.id, "reportBody": released.report.htmlBody(language: context.language.rawValue)],
                                       request: request, context: context)
        }
        group.get("{id}/csv") { request, context in
            let released = try released(context)
            let language = try Self.locale(request, default: context.language)
            return Self.download(released.report.csv(locale: language.rawValue), type: "text/csv; charset=utf-8",
                                 name: "\(released.report.release)-\(language.rawValue).csv")
        }
        group.get("{id}/json") { _, context in
            let released = try released(context)
            return Self.download(released.report.json(), type: "application/json; charset=utf-8", name: "\(released.report.release).json")
        }
    }

    /// The request of the path's id and its report if it is released; 404 for an unknown, open or
    /// refused one.
    func released(_ context: AppRequestContext) throws -> (request: ReportRequest, report: PublishedReport) {
        guard let id = context.parameters.get("id"), let found = try services.installation.releasedReport(id) else { throw HTTPError(.notFound) }
        return found
    }

    /// The CSV dialect a download asks for (`?locale=de|en`); anything else is an error naming the field.
    static func locale(_ request: Request, default language: Language) throws -> Language {
        guard let language = Language(rawValue: request.uri.queryParameters.get("locale") ?? language.rawValue) else {
            throw InputError(field: "locale", english: "locale must be de or en", german: "locale muss de oder en sein.")
        }
        return language
    }

    static func download(_ text: String, type: String, name: String) -> Response {
        let safe = String(name.filter { $0.isLetter || $0.isNumber || "-._".contains($0) }.prefix(100))
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(safe)\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The form the request page posts: `kind`, `indicator`, `by1`, `by2` (optional), `years`.
    func newRequest(_ fields: FormFields) throws -> ReportRequestForm {
        for name in fields.values.keys.sorted() where !["_csrf", "kind", "indicator", "by1", "by2", "years"].contains(name) {
            throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
        }
        return ReportRequestForm(kind: fields["kind"], indicator: fields["indicator"], by: [fields["by1"] ?? "", fields["by2"] ?? ""],
                                 years: fields["years"], groupingField: { $0 == 0 ? "by1" : "by2" })
    }

    /// The form whose indicators requests name, for labels; nil when no loaded form defines one.
    static func form(_ services: AppServices) -> FormDefinition? { services.installation.offeredForm() }

    private func listValues(_ context: AppRequestContext, errors: [InputError], submitted: FormFields?) throws -> [String: Any] {
        let language = context.language, lang = language.rawValue
        let form = Self.form(services)
        func error(_ field: String) -> [String: Any]? {
            errors.first { $0.field == field }.map { ["message": context.message($0)] }
        }
        let kind = submitted?["kind"] ?? "baseline"
        let groupings = ReportDefinition.groupings
        let requests = try services.installation.requests().map { RequestView($0, form: form, language: language).values }
        var values: [String: Any] = [
            "requests": requests, "hasRequests": !requests.isEmpty,
            "kinds": ["baseline", "trend"].map { ["code": $0, "label": Strings.text("kind_\($0)", language), "checked": $0 == kind] as [String: Any] },
            "indicators": (form?.indicators ?? []).map { ["code": $0.key, "label": $0.label.text(lang), "selected": $0.key == submitted?["indicator"]] as [String: Any] },
            "by1": groupings.map { ["code": $0, "label": Strings.text("group_\($0)", language), "selected": $0 == (submitted?["by1"] ?? "unit")] as [String: Any] },
            "by2": groupings.map { ["code": $0, "label": Strings.text("group_\($0)", language), "selected": $0 == submitted?["by2"]] as [String: Any] },
            "years": submitted?["years"] ?? "",
        ]
        for field in ["kind", "indicator", "by1", "by2", "years"] {
            if let error = error(field) { values["error_\(field)"] = error }
        }
        if !errors.isEmpty {
            values["hasErrors"] = true
            values["errors"] = errors.map { error in
                let anchor = ["kind": "kind-baseline", "indicator": "indicator", "by1": "by1", "by2": "by2", "years": "years"][error.field ?? ""]
                var entry: [String: Any] = ["label": Strings.text("field_\(error.field ?? "form")", language), "message": context.message(error)]
                if let anchor { entry["anchor"] = anchor }
                return entry
            }
        }
        return values
    }
}

/// A request as a table row: what was asked, by whom, its status, and the reason of a refusal.
struct RequestView {
    let values: [String: Any]

    init(_ request: ReportRequest, form: FormDefinition?, language: Language) {
        let lang = language.rawValue
        let indicator = form?.indicator(request.indicator)?.label.text(lang) ?? request.indicator
        var values: [String: Any] = [
            "id": request.id, "kind": Strings.text("kind_\(request.kind.rawValue)", language), "indicator": indicator,
            "grouping": request.by.map { Strings.text("group_\($0)", language) }.joined(separator: ", "),
            "years": Self.years(request.periods, language), "requestedBy": request.requestedBy, "requestedOn": request.requestedOn,
            "status": Strings.text("status_\(request.status.rawValue)", language), "statusCode": request.status.rawValue,
        ]
        if request.status == .requested { values["open"] = true }
        if request.status == .released {
            values["released"] = true
            values["releaseID"] = request.releaseID ?? ""
            values["releasedBy"] = request.releasedBy ?? ""
        }
        if request.status == .refused {
            values["refused"] = true
            values["reason"] = (language == .en ? request.reasonEnglish : request.reasonGerman) ?? ""
        }
        if let day = request.decidedOn { values["decidedOn"] = day }
        self.values = values
    }

    static func years(_ periods: String, _ language: Language) -> String {
        switch periods {
        case "latest": Strings.text("years_latest", language)
        case "all": Strings.text("years_all", language)
        default: periods
        }
    }
}
