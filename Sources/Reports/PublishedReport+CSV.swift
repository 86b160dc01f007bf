import Foundation

extension PublishedReport {
    /// CSV in two dialects. `de`: semicolon, decimal comma, UTF-8 with byte-order mark (opens right in
    /// German Excel); `en`: comma and decimal point. Withheld cells print ".", true zeros "–"
    /// (Destatis convention); after an empty line follow, as comment lines, each period's
    /// participation and the legend.
    public func csv(locale: String) -> String {
        let german = locale == "de"
        let separator = german ? ";" : ","
        func field(_ s: String) -> String {
            s.contains(separator) || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        func decimal(_ value: Double?) -> String {
            guard let value else { return "" }
            let text = String(format: "%.1f", value * 100)
            return german ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        var lines = [(dimensions.map(\.name) + ["category", "count", "share_percent", "response_rate_percent", "status"]).joined(separator: separator)]
        for cell in cells {
            let count = Self.display(cell.count, status: cell.status)
            lines.append((dimensions.map { field(cell.coordinates[$0.name] ?? "") }
                          + [field(cell.category), count, decimal(cell.share), decimal(cell.responseRate), cell.status]).joined(separator: separator))
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
        return (german ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }
}
