import Forms

/// Art. 35(7)(b): necessity and proportionality, as facts computed from the loaded forms, so that a
/// form that starts asking more shows up here, not only in a review.
enum Necessity {
    typealias Text = DPIAReport.Text

    /// Words in an item's key or question that point at a country or region of origin.
    static let originWords = ["country", "origin", " land ", " länder", "herkunft", "nationality", "nationalität", "region"]
    /// An answer list this long is a list of places, not a yes/no question.
    static let placeListLength = 12

    static func facts(_ inputs: DPIADraft.Inputs) -> [Text] {
        let forms = inputs.forms
        let items = forms.flatMap(\.items), context = forms.flatMap(\.context)
        var facts: [Text] = []

        let months = context.filter { $0.kind == .month }.map(\.key)
        facts.append(Text(
            de: "Keine Identität: kein Formular hat ein Feld für Namen, Personalnummer oder ein genaues Datum. Alle \(context.count) Kontextfelder und \(items.count) Fragen sind geschlossene Code-Listen, kein Freitext. Vom Einstellungsmonat (\(months.joined(separator: ", "))) wird nur das Quartal gespeichert, das Jahr dient als Zeitraum.",
            en: "No identity: no form has a field for a name, personnel number or exact date. All \(context.count) context fields and \(items.count) items are closed code lists, no free text. Of the hiring month (\(months.joined(separator: ", "))) only the quarter is stored; the year serves as the period."))

        let originItems = items.filter(asksOrigin).map(\.key)
        let longest = items.map(\.answers.count).max() ?? 0
        facts.append(originItems.isEmpty
            ? Text(de: "Kein Herkunftsland wird erfragt: keine Frage nennt Land oder Herkunft, die längste Antwortliste hat \(longest) Codes.",
                   en: "No country of origin is asked: no item names a country or origin, the longest answer list has \(longest) codes.")
            : Text(de: "Achtung: Fragen, die nach Land oder Herkunft aussehen: \(originItems.joined(separator: ", ")). Erforderlichkeit prüfen.",
                   en: "Attention: items that look like a country or origin: \(originItems.joined(separator: ", ")). Check their necessity."))

        let optional = items.filter { $0.codes.contains(FormDefinition.noAnswer) }.count
        facts.append(Text(
            de: "Jede Frage ist freiwillig: \(optional) von \(items.count) Fragen bieten „\(FormDefinition.noAnswer)“ (keine Angabe); eine ausgelassene Frage zählt als keine Angabe. Fehlende Angaben ergeben „nicht bestimmbar“, nie eine Vermutung.",
            en: "Every item is optional: \(optional) of \(items.count) items offer \"\(FormDefinition.noAnswer)\" (prefer not to say); an omitted item counts as no answer. Missing answers give \"not determinable\", never a guess."))

        let fields = forms.map { "\($0.id) v\($0.version): \($0.sealedFieldNames.count)" }.joined(separator: ", ")
        facts.append(Text(
            de: "Felder je Formular (höchstens \(EntryCodes.maxFields)): \(fields). Die Indikatoren werden nur im Speicher eines Berichtslaufs abgeleitet, nie gespeichert.",
            en: "Fields per form (at most \(EntryCodes.maxFields)): \(fields). The indicators are derived only in memory during a report run, never stored."))

        facts.append(Text(
            de: "Freiwilligkeit: Vor der Erfassung wird die Einwilligungserklärung des Formulars bestätigt; eine Ablehnung wird nur als „gefragt, abgelehnt“ gezählt und hat keine Folgen. Widerruf jederzeit mit dem Quittungscode (ohne Anmeldung, unter /withdraw); die Antworten werden sofort gelöscht.",
            en: "Voluntariness: the form's consent statement is confirmed before entry; a decline is only counted as \"asked, declined\" and has no consequence. Withdrawal at any time with the receipt code (without signing in, at /withdraw); the answers are deleted at once."))

        let held = inputs.audit.periods.filter { $0.responses + $0.declines > 0 }.map(\.period)
        let responses = inputs.audit.retention.first { $0.dataClass == "responses" }
        facts.append(Text(
            de: "Speicherbegrenzung: Antworten \(responses.map(\.keep.german) ?? "–"); derzeit Daten aus \(held.count) Einstellungsjahr(en)\(held.isEmpty ? "" : " (\(held.map(String.init).joined(separator: ", ")))").",
            en: "Storage limitation: responses \(responses.map(\.keep.english) ?? "–"); data of \(held.count) hiring year(s) held now\(held.isEmpty ? "" : " (\(held.map(String.init).joined(separator: ", ")))")."))

        facts.append(Text(
            de: "Nur zusammengefasste Ergebnisse verlassen das System; jede Veröffentlichung durchläuft die Geheimhaltungsprüfung (siehe Geheimhaltung) und steht im Veröffentlichungsregister (bisher \(inputs.audit.releases.count)).",
            en: "Only aggregates leave the system; every release passes disclosure control (see disclosure control) and is recorded in the release ledger (\(inputs.audit.releases.count) so far)."))
        return facts
    }

    static func asksOrigin(_ item: Item) -> Bool {
        let text = " \(item.key.replacingOccurrences(of: "_", with: " ")) \(item.question.de) \(item.question.en) ".lowercased()
        return originWords.contains { text.contains($0) } || item.answers.count >= placeListLength
    }
}
