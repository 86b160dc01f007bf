import Foundation
import Store

/// Every refusal goes into the release ledger, whoever decided it: the statistics unit by hand
/// (cause `by_hand`), a request that names no valid report (`invalid_request`), or disclosure control
/// itself (``Disclosure/DisclosureError/cause``). The ledger keeps the request and the kind of cause,
/// never a figure or a cell, so that the data protection officer can see that refusals are not used
/// to probe the data; the requester sees a general reason only.
public enum Refusals {
    public static func record(in data: DataStore, report: String, request: some Encodable, cause: String,
                              actor: Actor, day: String = AuditDay.today()) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let id = "X\(day.replacingOccurrences(of: "-", with: ""))-\(try data.refusals().count + 1)"
        try data.recordRefusal(RefusalRecord(id: id, day: day, role: actor.role, user: actor.user, report: report,
                                             definition: try encoder.encode(request), cause: cause), actor: actor)
    }
}
