import Foundation
import Forms
import Store

/// The parts of the DPIA that only people can write, from the optional `policy/dpia.yaml`: the
/// DPO's opinion, the staff council's view, the data subjects' view, the acceptance of the residual
/// risk and the sign-off.
///
/// Read as strictly as the other policy files: an unknown key, a list where a text belongs or a day
/// not written `YYYY-MM-DD` is an ``InputError`` naming file, line and key. An empty text means "not
/// yet written"; the report then shows the field as open.
public struct DPIAReview: Sendable, Equatable {
    public var dpoOpinion: String?
    public var staffCouncilView: String?
    public var dataSubjectsView: String?
    /// nil while undecided.
    public var residualRiskAccepted: Bool?
    public var residualRiskReasoning: String?
    public var signedBy: String?
    public var signerFunction: String?
    public var signedOn: String?

    /// Nothing written yet: what an installation without `dpia.yaml` has.
    public static let empty = DPIAReview()

    public static func load(contentsOf url: URL) throws -> DPIAReview {
        try DPIAReview(yaml: YAMLNode.load(contentsOf: url))
    }

    public static func parse(_ text: String, file: String) throws -> DPIAReview {
        try DPIAReview(yaml: YAMLNode.parse(text, file: file))
    }

    init() {}

    init(yaml root: YAMLNode) throws {
        try root.rejectUnknownKeys(["version", "dpo_opinion", "staff_council_view", "data_subjects_view", "residual_risk", "sign_off"])
        let version = try root.child("version")
        guard try version.int() == 1 else { throw version.error("unsupported version (expected 1)", "Nicht unterstützte Version (erwartet: 1).") }
        dpoOpinion = try Self.text(root.optionalChild("dpo_opinion"))
        staffCouncilView = try Self.text(root.optionalChild("staff_council_view"))
        dataSubjectsView = try Self.text(root.optionalChild("data_subjects_view"))
        if let risk = try root.optionalChild("residual_risk") {
            try risk.rejectUnknownKeys(["accepted", "reasoning"])
            // Empty while undecided; once written it must be true or false, nothing in between.
            if let accepted = try risk.optionalChild("accepted"), try Self.text(accepted) != nil {
                residualRiskAccepted = try accepted.bool()
            }
            residualRiskReasoning = try Self.text(risk.optionalChild("reasoning"))
        }
        if let sign = try root.optionalChild("sign_off") {
            try sign.rejectUnknownKeys(["name", "function", "date"])
            signedBy = try Self.text(sign.optionalChild("name"))
            signerFunction = try Self.text(sign.optionalChild("function"))
            if let dateNode = try sign.optionalChild("date"), let date = try Self.text(dateNode) {
                guard (try? AuditDay.parse(date, field: "date")) != nil else {
                    throw dateNode.error("expected a day of the calendar as YYYY-MM-DD", "Erwartet wird ein Kalendertag als JJJJ-MM-TT.")
                }
                signedOn = date
            }
        }
    }

    /// A text value; nil when absent or empty. A mapping or list is an error naming the key.
    private static func text(_ node: YAMLNode?) throws -> String? {
        guard let node else { return nil }
        let value = try node.string().trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty || value == "~" || value == "null" ? nil : value
    }

    /// Signed off: a name and a day are written and the residual risk is decided.
    public var isSignedOff: Bool { signedBy != nil && signedOn != nil && residualRiskAccepted != nil }
}
