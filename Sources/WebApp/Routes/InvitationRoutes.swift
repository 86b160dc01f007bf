import Forms
import Foundation
import Hummingbird
import Letters
import Operations
import Retention
import Store

/// HR's invitation page: one invitation from a context, or one per row of pasted CSV; the answer
/// is the printable letter document (one A4 page each), `no-store` like every page. HR sees the
/// codes on the letters it hands out, and the counts; never an answer or a receipt.
struct InvitationRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        // The letters' print stylesheet, linked: the pages' policy allows no inline style.
        router.get(RouterPath(Self.stylesheet)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: InvitationLetter.stylesheet)))
        }
        let group = router.group("invitations").requiring(.hr, maxBodySize: services.configuration.maxBodySize, showsRefusedBody: true)
        group.get { request, context in try await page(request, context) }
        group.post { request, context in
            var fields: FormFields?
            do {
                let submitted = try context.form!.fields()
                fields = submitted
                var values: [String: String] = [:]
                for (name, value) in submitted.values where name != "_csrf" {
                    guard name.hasPrefix("ctx.") else { throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.") }
                    values[String(name.dropFirst(4))] = value.trimmingCharacters(in: .whitespaces)
                }
                let entered = values, installation = services.installation, clerk = clerk(context), url = surveyURL(request)
                let letters = try await Blocking.run {
                    let template = try installation.letterTemplate(surveyURL: url)
                    return template.document([try installation.issueInvitation(context: entered, by: clerk)], stylesheetHref: Self.stylesheet)
                }
                return PageRenderer.html(letters)
            } catch let error as InputError {
                return try await page(request, context, fields: fields, errors: [error], status: EntryRoutes.status(context))
            }
        }
        // This device becomes a kiosk: HR is signed out, and it shows only the survey until someone signs in.
        group.post("kiosk") { request, context in
            let token = await services.kiosks.opened()
            await services.discardSession(of: request)
            context.sessions.clearSession()
            var response = Response.redirect(to: "/survey", type: .normal)
            response.headers[values: .setCookie].append(KioskCookie.set(token, secure: services.configuration.secureCookies).description)
            return response
        }
        group.post("batch") { request, context in
            var csv = ""
            do {
                csv = try context.form!.fields()["csv"] ?? ""
                let text = csv, installation = services.installation, clerk = clerk(context), url = surveyURL(request)
                let letters = try await Blocking.run {
                    let template = try installation.letterTemplate(surveyURL: url)
                    return template.document(try installation.issueInvitations(csvText: text, name: "CSV", by: clerk), stylesheetHref: Self.stylesheet)
                }
                return PageRenderer.html(letters)
            } catch let error as InputError {
                let place = { (line: String, column: String) in
                    error.line.map { "\(line) \($0)\(error.field.map { ", \(column) \($0)" } ?? ""): " } ?? ""
                }
                let located = InputError(field: "csv", english: place("line", "column") + error.english,
                                         german: place("Zeile", "Spalte") + error.german)
                return try await page(request, context, csv: csv, errors: [located], status: EntryRoutes.status(context))
            }
        }
    }

    private func clerk(_ context: AppRequestContext) -> Actor { Actor(role: Role.hr.rawValue, user: context.identity!.name) }

    static let stylesheet = "/static/letter.css"

    private func surveyURL(_ request: Request) -> String { Self.surveyURL(request, secure: services.configuration.secureCookies) }

    private func page(_ request: Request, _ context: AppRequestContext, fields: FormFields? = nil, csv: String = "",
                      errors: [InputError] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let installation = services.installation
        let (counts, ways) = try await Blocking.run { (try installation.invitationCounts(), try installation.entryWays()) }
        guard let form = services.catalog.current.first else { throw HTTPError(.notFound) }
        var view = EntryFormView(form: form, units: services.catalog.units, language: context.language)
        view.fields = fields
        view.errors = errors.filter { $0.field != "csv" }
        var values = view.values()
        values["csv"] = csv
        if !ways.contains(.selfService) { values["off"] = true }
        if let error = errors.first(where: { $0.field == "csv" }) {
            values["csvError"] = context.message(error)
            values["hasErrors"] = true
            values["errors"] = [["anchor": "csv", "label": Strings.text("invite_batch_label", context.language), "message": context.message(error)]]
        }
        values["counts"] = counts.keys.sorted().map { period in
            let c = counts[period]!
            return ["period": period, "issued": c.issued, "open": c.open, "answered": c.redeemed, "expired": c.expired] as [String: Any]
        }
        return services.pages.page("invitations", values, request: request, context: context, status: status)
    }

    static func surveyURL(_ request: Request, secure: Bool) -> String {
        EntryRoutes.withdrawURL(request, secure: secure).replacingOccurrences(of: "/withdraw", with: "/survey")
    }
}
