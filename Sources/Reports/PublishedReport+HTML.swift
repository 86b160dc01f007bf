import Foundation
import Forms

extension PublishedReport {
    /// A self-contained page: the table, an SVG chart (bars for a baseline, lines for a trend), the
    /// policy in words and a print stylesheet. No script, no external request.
    public func html(language: String = "de") -> String {
        HTML.document(title: title.text(language), language: language, stylesheet: Self.stylesheet, body: htmlBody(language: language))
    }

    /// The page's content without its frame: what the integration office's report page embeds.
    public func htmlBody(language: String = "de") -> String {
        let en = language == "en"
        let groupNames = dimensions.map(\.name)
        let columns = categories + ["total"]
        let headline = categoryLabels[headlineCategory]?.text(language) ?? headlineCategory
        var h = ["<h1>\(escape(title.text(language)))</h1>",
                 "<p class=\"meta\">\(escape(indicatorLabel.text(language))) · \(en ? "hiring years" : "Einstellungsjahre") \(periods.map(String.init).joined(separator: ", ")) · \(en ? "release" : "Veröffentlichung") <code>\(escape(release))</code> (\(escape(day)))</p>",
                 kind == .baseline ? barChart(language) : lineChart(language),
                 "<table><caption>\(escape(title.text(language)))</caption><thead><tr>"]
        h.append((groupNames.map { "<th scope=\"col\">\(escape(title(ofDimension: $0, language)))</th>" }
                  + columns.map { "<th scope=\"col\">\(escape(categoryLabels[$0]?.text(language) ?? $0))</th>" }
                  + ["<th scope=\"col\">% \(escape(headline))</th>", "<th scope=\"col\">\(en ? "% response" : "% Antwortquote")</th>"]).joined())
        h.append("</tr></thead><tbody>")
        for group in groups {
            let margin = dimensions.contains { !$0.leaves.contains(group[$0.name] ?? "") }
            var row = "<tr\(margin ? " class=\"margin\"" : "")>"
            row += groupNames.enumerated().map { i, name in
                let text = escape(label(name, group[name] ?? "", language))
                return i == 0 ? "<th scope=\"row\">\(text)</th>" : "<td>\(text)</td>"
            }.joined()
            for category in columns {
                let c = cell(group, category: category)
                row += numberCell(Self.display(c?.count, status: c?.status), withheld: c?.count == nil, language)
            }
            row += "<td class=\"n\">\(percent(cell(group, category: headlineCategory)?.share, language))</td>"
            row += "<td class=\"n\">\(percent(cell(group, category: "total")?.responseRate, language))</td></tr>"
            h.append(row)
        }
        h.append("</tbody></table>")
        h.append("<p class=\"legend\">\(en ? "<b>.</b> withheld (disclosure control) · <b>–</b> true zero · shares in percent of the group's respondents; response rate = respondents ÷ asked" : "<b>.</b> geheim zu halten · <b>–</b> genau null · Anteile in Prozent der Antwortenden der Gruppe; Antwortquote = Antwortende ÷ Befragte")</p>")
        if !participation.isEmpty { h.append(participationTable(language)) }
        if let reference {
            h.append("<p>\(en ? "Reference" : "Vergleichswert"): \(escape(reference.label.text(language))): <strong>\(percent(reference.share, language)) %</strong> <small>(\(escape(reference.source)))</small></p>")
        }
        h.append("<h2>\(en ? "How these figures are protected" : "Wie diese Zahlen geschützt sind")</h2><ul>"
                 + policy.sentences.map { "<li>\(escape($0.text(language)))</li>" }.joined() + "</ul>")
        return h.joined(separator: "\n")
    }

