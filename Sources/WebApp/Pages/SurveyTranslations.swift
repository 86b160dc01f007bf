import Forms
import Foundation

/// The further languages of the survey pages, read once at start from `<forms>/translations/`.
///
/// German and English stay in the form file and ``Strings``; a translation adds a language to the
/// respondent's pages only (`/survey?lang=ar`); HR's pages stay German and English.
struct SurveyTranslations: Sendable {
    let all: [FormTranslation]

    /// The texts of the layout and the survey pages that a translation file may carry (`pages:`).
    static let pageKeys = [
        "skip", "app_name", "app_tagline", "login", "footer", "error_title", "errors_title", "nothing_stored",
        "survey_title", "survey_intro", "survey_code", "survey_code_hint", "survey_start", "survey_missing", "survey_unknown",
        "consent_legend", "consent_confirm", "consent_missing", "items_legend", "survey_items_hint", "survey_submit",
        "survey_decline", "survey_decline_hint", "survey_thanks", "survey_receipt_intro", "receipt_code",
        "receipt_withdraw_title", "receipt_withdraw", "receipt_data_title", "receipt_data", "survey_declined", "survey_again", "kiosk_timeout", "kiosk_more_time",
    ]

    static func load(formsDirectory: URL, forms: [FormDefinition]) throws -> SurveyTranslations {
        SurveyTranslations(all: try FormTranslation.loadAll(formsDirectory: formsDirectory, forms: forms, pageKeys: pageKeys))
    }

    /// The translation into `language` of `formID`, or, before the form is known (the code page),
    /// of any form.
    func translation(_ language: String?, formID: String? = nil) -> FormTranslation? {
        guard let language else { return nil }
        return all.first { $0.language == language && (formID == nil || $0.formID == formID) }
    }

    /// One line per translation that leaves texts out, for the start-up log: the fallback is said.
    var fallbackNotes: [String] {
        all.filter { !$0.missing.isEmpty }.map {
            "translations/\($0.formID).\($0.language).yaml: \($0.missing.count) texts fall back to \($0.fallback): "
                + $0.missing.joined(separator: ", ")
        }
    }
}
