extension MonitoringReport {
    /// One row per goal, series and year, in the two dialects of a report's CSV (`de`: semicolon,
    /// decimal comma, byte-order mark; `en`: comma, decimal point). Withheld figures are empty and
    /// `withheld`; the goal's status and settings repeat on each of its rows so that a spreadsheet
    /// can filter by goal.
    public func csv(locale: String) -> String {
        let german = locale == "de"
        let separator = german ? ";" : ","
        func field(_ s: String) -> String {
            s.contains(separator) || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        func decimal(_ value: Double?, scale: Double = 100) -> String {
            guard let value else { return "" }
            let text = String(format: "%.1f", value * scale)
            return german ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let headings = ["goal", "series", "year", "count", "respondents", "asked", "share_percent", "lower_bound_percent",
                        "upper_bound_percent", "response_rate_percent", "low_response", "status", "status_year",
                        "baseline_year", "target_percent", "target_year", "reference_percent", "measure", "release"]
        var lines = [headings.joined(separator: separator)]
        for panel in panels {
            let goal = panel.goal, outcome = panel.figures.outcome
            let settings = [outcome.status.rawValue, outcome.year.map(String.init) ?? "", String(goal.baselineYear),
                            decimal(goal.target?.share), goal.target.map { String($0.year) } ?? "", decimal(panel.reference?.share),
                            goal.measure.rawValue, panel.table?.release ?? ""]
            let series = panel.table == nil ? [] : [panel.figures.headline] + panel.figures.parts
            if series.isEmpty {
                lines.append(([goal.id, "", ""] + Array(repeating: "", count: 8) + settings).map(field).joined(separator: separator))
            }
            for part in series {
                for point in part.points {
                    let row = [goal.id, part.code, String(point.year), point.count.map(String.init) ?? "",
                               point.respondents.map(String.init) ?? "", point.asked.map(String.init) ?? "", decimal(point.share),
                               decimal(point.bounds?.lowerBound), decimal(point.bounds?.upperBound), decimal(point.responseRate),
                               point.share == nil ? "" : String(point.lowResponse)] + settings
                    lines.append(row.map(field).joined(separator: separator))
                }
            }
        }
        lines.append("")
        let language = german ? "de" : "en"
        lines.append("# \(MonitoringText.dataStatus.text(language)): \(day)")
        lines.append("# " + Self.disclosureNote.text(language))
        return (german ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }
}
