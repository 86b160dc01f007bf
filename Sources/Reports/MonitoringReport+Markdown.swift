import Forms

extension MonitoringReport {
    /// The key figures of a goal as label and value, in the order every rendering shows them.
    static func keyFigures(_ panel: Panel, _ language: String) -> [(String, String)] {
        let figures = panel.figures, goal = panel.goal
        var rows = [(MonitoringText.status.text(language), MonitoringText.status(figures.outcome, language))]
        rows.append((MonitoringText.baseline.text(language) + " \(goal.baselineYear)", MonitoringText.percent(figures.baseline?.share, language)))
        if let latest = figures.latest {
            rows.append((MonitoringText.latest.text(language) + " \(latest.year)", MonitoringText.percent(latest.share, language)))
            rows.append((MonitoringText.change.text(language), MonitoringText.points(figures.changePoints, language)))
        }
        if let target = goal.target {
            rows.append((MonitoringText.target.text(language) + " \(target.year)", MonitoringText.percent(target.share, language)))
            rows.append((MonitoringText.gapToTarget.text(language), MonitoringText.points(figures.gapToTargetPoints, language)))
        }
        if let reference = panel.reference {
            rows.append((MonitoringText.reference.text(language), MonitoringText.reference(reference, language)))
            rows.append((MonitoringText.gapToReference.text(language), MonitoringText.points(figures.gapToReferencePoints, language)))
        }
        var measure = goal.measure.label.text(language)
        if let text = goal.measureText { measure += ": " + text.text(language) }
        rows.append((MonitoringText.measure.text(language), measure))
        return rows
    }

    /// The column headings of a series' table, and one row per year.
    static func seriesTable(_ series: GoalFigures.Series, _ language: String) -> (headings: [String], rows: [[String]]) {
        let headings = [MonitoringText.year, .init(de: "Anzahl", en: "Count"), MonitoringText.share, MonitoringText.bounds,
                        MonitoringText.responseRate, MonitoringText.respondents, MonitoringText.asked].map { $0.text(language) }
        let rows = series.points.map { point in
            [String(point.year), MonitoringText.count(point.count),
             MonitoringText.percent(point.share, language) + (point.lowResponse ? " *" : ""),
             MonitoringText.range(point.bounds, language), point.responseRate.map { MonitoringText.percent($0, language) } ?? MonitoringText.withheld,
             MonitoringText.count(point.respondents), MonitoringText.count(point.asked)]
        }
        return (headings, rows)
    }

    /// Markdown for the council's papers and the statistics unit's terminal.
    public func markdown(language: String) -> String {
        var lines = ["# \(MonitoringText.title.text(language))", "", MonitoringText.subtitle.text(language), "",
                     "\(MonitoringText.dataStatus.text(language)): \(day)", ""]
        for panel in panels {
            lines += ["## \(panel.goal.title.text(language))", ""]
            lines += Self.keyFigures(panel, language).map { "- **\($0.0):** \($0.1)" }
            lines += ["- **\(MonitoringText.rule.text(language)):** \(panel.goal.rule.words(baselineYear: panel.goal.baselineYear, target: panel.goal.target).text(language))", ""]
            guard !panel.figures.headline.points.isEmpty else {
                lines += [MonitoringText.noTable.text(language), ""]
                continue
            }
            for series in [panel.figures.headline] + panel.figures.parts {
                let table = Self.seriesTable(series, language)
                lines += ["**\(series.label.text(language))**", "",
                          "| " + table.headings.joined(separator: " | ") + " |",
                          "|" + String(repeating: " --- |", count: table.headings.count)]
                lines += table.rows.map { "| " + $0.joined(separator: " | ") + " |" }
                lines.append("")
            }
            lines += ["\(MonitoringText.releases.text(language)): \(panel.figures.releases.joined(separator: ", "))", ""]
        }
        lines += ["* \(MonitoringText.lowResponse.text(language)) (< \(MonitoringText.percent(lowResponseRate, language)))",
                  "", Self.disclosureNote.text(language)]
        return lines.joined(separator: "\n") + "\n"
    }
}
