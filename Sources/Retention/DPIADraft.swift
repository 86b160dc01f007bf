import Forms
import Store

/// Builds the ``DPIAReport`` from the audit, the loaded forms and `policy/dpia.yaml`.
///
/// Everything here is computed from what the system holds and how it is configured, so the draft
/// cannot claim a measure the audit does not show. Reads nothing itself: the application layer
/// gathers the inputs.
public enum DPIADraft {
    public struct Inputs: Sendable {
        public let audit: AuditReport
        /// The newest version of each loaded form.
        public let forms: [FormDefinition]
        public let review: DPIAReview
        /// The day of the last purge, from the audit log; nil when none was run.
        public let lastPurge: String?

        public init(audit: AuditReport, forms: [FormDefinition], review: DPIAReview, lastPurge: String?) {
            self.audit = audit
            self.forms = forms
            self.review = review
            self.lastPurge = lastPurge
        }
    }

    public static func build(_ inputs: Inputs) -> DPIAReport {
        let audit = inputs.audit, record = audit.processingRecord
        let description = DPIAReport.Description(
            controller: record.controller.name, purpose: record.purpose, legalBasis: record.legalBasis,
            dataSubjects: record.dataSubjects, recipients: record.recipients,
            forms: inputs.forms.map(summary), roles: Role.allCases.map(roleSummary),
            retention: audit.retention, disclosurePolicy: audit.disclosurePolicy, holdings: audit.periods)
        let measures = SDMAssessment.measures(inputs)
        let human = humanFields(inputs.review)
        let inPlace = measures.filter { $0.status == .inPlace }.count
        let open = human.filter { $0.value == nil }.map(\.key)
        let summary = DPIAReport.Text(
            de: "Entwurf: \(inPlace) von \(measures.count) Referenzmaßnahmen umgesetzt. "
                + (open.isEmpty ? "Alle von Menschen auszufüllenden Felder sind ausgefüllt." : "Von Menschen auszufüllen (policy/dpia.yaml): \(open.joined(separator: ", ")).")
                + (inputs.review.isSignedOff ? "" : " Nicht unterzeichnet."),
            en: "Draft: \(inPlace) of \(measures.count) reference measures in place. "
                + (open.isEmpty ? "Every field only people can fill in is filled in." : "For people to fill in (policy/dpia.yaml): \(open.joined(separator: ", ")).")
                + (inputs.review.isSignedOff ? "" : " Not signed off."))
        return DPIAReport(asOf: audit.asOf, description: description, necessity: Necessity.facts(inputs),
                          risks: DPIARisks.assess(inputs), measures: measures, humanFields: human, summary: summary)
    }

    static func summary(_ form: FormDefinition) -> DPIAReport.FormSummary {
        func codes(_ answers: [AnswerCode]) -> DPIAReport.Text {
            .init(de: "Codes: " + answers.map(\.code).joined(separator: ", "), en: "codes: " + answers.map(\.code).joined(separator: ", "))
        }
        let context = form.context.map { field -> DPIAReport.Field in
            let stored: DPIAReport.Text = switch field.kind {
            case .unit: .init(de: "Code aus forms/units.yaml", en: "a code from forms/units.yaml")
            case .month: .init(de: "nur das Quartal (verschlüsselt); das Jahr als Zeitraum im Klartext; der Monat wird nicht gespeichert",
                               en: "only the quarter (encrypted); the year in the clear as the period; the month is not stored")
            case .choice(let answers): codes(answers)
            }
            return .init(key: field.key, label: field.label, stored: stored)
        }
        return .init(id: form.id, version: form.version, title: form.title, context: context,
                     items: form.items.map { .init(key: $0.key, label: $0.question, stored: codes($0.answers)) },
                     indicators: form.indicators.map(\.label))
    }

    /// What each role may and may never do, as the server enforces it (see DESIGN.md).
    static func roleSummary(_ role: Role) -> DPIAReport.RoleSummary {
        let (may, never): (DPIAReport.Text, DPIAReport.Text) = switch role {
        case .hr: (.init(de: "Fragebogen erfassen, „gefragt, abgelehnt“ vermerken", en: "enter a questionnaire, record \"asked, declined\""),
                   .init(de: "Antworten oder Quittungscodes zurücklesen, Berichte erstellen", en: "read back any answer or receipt, run reports"))
        case .statistics: (.init(de: "den Berichtsschlüssel entsperren, Anfragen ausführen, geprüfte Ergebnisse freigeben",
                                 en: "unlock the report key, run report requests, release protected aggregates"),
                           .init(de: "einen Einzeldatensatz ansehen oder ausgeben", en: "export or view a single record"))
        case .integration: (.init(de: "Berichte anfragen, freigegebene Ergebnisse lesen", en: "request reports, read released aggregates"),
                            .init(de: "Schlüssel entsperren, nicht freigegebene Zahlen sehen", en: "unlock keys, see unreleased figures"))
        case .dpo: (.init(de: "Prüfbericht, Protokoll und Verzeichnis lesen, Löschläufe anstoßen und prüfen",
                          en: "run the audit, read the audit log and processing record, order and verify purges"),
                    .init(de: "irgendetwas entschlüsseln", en: "decrypt anything"))
        case .admin: (.init(de: "Benutzer, Organisationseinheiten, Formulare und Richtlinien verwalten", en: "manage users, org units, forms and policies"),
                      .init(de: "irgendetwas entschlüsseln", en: "decrypt anything"))
        }
        return .init(role: role.rawValue, label: role.label, may: may, mayNever: never)
    }

    static func humanFields(_ review: DPIAReview) -> [DPIAReport.HumanField] {
        let accepted = review.residualRiskAccepted.map { $0 ? "ja / yes" : "nein / no" }
        return [
            .init(key: "dpo_opinion", label: .init(de: "Stellungnahme der/des Datenschutzbeauftragten", en: "Opinion of the data protection officer"),
                  value: review.dpoOpinion),
            .init(key: "staff_council_view", label: .init(de: "Sicht des Personalrats", en: "View of the staff council"), value: review.staffCouncilView),
            .init(key: "data_subjects_view", label: .init(de: "Sicht der Betroffenen (Art. 35 Abs. 9 DSGVO)", en: "View of the data subjects (Art. 35(9) GDPR)"),
                  value: review.dataSubjectsView),
            .init(key: "residual_risk.accepted", label: .init(de: "Restrisiko akzeptiert", en: "Residual risk accepted"), value: accepted),
            .init(key: "residual_risk.reasoning", label: .init(de: "Begründung", en: "Reasoning"), value: review.residualRiskReasoning),
            .init(key: "sign_off.name", label: .init(de: "Freigabe: Name", en: "Sign-off: name"), value: review.signedBy),
            .init(key: "sign_off.function", label: .init(de: "Freigabe: Funktion", en: "Sign-off: function"), value: review.signerFunction),
            .init(key: "sign_off.date", label: .init(de: "Freigabe: Datum", en: "Sign-off: date"), value: review.signedOn),
        ]
    }
}
