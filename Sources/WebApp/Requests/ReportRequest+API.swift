import Foundation
import Store

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
}
