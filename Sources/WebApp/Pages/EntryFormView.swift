import Forms

/// The questionnaire as template values: context fields first, then consent, then the items, each
/// with its error tied to it (`aria-describedby`) and listed in the summary with a link to the field.
struct EntryFormView {
    let form: FormDefinition
    let units: OrgUnits
    let language: Language
    /// What was posted, to show it again beside the errors.
    var fields: FormFields?
    var errors: [InputError] = []
    /// The respondent's texts in a further language (survey only); `language` is then its fallback.
    var translation: FormTranslation?

    init(form: FormDefinition, units: OrgUnits, language: Language) {
        self.form = form
        self.units = units
        self.language = language
    }

    private var lang: String { language.rawValue }

    func message(_ error: InputError) -> String { language == .en ? error.english : error.german }

    func error(for field: String) -> [String: Any]? {
        errors.first { $0.field == field }.map { ["message": message($0)] }
    }

    func values() -> [String: Any] {
        var values: [String: Any] = [
            "formID": form.id, "version": form.version, "formTitle": translation?.title(of: form) ?? form.title.text(lang),
            "consentText": translation?.consent(of: form) ?? form.consent.text(lang),
            "context": form.context.map(contextValues),
            "items": form.items.map(itemValues),
        ]
        if fields?["consent"] == "yes" { values["consentGiven"] = true }
        if let consent = errors.first(where: { $0.field == "consent" }) { values["consentError"] = message(consent) }
        if !errors.isEmpty {
            values["hasErrors"] = true
            values["errors"] = errors.map(summaryEntry)
        }
        return values
    }

    private func contextValues(_ field: ContextField) -> [String: Any] {
        let submitted = fields?["ctx.\(field.key)"] ?? ""
        var values: [String: Any] = ["id": "ctx-\(field.key)", "name": "ctx.\(field.key)", "label": field.label.text(lang)]
        switch field.kind {
        case .month:
            values["isText"] = true
            values["value"] = submitted
            values["placeholder"] = language == .en ? "YYYY-MM" : "JJJJ-MM"
        case .unit:
            values["options"] = units.units.map { unit in
                ["code": unit.code, "label": "\(unit.code) – \(unit.name.text(lang))", "selected": unit.code == submitted] as [String: Any]
            }
        case .choice(let answers):
            values["options"] = answers.map { ["code": $0.code, "label": $0.label.text(lang), "selected": $0.code == submitted] as [String: Any] }
        }
        if let error = error(for: field.key) { values["error"] = error }
        return values
    }

    private func itemValues(_ item: Item) -> [String: Any] {
        let submitted = fields?["item.\(item.key)"] ?? FormDefinition.noAnswer
        var values: [String: Any] = [
            "id": "item-\(item.key)", "question": question(item),
            "answers": item.answers.map { answer in
                ["id": "item-\(item.key)-\(answer.code)", "name": "item.\(item.key)", "code": answer.code,
                 "label": translation?.label(of: answer, in: item) ?? answer.label.text(lang), "checked": answer.code == submitted] as [String: Any]
            },
        ]
        if let error = error(for: item.key) { values["error"] = error }
        return values
    }

    private func question(_ item: Item) -> String { translation?.question(of: item) ?? item.question.text(lang) }

    private func summaryEntry(_ error: InputError) -> [String: Any] {
        var entry: [String: Any] = ["message": message(error)]
        if let field = error.field, let context = form.contextField(field) {
            entry["anchor"] = "ctx-\(field)"
            entry["label"] = context.label.text(lang)
        } else if let field = error.field, let item = form.item(field) {
            entry["anchor"] = "item-\(field)"
            entry["label"] = question(item)
        } else if error.field == "consent" {
            entry["anchor"] = "consent"
            entry["label"] = translation?.pages["consent_legend"] ?? Strings.text("consent_legend", language)
        } else {
            entry["label"] = error.field ?? Strings.text("form_general", language)
        }
        return entry
    }
}
