import Forms
import Foundation

extension ReportRequest {
    /// The request as the API shows it: what was asked, its status and decision; never a figure.
    /// A released request links to its report, which only the integration office may read.
    var apiObject: [String: Any] {
        var object: [String: Any] = [
            "id": id, "kind": kind.rawValue, "indicator": indicator, "by": by, "years": periods,
            "requestedBy": requestedBy, "requestedOn": requestedOn, "status": status.rawValue,
        ]
        if let decidedOn { object["decidedOn"] = decidedOn }
        // Like the integration office's page: who released is public, who refused is not.
        if status == .released, let releasedBy { object["releasedBy"] = releasedBy }
        if status == .released, let releaseID {
            object["releaseID"] = releaseID
            object["report"] = "/api/v1/reports/\(id)"
        }
        if status == .refused { object["reason"] = ["de": reasonGerman ?? "", "en": reasonEnglish ?? ""] }
        return object
    }

    /// The reason the statistics unit gives when it refuses a request by hand: 1 to 500 characters,
    /// one paragraph, no control characters. It is shown to the integration office as written.
    static func refusalReason(_ text: String?, field: String = "reason") throws -> String {
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw InputError(field: field, english: "give a reason for the refusal", german: "Bitte einen Grund für die Ablehnung angeben.")
        }
        guard reason.count <= 500 else {
            throw InputError(field: field, english: "the reason may have at most 500 characters", german: "Der Grund darf höchstens 500 Zeichen haben.")
        }
        guard !reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" }) else {
            throw InputError(field: field, english: "the reason contains control characters", german: "Der Grund enthält Steuerzeichen.")
        }
        return reason
    }
}
