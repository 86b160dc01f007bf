import Forms

/// A draft data protection impact assessment (Art. 35 GDPR) with its SDM table, made from the
/// system's actual state: configuration, forms and the DPO's audit.
///
/// Built by ``DPIADraft/build(_:)``; rendered as Markdown, JSON or HTML. It holds no figure of any
/// answer: only row counts per period (as the audit shows them), key and log metadata. What only
/// people can write (opinions, acceptance of the residual risk, sign-off) comes from
/// `policy/dpia.yaml` (``DPIAReview``) and is shown as open while it is empty.
public struct DPIAReport: Sendable, Codable, Equatable {
    public typealias Text = LocalizedText

    /// A field or item of a form, by key and label; never an answer.
    public struct Field: Sendable, Codable, Equatable {
        public let key: String
        public let label: Text
        /// What is stored: the codes offered, or how the value is reduced (e.g. month → quarter).
        public let stored: Text
    }

    public struct FormSummary: Sendable, Codable, Equatable {
        public let id: String
        public let version: Int
        public let title: Text
        public let context: [Field]
        public let items: [Field]
        public let indicators: [Text]
    }

    public struct RoleSummary: Sendable, Codable, Equatable {
        public let role: String
        public let label: Text
        public let may: Text
        public let mayNever: Text
    }

    /// Art. 35(7)(a): the systematic description of the processing and its purposes.
    public struct Description: Sendable, Codable, Equatable {
        public let controller: String
        public let purpose: Text
        public let legalBasis: [Text]
        public let dataSubjects: Text
        public let recipients: Text
        public let forms: [FormSummary]
        public let roles: [RoleSummary]
        public let retention: [RetentionRule]
        public let disclosurePolicy: [Text]
        /// Rows held per period, as the audit counts them.
        public let holdings: [AuditReport.PeriodStatus]
    }

    /// Severity and likelihood in words, as a risk assessment states them.
    public enum Level: String, Sendable, Codable {
        case low, medium, high

        public var label: Text {
            switch self {
            case .low: Text(de: "gering", en: "low")
            case .medium: Text(de: "mittel", en: "medium")
            case .high: Text(de: "hoch", en: "high")
            }
        }
    }

    /// Art. 35(7)(c): one risk to the people concerned, what the system does against it, and what it
    /// does not.
    public struct Risk: Sendable, Codable, Equatable {
        public let id: String
        public let title: Text
        public let threat: Text
        public let protection: Text
        public let gap: Text
        public let severity: Level
        public let likelihood: Level
        /// Ids of the ``SDMMeasure`` rows that address it (Art. 35(7)(d)).
        public let measures: [String]
    }

    /// A part only people can fill in; `value` nil while `policy/dpia.yaml` leaves it empty.
    public struct HumanField: Sendable, Codable, Equatable {
        public let key: String
        public let label: Text
        public let value: String?
    }

    public let asOf: String
    public let description: Description
    /// Art. 35(7)(b): necessity and proportionality, as facts computed from forms and configuration.
    public let necessity: [Text]
    public let risks: [Risk]
    public let measures: [SDMMeasure]
    public let humanFields: [HumanField]
    /// One sentence: how many measures are in place, and what people still have to do.
    public let summary: Text
}
