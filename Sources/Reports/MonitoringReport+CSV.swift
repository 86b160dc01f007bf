extension MonitoringReport {
    /// One row per goal, series and year, in the two dialects of a report's CSV (``CSVDialect``).
    /// A withheld count prints ".", as in a report's CSV; a share, range or rate the release does not
    /// show is empty. The goal's status and settings repeat on each of its rows so that a spreadsheet
    /// can filter by goal.
    public func csv(locale: String) -> String {
        let dialect = CSVDialect(locale: locale)
        let decimal = dialect.percent
        let headings = ["goal", "series", "year", "count", "respondents", "asked", "share_percent", "lower_bound_percent",
                        "upper_bound_percent", "response_rate_percent", "low_response", "status", "status_year",
                        "baseline_year", "target_percent", "target_year", "reference_percent", "measure", "release"]
        var lines = [headings.joined(separator: dialect.separator)]
        for panel in panels {
            let goal = panel.goal, outcome = panel.figures.outcome
            let settings = [outcome.status.rawValue, outcome.year.map(String.init) ?? "", String(goal.baselineYear),
                            decimal(goal.target?.share), goal.target.map { String($0.year) } ?? "", decimal(panel.reference?.share),
                            goal.measure.rawValue]
            let series = panel.figures.headline.points.isEmpty ? [] : [panel.figures.headline] + panel.figures.parts
            if series.isEmpty {
                lines.append(dialect.row([goal.id, "", ""] + Array(repeating: "", count: 8) + settings + [""]))
            }
            for part in series {
                for point in part.points {
                    let row = [goal.id, part.code, String(point.year), MonitoringText.count(point.count),
                               MonitoringText.count(point.respondents), MonitoringText.count(point.asked), decimal(point.share),
                               decimal(point.bounds?.lowerBound), decimal(point.bounds?.upperBound), decimal(point.responseRate),
                               point.share == nil ? "" : String(point.lowResponse)] + settings + [point.release]
                    lines.append(dialect.row(row))
                }
            }
        }
        lines.append("")
        let language = dialect.german ? "de" : "en"
        lines.append("# \(MonitoringText.dataStatus.text(language)): \(day)")
        lines.append("# " + Self.disclosureNote.text(language))
        return dialect.document(lines)
    }
}
