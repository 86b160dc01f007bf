import Foundation
import Forms

extension DPIAReport {
    /// A self-contained page (no external requests, no script) with the audit's print stylesheet.
    public func html() -> String {
        HTML.document(title: "Datenschutz-Folgenabschätzung \(asOf)", language: "de",
                      stylesheet: AuditReport.stylesheet + "\n.open{color:#a00000;font-weight:bold}.status{white-space:nowrap}",
                      body: htmlBody())
    }

    /// The assessment without its page frame: what the data protection officer's DPIA page embeds.
    public func htmlBody() -> String {
        let d = description
        var h: [String] = [
            "<h1>\(Self.both("Datenschutz-Folgenabschätzung (Entwurf)", "Data protection impact assessment (draft)"))</h1>",
            "<p>\(Self.both("Stand", "as of")): <time>\(HTML.escape(asOf))</time></p>",
            "<p class=\"verdict\"><strong>\(HTML.escape(summary.de))</strong><br><span lang=\"en\">\(HTML.escape(summary.en))</span></p>",
            "<p>\(Self.both("Aus dem System erzeugt; enthält keine Angabe einer Person.", "Made from the system; holds no answer of any person."))</p>",
            "<h2>\(Self.both("(a) Systematische Beschreibung", "Systematic description")) (Art. 35(7)(a))</h2>",
        ]
        var facts: [(String, [String])] = [(Self.both("Verantwortlicher", "Controller"), [HTML.escape(d.controller)]),
                                           (Self.both("Zweck", "Purpose"), [Self.text(d.purpose)])]
        facts.append((Self.both("Rechtsgrundlage", "Legal basis"), d.legalBasis.map(Self.text)))
        facts.append((Self.both("Betroffene", "Data subjects"), [Self.text(d.dataSubjects)]))
        facts.append((Self.both("Empfänger", "Recipients"), [Self.text(d.recipients)]))
        h.append(Self.list(facts))
        for form in d.forms {
            let context: [[String]] = form.context.map { [Self.both("Kontext", "context"), "<code>\(HTML.escape($0.key))</code>", Self.text($0.label), Self.text($0.stored)] }
            let items: [[String]] = form.items.map { [Self.both("Frage", "item"), "<code>\(HTML.escape($0.key))</code>", Self.text($0.label), Self.text($0.stored)] }
            h.append("<h3>\(Self.both("Formular", "Form")) <code>\(HTML.escape(form.id))</code> v\(form.version): \(Self.text(form.title))</h3>")
            h.append(Self.table(["Art / kind", "Schlüssel / key", "Bezeichnung / label", "gespeichert / stored"], context + items))
            h.append("<p>\(Self.both("Abgeleitete Indikatoren", "Derived indicators")): \(form.indicators.map(Self.text).joined(separator: "; "))</p>")
        }
        h.append("<h3>\(Self.both("Rollen", "Roles"))</h3>")
        h.append(Self.table(["Rolle / role", "darf / may", "nie / may never"],
                            d.roles.map { ["\(HTML.escape($0.role)) (\(Self.text($0.label)))", Self.text($0.may), Self.text($0.mayNever)] }))
        h.append("<h3>\(Self.both("Aufbewahrung", "Retention"))</h3>")
        h.append(Self.table(["Datenklasse / data class", "Dauer / kept", "danach / then"],
                            d.retention.map { [HTML.escape($0.dataClass), Self.both($0.keep.german, $0.keep.english), HTML.escape($0.then.rawValue)] }))
        h.append("<h3>\(Self.both("Geheimhaltung", "Disclosure control"))</h3>"
                 + (d.disclosurePolicy.isEmpty ? "<p>\(Self.both("Keine Angaben", "none given"))</p>" : Self.bullets(d.disclosurePolicy)))
        h.append("<h3>\(Self.both("Bestand (nur Zeilenzahlen)", "Holdings (row counts only)"))</h3>")
        h.append(Self.table(["Jahr / year", "Antworten / responses", "Ablehnungen / declines", "Schlüssel / key"],
                            d.holdings.map { [String($0.period), String($0.responses), String($0.declines), HTML.escape($0.key)] }))
        h.append("<h2>\(Self.both("(b) Notwendigkeit und Verhältnismäßigkeit", "Necessity and proportionality")) (Art. 35(7)(b))</h2>")
        h.append(Self.bullets(necessity))
        h.append("<h2>\(Self.both("(c) Risiken für die Betroffenen", "Risks to the people concerned")) (Art. 35(7)(c))</h2>")
        h += risks.map(Self.risk)
        h.append("<h2>\(Self.both("(d) Maßnahmen: SDM-Soll-Ist-Abgleich", "Measures: SDM target/actual table")) (Art. 35(7)(d))</h2>")
        h.append(Self.table(["Kennung / id", "Baustein / block", "Maßnahme / measure", "Ziele / goals", "Stand / status", "Nachweis / evidence"],
                            measures.map(Self.cells), rowIDs: measures.map(\.id)))
        h.append("<h2>\(Self.both("Von Menschen auszufüllen", "For people to fill in")) (policy/dpia.yaml)</h2>")
        h.append(Self.list(humanFields.map { field in
            let value = field.value.map(HTML.escape) ?? "<span class=\"open\">\(Self.both("offen", "open"))</span>"
            return ("\(Self.text(field.label)) <code>\(HTML.escape(field.key))</code>", [value])
        }))
        return h.joined(separator: "\n")
    }

