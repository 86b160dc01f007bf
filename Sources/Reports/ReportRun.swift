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
    /// The stores, opened once by whoever runs releases (one connection per file and process).
    public let data: DataStore
    public let keystore: Keystore
    public let forms: [FormDefinition]
    public let units: OrgUnits
    public let disclosure: DisclosurePolicyFile
    public let reference: ReferenceShares
    public let actor: Actor

    public init(data: DataStore, keystore: Keystore, forms: [FormDefinition], units: OrgUnits, disclosure: DisclosurePolicyFile,
                reference: ReferenceShares = .none, actor: Actor) {
        self.data = data
        self.keystore = keystore
        self.forms = forms
        self.units = units
        self.disclosure = disclosure
        self.reference = reference
        self.actor = actor
    }

    public func release(_ definition: ReportDefinition, passphrase: Passphrase, day: String = AuditDay.today()) throws -> PublishedReport {
        try release(definition, unlock: .passphrase(passphrase), day: day)
    }

    /// Releases with the passphrase or, when the keystore is held by keyholders, two of them.
    public func release(_ definition: ReportDefinition, unlock: KeystoreUnlock, day: String = AuditDay.today()) throws -> PublishedReport {
        try releaseMeasured(definition, unlock: unlock, day: day).report
    }

    /// Releases like ``release(_:passphrase:day:)`` and also returns what the release withheld, by
    /// cause, with the respondents in withheld cells, and where it spent its time: for the
    /// statistics unit's own terminal only.
    public func releaseMeasured(_ definition: ReportDefinition, passphrase: Passphrase, day: String = AuditDay.today())
        throws -> (report: PublishedReport, loss: InformationLoss, timings: ReleaseTimings) {
        try releaseMeasured(definition, unlock: .passphrase(passphrase), day: day)
    }

    public func releaseMeasured(_ definition: ReportDefinition, unlock: KeystoreUnlock, day: String = AuditDay.today())
        throws -> (report: PublishedReport, loss: InformationLoss, timings: ReleaseTimings) {
        var timings = ReleaseTimings()
        let (report, protected) = try releaseProtected(definition, unlock: unlock, day: day, timings: &timings)
        return (report, protected.informationLoss, timings)
    }

    /// The release with its protected table (true counts and reasons): for the run itself and tests.
    func releaseProtected(_ definition: ReportDefinition, passphrase: Passphrase, day: String,
                          timings: inout ReleaseTimings) throws -> (report: PublishedReport, protected: ProtectedTable) {
        try releaseProtected(definition, unlock: .passphrase(passphrase), day: day, timings: &timings)
    }

    func releaseProtected(_ definition: ReportDefinition, unlock: KeystoreUnlock, day: String,
                          timings: inout ReleaseTimings) throws -> (report: PublishedReport, protected: ProtectedTable) {
        try releaseProtected(definition, unlocked: { try keystore.unlock(unlock) }, day: day, timings: &timings)
    }

    /// A release with a keystore unlocked once for several (the monitoring's goals): Argon2id once,
    /// not per table.
    func release(_ definition: ReportDefinition, unlocked: UnlockedKeystore, day: String) throws -> PublishedReport {
        var timings = ReleaseTimings()
        return try releaseProtected(definition, unlocked: { unlocked }, day: day, timings: &timings).report
    }

    /// `unlocked` is asked for after the request is checked, so that a request that cannot run
    /// costs no key derivation.
    private func releaseProtected(_ definition: ReportDefinition, unlocked unlock: () throws -> UnlockedKeystore, day: String,
                                  timings: inout ReleaseTimings) throws -> (report: PublishedReport, protected: ProtectedTable) {
        guard try data.storeID() == keystore.storeID() else { throw StoreError.keystoreMismatch }
        let form = try ReportForm(indicator: definition.indicator, in: forms)
        let decryptor = try ReportDecryptor(form: form, units: units)
        let held = try keystore.periodKeys().filter { $0.sealedSecret != nil }.map(\.period)
        let periods = try resolve(definition.periods, held: held)
        let unlocked = try unlock()
        let sequence = ReleaseSequence(releases: try data.releaseEpochs(), current: try data.nextEpoch())
        func template(_ years: [Int]) -> AtomTable { decryptor.template(years: years, baseEpochs: years.map(sequence.baseEpoch)) }
        // Years the report does not show but earlier releases did: opened for their late rows and
        // their sizes (what every reader knows of them), never shown.
        let otherYears = sequence.releasedYears.intersection(held).subtracting(periods).sorted()
        // The ledger records the revision counters the figures belong to, so they are read before and
        // after decryption: if an entry or withdrawal came in between, the figures are counted again.
        // Only where invitations were answered can HR-typed and self-typed answers mix; only then
        // does the run count who typed each row (``ReleaseSequence/knownToHR(tables:withdrawn:form:)``).
        let answeredAlone = try data.invitationCounts()
        let mayMix = (periods + otherYears).contains { (answeredAlone[$0]?.redeemed ?? 0) > 0 }
        var counted: (atoms: AtomTable, otherYears: AtomTable, withdrawn: [WithdrawnContext])?, revisions: [Int: PeriodRevision] = [:]
        for _ in 0..<3 where counted == nil {
            let start = Date()
            defer { timings.counting += Date().timeIntervalSince(start) }
            revisions = try data.revisions()
            let atoms = try decryptor.aggregate(data: data, keystore: keystore, unlocked: unlocked, periods: periods, template: template(periods),
                                                withRecordKeys: disclosure.policy.cellKey != nil, sources: mayMix)
            let others = try decryptor.aggregate(data: data, keystore: keystore, unlocked: unlocked, periods: otherYears,
                                               template: template(otherYears), withRecordKeys: false, sources: mayMix)
            let withdrawn = try decryptor.withdrawals(data: data, keystore: keystore, unlocked: unlocked, periods: periods + otherYears,
                                                      sources: mayMix)
            if try data.revisions() == revisions { counted = (atoms, others, withdrawn) }
        }
        guard let counted else { throw ReportError.dataChanging }
        let entered = [counted.atoms, counted.otherYears]

        let builder = ReportTableBuilder(definition: definition, indicator: form.indicator, atoms: counted.atoms, units: units,
                                         cellKey: disclosure.policy.cellKey != nil)
        let table = try builder.countTable()
        let ledger = ReleaseLedger(data: data)
        let (earlier, untracked) = try ledger.earlierCells(currentPeriods: Set(held), now: revisions,
                                                           indicators: Set(form.newest.indicators.map(\.key))) { year, release in
            sequence.tracked(year: year, since: release, entered: entered, withdrawn: counted.withdrawn)
        }
        var changes = sequence.changes(entered: entered, withdrawn: counted.withdrawn)
        let hr = mayMix ? sequence.knownToHR(tables: entered, withdrawn: counted.withdrawn, form: form) : (known: KnownAnswers.none, unmodelled: [])
        changes.unmodelled = ["year": Set(untracked.union(hr.unmodelled).map(String.init))].filter { !$0.value.isEmpty }
        let universe = builder.universe(allYears: Set(held).union(try ledger.releasedYears()))
        let protected: ProtectedTable
        do {
            protected = try timings.measure(\.protecting) {
                try protect(table, policy: disclosure.policy, earlier: earlier, universe: universe, changes: changes,
                            rules: DerivationRules(versions: form.versions), known: hr.known,
                            sizes: ContextSizes(groups: entered.flatMap { $0.sizes(indicator: form.indicator.key) },
                                                answerVariables: Set(form.newest.indicators.map(\.key) + [form.indicator.key]),
                                                years: Set((periods + otherYears).map(String.init))))
            }
        } catch let error as DisclosureError {
            try refuse(definition, cause: error.cause, day: day)
            throw ReportError.refused
        }
        let report = builder.published(protected, form: form, policy: disclosure, day: day,
                                       release: try ledger.nextReleaseID(definition: definition, periods: periods, day: day),
                                       reference: definition.kind == .baseline ? reference.byIndicator[definition.indicator] : nil,
                                       notAnswered: try data.invitationsNotAnswered(asOf: day))
        do {
            try ledger.record(report, definition: definition, protected: protected, revisions: revisions, epoch: sequence.current, keystore: keystore, actor: actor)
        } catch StoreError.changedWhileCounting {
            throw ReportError.dataChanging
        }
        return (report, protected)
    }

    /// Records a refusal by the release itself in the ledger (``Refusals``).
    func refuse(_ definition: ReportDefinition, cause: String, day: String) throws {
        try Refusals.record(in: data, report: definition.name, request: definition, cause: cause, actor: actor, day: day)
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
