import Disclosure
import Foundation
import Forms
import Store
import Vault

/// Runs a report for the statistics unit and releases it: unlock, decrypt, count, protect, record.
///
/// Every run is a release: it is written to the ledger (with its exact published figures) and the
/// audit log before the ``PublishedReport`` is returned, so that the next release is protected
/// against differencing with this one.
public struct ReportRun: Sendable {
    public let location: StoreLocation
    public let forms: [FormDefinition]
    public let units: OrgUnits
    public let disclosure: DisclosurePolicyFile
    public let reference: ReferenceShares
    public let actor: Actor

    public init(location: StoreLocation, forms: [FormDefinition], units: OrgUnits, disclosure: DisclosurePolicyFile,
                reference: ReferenceShares = .none, actor: Actor) {
        self.location = location
        self.forms = forms
        self.units = units
        self.disclosure = disclosure
        self.reference = reference
        self.actor = actor
    }

    var form: FormDefinition { forms.filter { $0.id == "migration-background" }.max { $0.version < $1.version } ?? forms[0] }

    public func release(_ definition: ReportDefinition, passphrase: Passphrase, day: String = AuditDay.today()) throws -> PublishedReport {
        let data = try DataStore.open(location), keystore = try Keystore.open(location)
        guard try data.storeID() == keystore.storeID() else { throw StoreError.keystoreMismatch }
        let held = try keystore.periodKeys().filter { $0.sealedSecret != nil }.map(\.period)
        let periods = try resolve(definition.periods, held: held)
        let unlocked = try keystore.unlock(passphrase)
        guard let indicator = form.indicator(definition.indicator) else {
            throw InputError(field: "indicator", english: "unknown indicator", german: "Unbekanntes Merkmal.")
        }
        let template = AtomTable(years: periods, units: units.codes, careerGroups: choiceCodes("career_group"),
                                 employments: choiceCodes("employment"), categories: indicator.categoryCodes)
        // The ledger records the revision counters the figures belong to, so they are read before and
        // after decryption: if an entry or withdrawal came in between, the figures are counted again.
        let decryptor = ReportDecryptor(forms: forms, units: units, indicatorKey: definition.indicator)
        var atoms: AtomTable?, revisions: [Int: PeriodRevision] = [:]
        for _ in 0..<3 where atoms == nil {
            revisions = try data.revisions()
            let counted = try decryptor.aggregate(data: data, keystore: keystore, unlocked: unlocked, periods: periods, template: template,
                                                  withRecordKeys: disclosure.policy.cellKey != nil)
            if try data.revisions() == revisions { atoms = counted }
        }
        guard let atoms else { throw ReportError.dataChanging }

        let builder = ReportTableBuilder(definition: definition, indicator: indicator, atoms: atoms, units: units,
                                         cellKey: disclosure.policy.cellKey != nil)
        let table = try builder.countTable()
        let ledger = ReleaseLedger(data: data)
        let earlier = try ledger.earlierCells(currentPeriods: Set(held), now: revisions)
        let universe = builder.universe(allYears: Set(held).union(try ledger.releasedYears()))
        let protected: ProtectedTable
        do {
            protected = try protect(table, policy: disclosure.policy, earlier: earlier, universe: universe)
        } catch let error as DisclosureError {
            throw ReportError.refused(reason: error.reasonWithoutFigures)
        }
        let report = builder.published(protected, form: form, policy: disclosure, day: day,
                                       release: try ledger.nextReleaseID(definition: definition, periods: periods, day: day),
                                       reference: definition.kind == .baseline ? reference.byIndicator[definition.indicator] : nil)
        try ledger.record(report, definition: definition, protected: protected, revisions: revisions, actor: actor)
        return report
    }

    private func choiceCodes(_ key: String) -> [String] {
        guard case .choice(let answers) = form.contextField(key)?.kind else { return [] }
        return answers.map(\.code)
    }

    private func resolve(_ periods: ReportDefinition.Periods, held: [Int]) throws -> [Int] {
        guard let latest = held.max() else { throw ReportError.noPeriods }
        switch periods {
        case .latest: return [latest]
        case .all: return held.sorted()
        case .years(let range):
            for year in range where !held.contains(year) { throw ReportError.noData(period: year) }
            return Array(range)
        }
    }
}
