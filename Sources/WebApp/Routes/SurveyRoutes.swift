import Forms
import Foundation
import Hummingbird
import Operations
import Store
import Vault

/// The respondent's survey, no login: the invitation code, then the consent text and the
/// questionnaire (every item optional), then the receipt code, shown to the respondent alone.
///
/// Every POST carries the code (in the form, never in a URL), is limited per client address like
/// withdrawals, and takes at least `withdrawalMinimumDuration`; an unknown, used or expired code
/// gets one and the same answer. The pages are `no-store`, so neither answers nor the receipt stay
/// in a kiosk's history.
///
/// `?lang=ar` (then a hidden `lang` field in every form) shows the pages in a further language
/// from `<forms>/translations/`; its errors and untranslated texts come in its fallback language.
struct SurveyRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/survey") { request, context in
            let code = String((request.uri.queryParameters.get("code") ?? "").prefix(40))
            let translation = services.translations.translation(request.uri.queryParameters.get("lang"))
            return services.pages.page("survey", ["code": code, "refresh": Self.idle], request: request,
                                       context: Self.localized(context, translation), translation: translation)
        }
        let forms = router.group().publicForms(maxBodySize: services.configuration.maxBodySize)
        forms.post("/survey") { request, context in
            let language = try? context.form!.fields()["lang"]
            let pages = services.translations.translation(language)
            return await padded(context) {
                let code = try Self.code(try context.form!.fields()["code"])
                let installation = services.installation
                guard let open = try await Blocking.run({ try installation.openInvitation(code) }) else { throw Unknown() }
                let translation = services.translations.translation(language, formID: open.form.id)
                return questionnaire(open.form, code: code, request: request, context: Self.localized(context, translation),
                                     translation: translation)
            } otherwise: { error in codePage(error, request: request, context: Self.localized(context, pages), translation: pages) }
        }
        forms.post("/survey/answer") { request, context in
            var code: InvitationCode?
            var fields: FormFields?
            let language = try? context.form!.fields()["lang"]
            let pages = services.translations.translation(language)
            let context = Self.localized(context, pages)
            return await padded(context) {
                let submitted = try context.form!.fields()
                fields = submitted
                let parsed = try Self.code(submitted["code"])
                code = parsed
                let (answers, consent) = try Self.answers(submitted)
                let installation = services.installation
                switch try await Blocking.run({ try installation.redeemInvitation(parsed, answers: answers, consentedTo: consent) }) {
                case .answered(let receipt):
                    return services.pages.page("surveyReceipt", ["receipt": receipt.formatted, "refresh": Self.done,
                                                                 "withdrawURL": EntryRoutes.withdrawURL(request, secure: services.configuration.secureCookies)],
                                               request: request, context: context, switchLanguage: false, translation: pages)
                case .declined, .unknown: throw Unknown()
                }
            } otherwise: { error in
                guard let error = error as? InputError, let code, let fields else {
                    return codePage(error, request: request, context: context, translation: pages)
                }
                let installation = services.installation
                guard let open = try? await Blocking.run({ try installation.openInvitation(code) }) else {
                    return codePage(Unknown(), request: request, context: context, translation: pages)
                }
                return questionnaire(open.form, code: code, fields: fields, errors: [error], request: request, context: context,
                                     translation: services.translations.translation(language, formID: open.form.id))
            }
        }
        forms.post("/survey/decline") { request, context in
            let pages = services.translations.translation(try? context.form!.fields()["lang"])
            let context = Self.localized(context, pages)
            return await padded(context) {
                let code = try Self.code(try context.form!.fields()["code"])
                let installation = services.installation
                guard case .declined = try await Blocking.run({ try installation.redeemInvitation(code, answers: nil, consentedTo: nil) }) else {
                    throw Unknown()
                }
                return services.pages.page("surveyDeclined", ["refresh": Self.done], request: request, context: context,
                                           switchLanguage: false, translation: pages)
            } otherwise: { error in codePage(error, request: request, context: context, translation: pages) }
        }
    }

    /// On a kiosk (only there does the layout use it), a page goes back to the start after this long,
    /// without script: the receipt soon, a page left alone after ten minutes.
    static let done = "60;url=/survey", idle = "600;url=/survey"

    /// An unknown, used or expired code: one answer for all three.
    struct Unknown: Error {}
    struct Limited: Error {}

    static func code(_ text: String?) throws -> InvitationCode {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(field: "code", english: Strings.text("survey_missing", .en), german: Strings.text("survey_missing", .de))
        }
        do { return try InvitationCode(parsing: text) } catch let error as VaultError {
            throw InputError(field: "code", english: error.english, german: error.german)
        }
    }

    /// `item.KEY` answers and the consent: the version of the consent text shown, if confirmed.
    static func answers(_ fields: FormFields) throws -> ([String: String], Int?) {
        var answers: [String: String] = [:]
        for (name, value) in fields.values {
            if name.hasPrefix("item.") { answers[String(name.dropFirst(5))] = value }
            else if !["_csrf", "code", "version", "consent", "lang"].contains(name) {
                throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
            }
        }
        let consent = fields["consent"] == "yes" ? fields["version"].flatMap { Int($0) } : nil
        return (answers, consent)
    }

    /// The context with the translation's fallback as its language: the language of its errors and
    /// of the texts it leaves out.
    static func localized(_ context: AppRequestContext, _ translation: FormTranslation?) -> AppRequestContext {
        guard let translation, let fallback = Language(rawValue: translation.fallback) else { return context }
        var context = context
        context.language = fallback
        return context
    }

    /// Rate limit, then `work`; any error goes to `otherwise`; the whole at least the minimum time.
    private func padded(_ context: AppRequestContext, _ work: () async throws -> Response,
                        otherwise: (Error) async -> Response) async -> Response {
        let start = ContinuousClock.now
        let response: Response
        if await services.surveyLimiter.admit(context.clientAddress) {
            do { response = try await work() } catch { response = await otherwise(error) }
        } else {
            response = await otherwise(Limited())
        }
        let remaining = services.configuration.withdrawalMinimumDuration - (ContinuousClock.now - start)
        if remaining > .zero { try? await Task.sleep(for: remaining) }
        return response
    }

    private func questionnaire(_ form: FormDefinition, code: InvitationCode, fields: FormFields? = nil, errors: [InputError] = [],
                               request: Request, context: AppRequestContext, translation: FormTranslation?) -> Response {
        var view = EntryFormView(form: form, units: services.catalog.units, language: context.language)
        view.fields = fields
        view.errors = errors
        view.translation = translation
        var values = view.values()
        values["code"] = code.formatted
        values["refresh"] = Self.idle
        return services.pages.page("surveyForm", values, request: request, context: context,
                                   status: errors.isEmpty ? .ok : .unprocessableContent, switchLanguage: false, translation: translation)
    }

    private func codePage(_ error: Error, request: Request, context: AppRequestContext, translation: FormTranslation?) -> Response {
        if error is Limited {
            return services.pages.page("error", ["status": 429, "message": Strings.text("survey_limited", context.language)],
                                       request: request, context: context, status: .tooManyRequests)
        }
        guard error is InputError || error is Unknown else {
            return services.pages.page("error", ["status": 500, "message": Strings.text("error_500", context.language)],
                                       request: request, context: context, status: .internalServerError)
        }
        let text = { (key: String) in translation?.pages[key] ?? Strings.text(key, context.language) }
        let message = (error as? InputError).map { context.message($0) } ?? text("survey_unknown")
        return services.pages.page("survey", ["hasErrors": true, "codeError": message, "refresh": Self.idle,
                                              "errors": [["anchor": "code", "label": text("survey_code"), "message": message]]],
                                   request: request, context: context, status: .unprocessableContent, translation: translation)
    }
}
