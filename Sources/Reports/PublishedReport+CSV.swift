import Foundation

extension PublishedReport {
    /// CSV in the two dialects of ``CSVDialect``. Withheld cells print ".", true zeros "–"
    /// (Destatis convention); after an empty line follow, as comment lines, each period's
    /// participation and the legend.
    public func csv(locale: String) -> String {
        let dialect = CSVDialect(locale: locale), german = dialect.german
        var lines = [(dimensions.map(\.name) + ["category", "count", "share_percent", "response_rate_percent", "status"]).joined(separator: dialect.separator)]
        for cell in cells {
            let count = Self.display(cell.count, status: cell.status)
            lines.append((dimensions.map { dialect.field(cell.coordinates[$0.name] ?? "") }
                          + [dialect.field(cell.category), count, dialect.percent(cell.share), dialect.percent(cell.responseRate), cell.status])
                .joined(separator: dialect.separator))
        }
        lines.append("")
        lines += participation.map { line in
            let row = participationRow(line, locale), headings = participationHeadings(locale)
            return "# \(ParticipationText.heading.text(locale)) \(line.period): "
                + (1..<4).map { "\(headings[$0]) \(row[$0])" }.joined(separator: " · ")
                + (line.responseRate == nil ? "" : " · \(headings[4]) \(row[4])")
        }
        if !participation.isEmpty { lines.append("# \(ParticipationText.heading.text(locale)): \(ParticipationText.legend.text(locale))") }
        if german {
            lines += ["# Zeichen: . = geheim zu halten (Geheimhaltung); – = genau null; Total = Summe",
                      "# Anteile in Prozent der Antwortenden der Gruppe; Antwortquote = Antwortende / Befragte",
                      "# Veröffentlichung \(release) vom \(day); Mindestfallzahl \(policy.minCell)"]
        } else {
            lines += ["# Symbols: . = withheld (disclosure control); – = true zero; Total = sum",
                      "# Shares in percent of the group's respondents; response rate = respondents / asked",
                      "# Release \(release) of \(day); minimum cell size \(policy.minCell)"]
        }
        return dialect.document(lines)
    }
}
