import Foundation
import Forms
import Retention
import Store

extension Installation {
    /// The draft DPIA with its SDM table as of `asOf`: made from the audit, the loaded forms and
    /// `policy/dpia.yaml`. Decrypts nothing; a broken policy or form file is an error naming it.
    public func dpia(asOf: String) throws -> DPIAReport {
        let review = try Policies.dpia(directories.policy)
        let audit = try audit(asOf: asOf)
        return DPIADraft.build(.init(audit: audit, forms: try catalog.current, review: review, lastPurge: try data.lastPurgeDay()))
    }
}
