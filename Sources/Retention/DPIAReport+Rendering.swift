import Foundation

extension DPIAReport {
    /// Pretty JSON with sorted keys: the same state gives the same bytes.
    public func json() throws -> String {
        try StableJSON.text(self)
    }

    /// Markdown to hand on or print; German first, English after each slash.
    public func markdown() -> String {
        func both(_ t: Text) -> String { "\(t.de) / \(t.en)" }
        let d = description
        var md = ["# Datenschutz-Folgenabschätzung (Entwurf) / Data protection impact assessment (draft)", "",
                  "Stand / as of: \(asOf)", "", "**\(summary.de)**  ", "*\(summary.en)*", "",
                  "Aus dem System erzeugt; enthält keine Angabe einer Person. / Made from the system; holds no answer of any person.", ""]
        md += ["## (a) Systematische Beschreibung / Systematic description (Art. 35(7)(a))", "",
               "- Verantwortlicher / controller: \(d.controller)",
               "- Zweck / purpose: \(both(d.purpose))"]
        md += d.legalBasis.map { "- Rechtsgrundlage / legal basis: \(both($0))" }
        md += ["- Betroffene / data subjects: \(both(d.dataSubjects))", "- Empfänger / recipients: \(both(d.recipients))", ""]
        for form in d.forms {
            md += ["### Formular / form `\(form.id)` v\(form.version): \(both(form.title))", "",
                   "| Art / kind | Schlüssel / key | Bezeichnung / label | gespeichert / stored |", "| --- | --- | --- | --- |"]
            md += form.context.map { "| Kontext / context | `\($0.key)` | \(both($0.label)) | \(both($0.stored)) |" }
            md += form.items.map { "| Frage / item | `\($0.key)` | \(both($0.label)) | \(both($0.stored)) |" }
            md += ["", "Abgeleitete Indikatoren / derived indicators: " + form.indicators.map(both).joined(separator: "; "), ""]
        }
        md += ["### Rollen / Roles", "", "| Rolle / role | darf / may | nie / may never |", "| --- | --- | --- |"]
        md += d.roles.map { "| \($0.role) (\(both($0.label))) | \(both($0.may)) | \(both($0.mayNever)) |" }
        md += ["", "### Aufbewahrung / Retention", "", "| Datenklasse / data class | Dauer / kept | danach / then |", "| --- | --- | --- |"]
        md += d.retention.map { "| \($0.dataClass) | \($0.keep.german) / \($0.keep.english) | \($0.then.rawValue) |" }
        md += ["", "### Geheimhaltung / Disclosure control", ""] + (d.disclosurePolicy.isEmpty ? ["Keine Angaben / none given."] : d.disclosurePolicy.map { "- \(both($0))" })
        md += ["", "### Bestand (nur Zeilenzahlen) / Holdings (row counts only)", "",
               "| Jahr / year | Antworten / responses | Ablehnungen / declines | Schlüssel / key |", "| --- | ---: | ---: | --- |"]
        md += d.holdings.map { "| \($0.period) | \($0.responses) | \($0.declines) | \($0.key) |" }
        md += ["", "## (b) Notwendigkeit und Verhältnismäßigkeit / Necessity and proportionality (Art. 35(7)(b))", ""]
        md += necessity.map { "- \($0.de)  \n  *\($0.en)*" }
        md += ["", "## (c) Risiken für die Betroffenen / Risks to the people concerned (Art. 35(7)(c))", ""]
        for risk in risks {
            md += ["### \(risk.id): \(both(risk.title))", "",
                   "- Schwere / severity: \(both(risk.severity.label)); Eintrittswahrscheinlichkeit / likelihood: \(both(risk.likelihood.label))",
                   "- Bedrohung / threat: \(both(risk.threat))",
                   "- Schutz / protection: \(both(risk.protection))",
                   "- Nicht geschützt / not protected: \(both(risk.gap))",
                   "- Maßnahmen / measures: \(risk.measures.joined(separator: ", "))", ""]
        }
        md += ["## (d) Maßnahmen: SDM-Soll-Ist-Abgleich / Measures: SDM target/actual table (Art. 35(7)(d))", "",
               "| Kennung / id | Baustein / block | Maßnahme / measure | Ziele / goals | Stand / status | Nachweis / evidence |",
               "| --- | --- | --- | --- | --- | --- |"]
        md += measures.map { m in
            "| \(m.id) | \(m.block) \(both(m.blockName)) | \(both(m.measure)) | \(m.goals.map { both($0.label) }.joined(separator: ", ")) | **\(both(m.status.label))** | \(both(m.evidence)) |"
        }
        md += ["", "## Von Menschen auszufüllen / For people to fill in (policy/dpia.yaml)", ""]
        md += humanFields.map { "- \(both($0.label)) (`\($0.key)`): \($0.value ?? "**offen / open**")" }
        return md.joined(separator: "\n") + "\n"
    }
}
