import Forms
import Foundation
import Hummingbird
import Operations
import Retention
import HummingbirdAuth
import Store
import Vault

/// HR's pages: the questionnaire, "asked, declined", and the receipt shown once.
///
/// Saving follows POST-redirect-GET: the POST stores and redirects (303) to `/entry/receipt`, which
/// takes the receipt code out of the session as it shows it. The code never appears in a URL, and
/// all pages are `no-store`, so neither the answers nor the code stay in the browser's history.
struct EntryRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let group = router.group("entry").requiring(.hr, maxBodySize: services.configuration.maxBodySize, showsRefusedBody: true)
        group.get { request, context in
            let language = context.language.rawValue
            let forms = services.catalog.current.map { ["id": $0.id, "title": $0.title.text(language), "version": $0.version] as [String: Any] }
            return services.pages.page("forms", ["forms": forms], request: request, context: context)
        }
        group.get("receipt") { request, context in
            var values: [String: Any] = ["de": Strings.table(.de), "en": Strings.table(.en),
                                         "withdrawURL": Self.withdrawURL(request, secure: services.configuration.secureCookies)]
            if var session = context.sessions.session, let code = session.pendingReceipt {
                session.pendingReceipt = nil
                _ = context.sessions.updateSession(session)
                values["code"] = code
            }
            return services.pages.page("receipt", values, request: request, context: context, switchLanguage: false)
        }
        group.get("{form}") { request, context in
            let form = try form(context)
            var values = EntryFormView(form: form, units: services.catalog.units, language: context.language).values()
            if context.takeNotice() == .declineRecorded { values["notice"] = Strings.text("decline_recorded", context.language) }
            let installation = services.installation
            if try await Blocking.run({ try installation.entryWays() }).contains(.selfService) { values["invitationsOffered"] = true }
            return services.pages.page("entry", values, request: request, context: context)
        }
        group.post("{form}") { request, context in try await save(request, context) }
        group.post("{form}/decline") { request, context in try await decline(request, context) }
    }

    func form(_ context: AppRequestContext) throws -> FormDefinition {
        guard let id = context.parameters.get("form"), let form = services.catalog.current(id) else { throw HTTPError(.notFound) }
        return form
    }

    func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try form(context)
        var view = EntryFormView(form: form, units: services.catalog.units, language: context.language)
        do {
            let raw = try submission(context, form: form, answers: true, into: &view)
            let installation = services.installation, clerk = Actor(role: Role.hr.rawValue, user: context.identity!.name)
            let code = try await Blocking.run { try installation.enter(raw, by: clerk) }
            if var session = context.sessions.session {
                session.pendingReceipt = code.formatted
                _ = context.sessions.updateSession(session)
            }
            return Response.redirect(to: "/entry/receipt", type: .normal)
        } catch {
            return try formAgain(view, error: error, request: request, context: context)
        }
    }

    /// The posted questionnaire (`answers`) or decline, with everything the page itself asks for
    /// checked at once (every context field, and consent for answers); the installation checks the
    /// rest. The fields go into `view`, so a refused form comes back as it was sent.
    private func submission(_ context: AppRequestContext, form: FormDefinition, answers: Bool,
                            into view: inout EntryFormView) throws -> RawEntry {
        let fields = try context.form!.fields()
        view.fields = fields
        let raw = try EntrySubmission.raw(fields, form: form, includeAnswers: answers)
        var errors = EntrySubmission.missingContext(raw, form: form)
        if answers, fields["consent"] != "yes" {
            errors.append(InputError(field: "consent", english: Strings.text("consent_missing", .en), german: Strings.text("consent_missing", .de)))
        }
        guard errors.isEmpty else { throw EntrySubmission.Errors(errors: errors) }
        return raw
    }

    /// The form again, with the submitted values and its errors tied to their fields.
    private func formAgain(_ view: EntryFormView, error: Error, request: Request, context: AppRequestContext) throws -> Response {
        var view = view
        switch error {
        case let error as InputError:
            view.errors = [error]
            return services.pages.page("entry", view.values(), request: request, context: context, status: Self.status(context))
        case let error as EntrySubmission.Errors:
            view.errors = error.errors
            return services.pages.page("entry", view.values(), request: request, context: context, status: .unprocessableContent)
        default:
            throw error
        }
    }

    func decline(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try form(context)
        var view = EntryFormView(form: form, units: services.catalog.units, language: context.language)
        do {
            let raw = try submission(context, form: form, answers: false, into: &view)
            let installation = services.installation, clerk = Actor(role: Role.hr.rawValue, user: context.identity!.name)
            try await Blocking.run { try installation.decline(raw, by: clerk) }
            context.setNotice(.declineRecorded)
            return Response.redirect(to: "/entry/\(form.id)", type: .normal)
        } catch {
            return try formAgain(view, error: error, request: request, context: context)
        }
    }

    /// 413 or 415 for a refused body, else 422.
    static func status(_ context: AppRequestContext) -> HTTPResponse.Status {
        if case .refused(_, let status) = context.form { return HTTPResponse.Status(code: status) }
        return .unprocessableContent
    }

    static func withdrawURL(_ request: Request, secure: Bool) -> String {
        let authority = request.head.authority ?? "localhost"
        let safe = authority.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) } ? authority : "localhost"
        return "\(secure ? "https" : "http")://\(safe)/withdraw"
    }
}

/// Turns the posted fields into a `RawEntry`: `version`, `ctx.KEY` for context, `item.KEY` for
/// answers. Any other field is refused by name, so a typo never silently drops an answer.
enum EntrySubmission {
    struct Errors: Error { let errors: [InputError] }
    static let controlFields: Set<String> = ["_csrf", "version", "consent"]

    static func raw(_ fields: FormFields, form: FormDefinition, includeAnswers: Bool) throws -> RawEntry {
        guard let versionText = fields["version"], let version = Int(versionText) else {
            throw InputError(field: "version", english: "the form version is missing", german: "Die Formularversion fehlt.")
        }
        var context: [String: String] = [:], answers: [String: String] = [:]
        for (name, value) in fields.values.sorted(by: { $0.key < $1.key }) {
            if name.hasPrefix("ctx.") {
                context[String(name.dropFirst(4))] = value.trimmingCharacters(in: .whitespaces)
            } else if name.hasPrefix("item.") {
                if includeAnswers { answers[String(name.dropFirst(5))] = value }
            } else if !controlFields.contains(name) {
                throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
            }
        }
        return RawEntry(form: form.id, version: version, context: context, answers: answers)
    }

    /// Every missing context field at once (the validator stops at the first).
    static func missingContext(_ raw: RawEntry, form: FormDefinition) -> [InputError] {
        form.context.compactMap { field in
            guard (raw.context[field.key] ?? "").isEmpty else { return nil }
            return InputError(field: field.key, english: "required field is missing", german: "Pflichtfeld fehlt.")
        }
    }
}