    private static func both(_ de: String, _ en: String) -> String { "\(HTML.escape(de)) <span lang=\"en\">/ \(HTML.escape(en))</span>" }
    private static func text(_ t: Text) -> String { both(t.de, t.en) }
    private static func bullets(_ texts: [Text]) -> String { "<ul>" + texts.map { "<li>\(text($0))</li>" }.joined() + "</ul>" }

    /// A definition list; each term with one or more descriptions (already HTML).
    private static func list(_ entries: [(String, [String])]) -> String {
        let items: [String] = entries.map { term, values in "<dt>\(term)</dt>" + values.map { "<dd>\($0)</dd>" }.joined() }
        return "<dl>" + items.joined() + "</dl>"
    }

    /// A table whose first cell in each row heads the row; cells are already HTML.
    private static func table(_ headings: [String], _ rows: [[String]], rowIDs: [String]? = nil) -> String {
        let head: String = headings.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
        let body: [String] = rows.enumerated().map { index, cells in
            let id = rowIDs.map { " id=\"\(HTML.escape($0[index]))\"" } ?? ""
            let first = "<th scope=\"row\">\(cells[0])</th>"
            return "<tr\(id)>" + first + cells.dropFirst().map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return "<table><thead><tr>" + head + "</tr></thead><tbody>" + body.joined() + "</tbody></table>"
    }

    private static func cells(_ m: SDMMeasure) -> [String] {
        let goals: String = m.goals.map { text($0.label) }.joined(separator: ", ")
        let status = "<strong class=\"status \(m.status.rawValue)\">\(text(m.status.label))</strong>"
        return [HTML.escape(m.id), "\(m.block) \(text(m.blockName))", text(m.measure), goals, status, text(m.evidence)]
    }

    private static func risk(_ r: Risk) -> String {
        let links: String = r.measures.map { "<a href=\"#\(HTML.escape($0))\">\(HTML.escape($0))</a>" }.joined(separator: ", ")
        let levels = "\(text(r.severity.label)) · \(text(r.likelihood.label))"
        let facts: [(String, [String])] = [
            ("\(both("Schwere", "Severity")) · \(both("Eintrittswahrscheinlichkeit", "Likelihood"))", [levels]),
            (both("Bedrohung", "Threat"), [text(r.threat)]),
            (both("Schutz", "Protection"), [text(r.protection)]),
            (both("Nicht geschützt", "Not protected"), [text(r.gap)]),
            (both("Maßnahmen", "Measures"), [links]),
        ]
        return "<h3 id=\"\(HTML.escape(r.id))\">\(HTML.escape(r.id)): \(text(r.title))</h3>" + list(facts)
    }
}
