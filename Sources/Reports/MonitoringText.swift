import Forms

/// The words and number formats every rendering of a monitoring shares, in German and English.
enum MonitoringText {
    static let title = LocalizedText(de: "Monitoring: diversitätsorientierte Personalentwicklung",
                                     en: "Monitoring: diversity-oriented personnel development")
    static let subtitle = LocalizedText(
        de: "Anteil der Neueingestellten mit den Merkmalen der Ziele des Integrationskonzepts, Stand der Zielerreichung",
        en: "Share of new hires with the characteristics the integration concept's goals follow, and how far each goal is reached")
    static let dataStatus = LocalizedText(de: "Datenstand", en: "Data status")
    static let releases = LocalizedText(de: "Zugrunde liegende Veröffentlichungen", en: "Underlying releases")
    static let status = LocalizedText(de: "Status", en: "Status")
    static let rule = LocalizedText(de: "Regel", en: "Rule")
    static let measure = LocalizedText(de: "Umsetzungsstand", en: "State of the measure")
    static let baseline = LocalizedText(de: "Ist-Wert", en: "Baseline")
    static let latest = LocalizedText(de: "Jüngster Wert", en: "Latest")
    static let change = LocalizedText(de: "Veränderung seit dem Ist-Wert", en: "Change since the baseline")
    static let target = LocalizedText(de: "Zielwert", en: "Target")
    static let gapToTarget = LocalizedText(de: "Abstand zum Ziel (Ziel − jüngster Wert)", en: "Gap to the target (target − latest)")
    static let reference = LocalizedText(de: "Vergleichswert", en: "Reference")
    static let gapToReference = LocalizedText(de: "Abstand zum Vergleichswert (Vergleichswert − jüngster Wert)", en: "Gap to the reference (reference − latest)")
    static let year = LocalizedText(de: "Jahr", en: "Year")
    static let share = LocalizedText(de: "Anteil", en: "Share")
    static let bounds = LocalizedText(de: "Spannweite, hätten alle Befragten geantwortet", en: "Range had everyone asked answered")
    static let responseRate = LocalizedText(de: "Antwortquote", en: "Response rate")
    static let respondents = LocalizedText(de: "Antwortende", en: "Respondents")
    static let asked = LocalizedText(de: "Befragte", en: "Asked")
    static let lowResponse = LocalizedText(de: "geringe Beteiligung: Anteil nur eingeschränkt aussagekräftig",
                                           en: "low response: the share says little")
    static let noTable = LocalizedText(de: "Für dieses Ziel ist keine Zahl veröffentlicht.", en: "No figure is released for this goal.")
    static let withheld = "."

    /// `18,2 %` / `18.2 %`; `.` when withheld.
    static func percent(_ share: Double?, _ language: String) -> String {
        guard let share else { return withheld }
        return decimal(share * 100, language) + " %"
    }

    /// `+2,8 Pp.` / `+2.8 pp`.
    static func points(_ value: Double?, _ language: String) -> String {
        guard let value else { return "–" }
        // The sign of the figure as printed: what rounds to 0.0 is ±0.0.
        let rounded = (value * 10).rounded() / 10
        let sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±"
        return sign + decimal(abs(rounded), language) + (language == "en" ? " pp" : " Pp.")
    }

    static func range(_ bounds: ClosedRange<Double>?, _ language: String) -> String {
        guard let bounds else { return "" }
        return decimal(bounds.lowerBound * 100, language) + "–" + decimal(bounds.upperBound * 100, language) + " %"
    }

    static func decimal(_ value: Double, _ language: String) -> String { PublishedReport.decimal(value, language) }

    static func count(_ value: Int?) -> String { value.map(String.init) ?? withheld }

    /// The status as symbol and words, e.g. `▲ auf Kurs (2025)`.
    static func status(_ outcome: StatusRule.Outcome, _ language: String) -> String {
        "\(outcome.status.symbol) \(outcome.status.label.text(language))" + (outcome.year.map { " (\($0))" } ?? "")
    }

    /// The reference with its source and year.
    static func reference(_ reference: ReferenceShares.Reference, _ language: String) -> String {
        "\(percent(reference.share, language)) – \(reference.label.text(language)); \(reference.source)"
            + (reference.year.map { " (\($0))" } ?? "")
    }
}
