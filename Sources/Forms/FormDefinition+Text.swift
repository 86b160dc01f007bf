extension FormDefinition {
    /// The form as plain text for a terminal: questions, answer codes and labels, derived indicators.
    public func plainText(units: OrgUnits, language: String) -> String {
        var lines = ["\(id) v\(version): \(title.text(language))", "", consent.text(language), ""]
        lines.append(language == "en" ? "Context (entered by HR, required):" : "Kontext (erfasst durch die Personalstelle, Pflicht):")
        for field in context {
            lines.append("  \(field.key) – \(field.label.text(language))")
            switch field.kind {
            case .unit: lines += units.units.map { "      \($0.code)  \($0.name.text(language))" }
            case .month: lines.append("      YYYY-MM")
            case .choice(let answers): lines += answers.map { "      \($0.code)  \($0.label.text(language))" }
            }
        }
        lines.append("")
        lines.append(language == "en" ? "Items (the respondent's, all optional):" : "Fragen (freiwillig, jede einzeln):")
        for item in items {
            lines.append("  \(item.key) – \(item.question.text(language))")
            lines += item.answers.map { "      \($0.code)  \($0.label.text(language))" }
        }
        lines.append("")
        lines.append(language == "en" ? "Derived indicators (never stored):" : "Abgeleitete Merkmale (nie gespeichert):")
        for indicator in indicators {
            lines.append("  \(indicator.key) – \(indicator.label.text(language)): \(indicator.categoryCodes.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
