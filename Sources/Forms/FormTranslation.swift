/// A form's respondent-facing texts in a further language, beside the German and English that the
/// form file itself carries.
///
/// Read from `<forms>/translations/<form-id>.<language>.yaml` with
/// ``FormTranslation/load(contentsOf:form:pageKeys:)``: the title, the consent text, each item's
/// question and answer labels, and the survey pages' own texts (`pages`). A text the file leaves out
/// falls back to its ``fallback`` language (English unless the file says `de`), and ``missing``
/// names every such key, so that the fallback is said, not silent.
public struct FormTranslation: Sendable {
    /// Which way the script runs; `rtl` pages get `dir="rtl"`.
    public enum Direction: String, Sendable {
        case ltr, rtl
    }

    public let formID: String
    /// A BCP 47 language tag (`ar`, `fa`, `pt-BR`), also the file name's second part.
    public let language: String
    public let direction: Direction
    /// `de` or `en`: where a text the file leaves out comes from.
    public let fallback: String
    let title: String?
    let consent: String?
    let questions: [String: String]
    let answerLabels: [String: [String: String]]
    /// Survey page texts by key (the web application's string keys).
    public let pages: [String: String]
    /// The keys this file leaves out (`items.citizenship.answers.not_german`, `pages.survey_title`),
    /// in form order: each falls back to ``fallback``.
    public let missing: [String]

    public func title(of form: FormDefinition) -> String { title ?? form.title.text(fallback) }
    public func consent(of form: FormDefinition) -> String { consent ?? form.consent.text(fallback) }
    public func question(of item: Item) -> String { questions[item.key] ?? item.question.text(fallback) }
    public func label(of answer: AnswerCode, in item: Item) -> String {
        answerLabels[item.key]?[answer.code] ?? answer.label.text(fallback)
    }
}
