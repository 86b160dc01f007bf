import Forms

extension MonitoringReport {
    /// The printable report for the council: A4, German by default, the data status, the disclosure
    /// note and page numbers, no navigation, no script.
    ///
    /// With `stylesheetHref` the page links its stylesheet (``printStylesheet``, served there)
    /// instead of carrying it, for a server whose content security policy allows no inline style.
    public func html(language: String = "de", stylesheetHref: String? = nil) -> String {
        let body = "<main>\n" + htmlBody(language: language, releaseLink: nil) + "\n</main>"
        guard let stylesheetHref else {
            return HTML.document(title: MonitoringText.title.text(language), language: language,
                                 stylesheet: Self.printStylesheet, body: body)
        }
        return ["<!doctype html>", "<html lang=\"\(language == "en" ? "en" : "de")\"><head><meta charset=\"utf-8\">",
                "<title>\(HTML.escape(MonitoringText.title.text(language)))</title>",
                "<link rel=\"stylesheet\" href=\"\(HTML.escape(stylesheetHref))\"></head><body>", body, "</body></html>"]
            .joined(separator: "\n") + "\n"
    }

    /// The panels without a page frame: what the dashboard embeds. `releaseLink` gives the address
    /// of a released table, if the reader may open it.
    public func htmlBody(language: String = "de", releaseLink: ((String) -> String?)?) -> String {
        var h = ["<header class=\"monitoring-head\"><h1>\(HTML.escape(MonitoringText.title.text(language)))</h1>",
                 "<p>\(HTML.escape(MonitoringText.subtitle.text(language)))</p>",
                 "<p class=\"meta\">\(HTML.escape(MonitoringText.dataStatus.text(language))): <time datetime=\"\(HTML.escape(day))\">\(HTML.escape(day))</time></p></header>"]
        for panel in panels { h.append(Self.panelHTML(panel, language: language, releaseLink: releaseLink)) }
        h.append("<p class=\"legend\">* \(HTML.escape(MonitoringText.lowResponse.text(language))) (&lt; \(HTML.escape(MonitoringText.percent(lowResponseRate, language)))) · <b>.</b> \(language == "en" ? "withheld (disclosure control)" : "geheim zu halten")</p>")
        h.append("<p class=\"disclosure-note\">\(HTML.escape(Self.disclosureNote.text(language)))</p>")
        return h.joined(separator: "\n")
    }

    private static func panelHTML(_ panel: Panel, language: String, releaseLink: ((String) -> String?)?) -> String {
        let goal = panel.goal, status = panel.figures.outcome.status
        var h = ["<section class=\"goal\" id=\"goal-\(HTML.escape(goal.id))\" aria-labelledby=\"goal-title-\(HTML.escape(goal.id))\">",
                 "<h2 id=\"goal-title-\(HTML.escape(goal.id))\">\(HTML.escape(goal.title.text(language)))</h2>",
                 "<p class=\"status status-\(status.rawValue)\"><span aria-hidden=\"true\" class=\"symbol\">\(status.symbol)</span> <strong>\(HTML.escape(MonitoringText.status.text(language))): \(HTML.escape(status.label.text(language)))</strong>\(panel.figures.outcome.year.map { " (\($0))" } ?? "")</p>",
                 "<div class=\"goal-body\">"]
        if !panel.figures.headline.points.isEmpty {
            h.append("<figure>\(GoalChart(panel: panel, language: language).svg())<figcaption>\(HTML.escape(language == "en" ? "Solid: the yearly share; dashed: the straight line from the baseline to the target; dotted: baseline and reference. The table gives every figure." : "Durchgezogen: der Anteil je Jahr; gestrichelt: die gerade Linie vom Ist-Wert zum Ziel; gepunktet: Ist-Wert und Vergleichswert. Die Tabelle nennt jede Zahl."))</figcaption></figure>")
        }
        h.append("<dl class=\"key-figures\">")
        for (label, value) in keyFigures(panel, language) { h.append("<dt>\(HTML.escape(label))</dt><dd>\(HTML.escape(value))</dd>") }
        h.append("<dt>\(HTML.escape(MonitoringText.rule.text(language)))</dt><dd>\(HTML.escape(goal.rule.words(baselineYear: goal.baselineYear, target: goal.target).text(language)))</dd></dl></div>")
        guard !panel.figures.headline.points.isEmpty else {
            h.append("<p>\(HTML.escape(MonitoringText.noTable.text(language)))</p></section>")
            return h.joined(separator: "\n")
        }
        for series in [panel.figures.headline] + panel.figures.parts {
            let rows = seriesTable(series, language)
            h.append("<table class=\"series\"><caption>\(HTML.escape(goal.title.text(language))) – \(HTML.escape(series.label.text(language)))</caption><thead><tr>")
            h.append(rows.headings.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>")
            for row in rows.rows {
                h.append("<tr><th scope=\"row\">\(HTML.escape(row[0]))</th>" + row.dropFirst().map { "<td class=\"n\">\(HTML.escape($0))</td>" }.joined() + "</tr>")
            }
            h.append("</tbody></table>")
        }
        let links = panel.figures.releases.compactMap(panel.table(release:)).map { table in
            let release = HTML.escape(table.release)
            let link = releaseLink?(table.release).map { "<a href=\"\(HTML.escape($0))\"><code>\(release)</code></a>" } ?? "<code>\(release)</code>"
            return "\(link) (\(HTML.escape(table.day)))"
        }
        h.append("<p class=\"meta\">\(HTML.escape(MonitoringText.releases.text(language))): \(links.joined(separator: ", "))</p></section>")
        return h.joined(separator: "\n")
    }

    /// The panels' layout, for the page and the dashboard alike.
    public static let stylesheet = """
    .goal{border-top:2px solid #333;margin:1.5rem 0;padding-top:.5rem;break-inside:avoid-page}
    .goal figure{margin:0 0 .8rem;max-width:46rem}.goal-chart{width:100%;height:auto;font:11px sans-serif}
    .key-figures{display:grid;grid-template-columns:minmax(10rem,36%) 1fr;gap:.25rem .8rem;margin:0}
    .key-figures dt{font-weight:bold}.key-figures dd{margin:0}
    .status{font-size:1.1rem}.status .symbol{display:inline-block;width:1.4em;text-align:center}
    table.series{border-collapse:collapse;margin:.6rem 0}table.series th,table.series td{border:1px solid #999;padding:.15rem .45rem}
    table.series td.n{text-align:right;white-space:nowrap}table.series caption{text-align:left;font-weight:bold}
    .disclosure-note,.legend,.meta{font-size:.9rem}
    """

    /// The printable report's own stylesheet: the panels, A4, and the page number (as "3 / 7", in
    /// any language) at the foot of every page.
    public static let printStylesheet = stylesheet + """

    body{font:11pt/1.4 sans-serif;color:#000;max-width:48rem;margin:1rem auto}
    @page{size:A4;margin:18mm 16mm 20mm;@bottom-right{content:counter(page) " / " counter(pages);font:9pt sans-serif}}
    @media print{body{margin:0;max-width:none}a{color:#000;text-decoration:none}}
    """
}
