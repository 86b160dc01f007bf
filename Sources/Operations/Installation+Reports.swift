import Disclosure
import Foundation
import Forms
import Reports
import Store
import Vault

extension Installation {
    /// Every version of the form a report of `indicator` counts (``ReportForm``): an indicator no
    /// form or several forms define is an error naming it.
    public func reportForm(for indicator: String) throws -> ReportForm {
        try ReportForm(indicator: indicator, in: catalog.forms.forms)
    }

    /// The newest version of the form whose indicators requests offer (the form of the first
    /// indicator any loaded form defines); nil when no form defines one.
    public func offeredForm() -> FormDefinition? {
        guard let forms = try? catalog.forms.forms, let first = forms.lazy.flatMap(\.indicators).first else { return nil }
        return try? ReportForm(indicator: first.key, in: forms).newest
    }

    /// The standard baseline or trend of an indicator, checked against the forms.
    public func definition(_ kind: ReportDefinition.Kind, indicator: String, by: [String],
                           periods: ReportDefinition.Periods) throws -> ReportDefinition {
        try ReportDefinition.standard(kind, indicator: reportForm(for: indicator).indicator, by: by, periods: periods)
    }

    /// A report definition file such as `reports/baseline.yaml`.
    public func definition(file: URL) throws -> ReportDefinition {
        try ReportDefinition.load(contentsOf: file, forms: catalog.forms.forms)
    }

    /// Unlocks, counts, protects against every earlier release, records and returns the release;
    /// with what it withheld by cause and where it spent its time, for the statistics unit's own
    /// eyes only.
    public func release(_ definition: ReportDefinition, passphrase: Passphrase, by actor: Actor)
        throws -> (report: PublishedReport, loss: InformationLoss, timings: ReleaseTimings) {
        try release(definition, unlock: .passphrase(passphrase), by: actor)
    }

    /// The same with the passphrase or, when the keystore is held by keyholders, two of them.
    public func release(_ definition: ReportDefinition, unlock: KeystoreUnlock, by actor: Actor)
        throws -> (report: PublishedReport, loss: InformationLoss, timings: ReleaseTimings) {
        let disclosure = try Policies.disclosure(directories.policy)
        let reference = try Policies.reference(directories.reports)
        return try deciding {
            let released = try reportRun(disclosure: disclosure, reference: reference, actor: actor).releaseMeasured(definition, unlock: unlock)
            // The unlock proved right: the rotation a purge left pending is made now, or next time.
            _ = try? completePendingRotation(unlock, by: actor)
            logReleased(released.report, withheld: released.loss.cells)
            return released
        }
    }

    func reportRun(disclosure: DisclosurePolicyFile, reference: ReferenceShares, actor: Actor) throws -> ReportRun {
        let forms = try catalog.forms
        return ReportRun(data: data, keystore: keystore, forms: forms.forms, units: forms.units, disclosure: disclosure,
                  reference: reference, actor: actor)
    }

    /// The release ledger: who released what and when, never a figure.
    public func releases() throws -> [ReleaseRecord] { try data.releases() }
}
