import Disclosure
import Foundation
import Forms
import Reports
import Store
import Vault

extension Installation {
    /// The form whose indicators reports count: the newest version of the form that defines
    /// `indicator` (by default the first indicator any form defines).
    public func reportForm(for indicator: String? = nil) throws -> FormDefinition {
        let forms = try catalog.forms
        let candidates = forms.forms.filter { form in indicator.map { form.indicator($0) != nil } ?? !form.indicators.isEmpty }
        guard let form = candidates.max(by: { $0.version < $1.version }) else {
            let newest = forms.forms.filter { !$0.indicators.isEmpty }.max { $0.version < $1.version }
            let known = (newest?.indicators ?? []).map(\.key).joined(separator: ", ")
            throw InputError(field: "indicator", english: "unknown indicator (known: \(known))", german: "Unbekanntes Merkmal (bekannt: \(known)).")
        }
        return form
    }

    /// The standard baseline or trend of an indicator, checked against the forms.
    public func definition(_ kind: ReportDefinition.Kind, indicator: String, by: [String],
                           periods: ReportDefinition.Periods) throws -> ReportDefinition {
        try ReportDefinition.standard(kind, indicator: indicator, by: by, periods: periods, form: reportForm(for: indicator))
    }

    /// A report definition file such as `reports/baseline.yaml`.
    public func definition(file: URL) throws -> ReportDefinition {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw InputError(file: file.path, english: "cannot read the file (missing, or not UTF-8)",
                             german: "Die Datei kann nicht gelesen werden (fehlt oder ist kein UTF-8).")
        }
        return try ReportDefinition.parse(text, file: file.path, form: reportForm())
    }

    /// Unlocks, counts, protects against every earlier release, records and returns the release;
    /// with what it withheld by cause and where it spent its time, for the statistics unit's own
    /// eyes only.
    public func release(_ definition: ReportDefinition, passphrase: Passphrase, by actor: Actor)
        throws -> (report: PublishedReport, loss: InformationLoss, timings: ReleaseTimings) {
        let disclosure = try Policies.disclosure(directories.policy)
        let reference = try Policies.reference(directories.reports)
        return try deciding {
            try reportRun(disclosure: disclosure, reference: reference, actor: actor).releaseMeasured(definition, passphrase: passphrase)
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
