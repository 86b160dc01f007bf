import Foundation

extension PublishedReport {
    /// The table for a terminal: one row per group, one column per category, then the share of the
    /// headline category and the response rate; then each period's participation.
    public func markdown(language: String = "de") -> String {
        let en = language == "en"
        var md = ["# \(title.text(language))", "",
                  "\(indicatorLabel.text(language)) · \(en ? "hiring years" : "Einstellungsjahre") \(periods.map(String.init).joined(separator: ", ")) · \(en ? "release" : "Veröffentlichung") \(release) (\(day))", ""]
        let groupNames = dimensions.map(\.name)
        let columns = categories + ["total"]
        let headline = categoryLabels[headlineCategory]?.text(language) ?? headlineCategory
        md.append("| " + (groupNames.map { title(ofDimension: $0, language) } + columns.map { categoryLabels[$0]?.text(language) ?? $0 }
                            + ["% \(headline)", en ? "% response" : "% Antwortquote"]).joined(separator: " | ") + " |")
        md.append("|" + String(repeating: " --- |", count: groupNames.count) + String(repeating: " ---: |", count: columns.count + 2))
        for group in groups {
            var row = groupNames.map { label($0, group[$0] ?? "", language) }
            for category in columns { row.append(Self.display(cell(group, category: category)?.count, status: cell(group, category: category)?.status)) }
            row.append(percent(cell(group, category: headlineCategory)?.share, language))
            row.append(percent(cell(group, category: "total")?.responseRate, language))
            md.append("| " + row.joined(separator: " | ") + " |")
        }
        md += ["", en ? "`.` withheld (disclosure control) · `–` true zero · shares in percent of respondents" : "`.` geheim zu halten · `–` genau null · Anteile in Prozent der Antwortenden", ""]
        if !participation.isEmpty {
            md += ["## \(ParticipationText.heading.text(language))", "", "| " + participationHeadings(language).joined(separator: " | ") + " |",
                   "| --- |" + String(repeating: " ---: |", count: 4)]
            md += participation.map { "| " + participationRow($0, language).joined(separator: " | ") + " |" }
            md += ["", ParticipationText.legend.text(language), ""]
        }
        md += policy.sentences.map { "- " + $0.text(language) }
        if let reference {
            md += ["", "\(en ? "Reference" : "Vergleichswert"): \(reference.label.text(language)): \(percent(reference.share, language)) % (\(reference.source))"]
        }
        return md.joined(separator: "\n") + "\n"
    }

    /// "." withheld, "–" a true zero, else the published number (a count rounded or perturbed to
    /// 0 prints "0": it is not known to be zero).
    static func display(_ count: Int?, status: String?) -> String {
        guard let count else { return "." }
        return count == 0 && status == "zero" ? "–" : String(count)
    }

    func percent(_ value: Double?, _ language: String) -> String {
        value.map { Self.decimal($0 * 100, language) } ?? ""
    }

    /// One decimal, with a decimal comma in German: every figure Vielfalt prints with a fraction.
    static func decimal(_ value: Double, _ language: String) -> String {
        let text = String(format: "%.1f", value)
        return language == "en" ? text : text.replacingOccurrences(of: ".", with: ",")
    }
}