    /// A number right-aligned; a withheld one says so to a screen reader's user, and nothing more.
    private func numberCell(_ text: String, withheld: Bool, _ language: String) -> String {
        "<td class=\"n\"\(withheld ? " title=\"\(language == "en" ? "withheld" : "geheim zu halten")\"" : "")>\(text)</td>"
    }

    /// Each period's participation as a table of its own (one row per hiring year), and its legend.
    private func participationTable(_ language: String) -> String {
        let heading = escape(ParticipationText.heading.text(language))
        var h = "<table class=\"participation\"><caption>\(heading)</caption><thead><tr>"
            + participationHeadings(language).map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for line in participation {
            let row = participationRow(line, language)
            h += "<tr><th scope=\"row\">\(row[0])</th>"
            for (text, count) in zip(row[1..<4], [line.answered, line.declined, line.notAnswered]) {
                h += numberCell(text, withheld: count == nil, language)
            }
            h += "<td class=\"n\">\(row[4])</td></tr>"
        }
        return h + "</tbody></table>\n<p class=\"legend\">\(escape(ParticipationText.legend.text(language)))</p>"
    }

    static let stylesheet = """
        body{font:15px/1.45 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}\
        table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:bold;padding:.3rem 0}\
        th,td{border:1px solid #888;padding:.25rem .45rem;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\
        tr.margin{background:#eef2f7;font-weight:600}.meta,.legend{color:#333}svg{max-width:100%;height:auto}\
        svg text{font:12px system-ui,sans-serif;fill:#111}@media print{body{margin:0;max-width:none}tr.margin{background:none}}
        """

    func escape(_ s: String) -> String { HTML.escape(s) }

    /// Horizontal bars: the headline share per group of the first dimension that has one; groups
    /// whose share is withheld are left out (the table shows them as ".").
    private func barChart(_ language: String) -> String {
        guard let first = dimensions.first else { return "" }
        let rows = first.codes.compactMap { code -> (String, Double?)? in
            var group = [first.name: code]
            for other in dimensions.dropFirst() { group[other.name] = "Total" }
            guard let share = cell(group, category: headlineCategory)?.share else { return nil }
            let text = label(first.name, code, language)
            return (text.count > 44 ? String(text.prefix(43)) + "…" : text, share)
        }
        let rowHeight = 18, left = 320, width = 560, top = 10
        let height = top + rows.count * rowHeight + 30
        var svg = ["<figure><svg role=\"img\" aria-label=\"\(escape((categoryLabels[headlineCategory]?.text(language) ?? "")))\" viewBox=\"0 0 \(left + width + 60) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"]
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight
            svg.append("<text x=\"\(left - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(escape(row.0))</text>")
            if let share = row.1 {
                svg.append("<rect x=\"\(left)\" y=\"\(y + 3)\" width=\(String(format: "\"%.1f\"", share * Double(width))) height=\"12\" fill=\"#1f5f99\"/>")
                svg.append("<text x=\(String(format: "\"%.1f\"", Double(left) + share * Double(width) + 4)) y=\"\(y + 13)\">\(percent(share, language)) %</text>")
            } else {
                svg.append("<text x=\"\(left + 4)\" y=\"\(y + 13)\">.</text>")
            }
        }
        if let reference {
            let x = Double(left) + reference.share * Double(width)
            svg.append(String(format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#b03000\" stroke-dasharray=\"4 3\"/>", x, x, top, height - 25))
            svg.append(String(format: "<text x=\"%.1f\" y=\"%d\">", x + 4, height - 10) + escape(reference.label.text(language)) + "</text>")
        }
        svg.append("</svg><figcaption>% \(escape(categoryLabels[headlineCategory]?.text(language) ?? "")) \(language == "en" ? "of respondents; groups whose share is withheld are not shown" : "der Antwortenden; Gruppen mit geheim zu haltendem Anteil fehlen")</figcaption></figure>")
        return svg.joined(separator: "\n")
    }

    /// One line per group of the second dimension (or the total) across the years.
    private func lineChart(_ language: String) -> String {
        guard let years = dimensions.first(where: { $0.name == "year" }) else { return "" }
        let yearCodes = years.codes.filter { years.leaves.contains($0) }
        let series = dimensions.first { $0.name != "year" }
        let seriesCodes = series?.codes.filter { series!.leaves.contains($0) || $0 == "Total" } ?? ["Total"]
        let left = 50, width = 560, top = 10, plot = 220
        let colours = ["#1f5f99", "#b03000", "#2e7d32", "#6a3d9a", "#8c564b", "#111111"]
        let maxShare = max(0.05, cells.compactMap { $0.category == headlineCategory ? $0.share : nil }.max() ?? 0.05)
        func x(_ i: Int) -> Double { Double(left) + (yearCodes.count > 1 ? Double(i) * Double(width) / Double(yearCodes.count - 1) : 0) }
        func y(_ share: Double) -> Double { Double(top + plot) - share / maxShare * Double(plot) }
        var svg = ["<figure><svg role=\"img\" aria-label=\"trend\" viewBox=\"0 0 \(left + width + 320) \(top + plot + 40)\" xmlns=\"http://www.w3.org/2000/svg\">",
                   "<line x1=\"\(left)\" x2=\"\(left + width)\" y1=\"\(top + plot)\" y2=\"\(top + plot)\" stroke=\"#888\"/>"]
        for (i, year) in yearCodes.enumerated() {
            svg.append(String(format: "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%@</text>", x(i), top + plot + 18, year))
        }
        svg.append(String(format: "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%@ %%</text>", left - 6, top + 10, percent(maxShare, language)))
        for (s, code) in seriesCodes.enumerated() {
            var points: [String] = []
            for (i, year) in yearCodes.enumerated() {
                var group = ["year": year]
                if let series { group[series.name] = code }
                if let share = cell(group, category: headlineCategory)?.share { points.append(String(format: "%.1f,%.1f", x(i), y(share))) }
            }
            let colour = code == "Total" ? "#111111" : colours[s % colours.count]
            if points.count > 1 { svg.append("<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>") }
            for point in points { svg.append("<circle r=\"3\" fill=\"\(colour)\" cx=\"\(point.split(separator: ",")[0])\" cy=\"\(point.split(separator: ",")[1])\"/>") }
            svg.append("<text x=\"\(left + width + 12)\" y=\"\(top + 14 + s * 16)\" fill=\"\(colour)\">\(escape(series.map { label($0.name, code, language) } ?? code))</text>")
        }
        svg.append("</svg><figcaption>% \(escape(categoryLabels[headlineCategory]?.text(language) ?? "")) \(language == "en" ? "of respondents, by hiring year; withheld points are left out" : "der Antwortenden nach Einstellungsjahr; geheim zu haltende Punkte fehlen")</figcaption></figure>")
        return svg.joined(separator: "\n")
    }
}
