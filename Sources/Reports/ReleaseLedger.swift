import Disclosure
import Foundation
import Store
import Vault

/// The release ledger as Reports uses it: earlier released cells for the differencing audit, and the
/// record of a new release.
struct ReleaseLedger {
    let data: DataStore

    /// Every cell of every earlier release, with the release's epoch, and the held years whose
    /// changes since a release the entry epochs do not explain.
    ///
    /// Changes since a release that entry epochs account for (`tracked`: rows added and withdrawn
    /// after it, per year) are modelled exactly by disclosure control (``PopulationChanges``).
    /// Declines purged by the retention rule are all of a year's declines: only cells that count
    /// declines (totals and `declined`) become ranges. A purged year stays in the reader's model —
    /// its people are gone from the data, not from the published tables — with its figures as ranges
    /// for what changed before the purge. Any other change (rows from before epochs were kept) makes
    /// the figures ranges too, and its year *untracked*: a reader who knows who joined or left there
    /// cannot be modelled, so the report withholds every answer cell of that year.
    /// `now` are the revision counters the new figures were counted at; `indicators` the variables
    /// whose cells split by answer.
    func earlierCells(currentPeriods: Set<Int>, now: [Int: PeriodRevision], indicators: Set<String>,
                      tracked: (_ year: Int, _ release: Int) -> (added: Int, removed: Int)) throws
        -> (cells: [ReleasedCell], untracked: Set<Int>) {
        var result: [ReleasedCell] = [], untracked = Set<Int>()
        // Asked once per release and year, not once per cell: it walks every changed row.
        var trackedSince: [[Int]: (added: Int, removed: Int)] = [:]
        let decoder = JSONDecoder()
        for release in try data.releases() {
            let cells = try decoder.decode([ReleasedCell].self, from: release.cells)
            let then = try decoder.decode([String: RevisionSnapshot].self, from: release.revisions)
            let releasePeriods = release.periods.split(separator: ",").compactMap { Int($0) }
            let epoch = release.epoch ?? 0
            for var cell in cells {
                cell.release = epoch
                let years = cell.domain.restrictions["year"].map { $0.compactMap { Int($0) } } ?? releasePeriods
                let countsDeclines = cell.domain.restrictions.allSatisfy { !indicators.contains($0.key) || $0.value.contains(AtomTable.declined) }
                var added = 0, removed = 0
                for year in years {
                    let before = then[String(year)] ?? RevisionSnapshot(added: 0, removed: 0, declinesPurged: 0)
                    guard let current = now[year] else {
                        // A year purged before its counters were kept: its people can only be dropped.
                        removed += max(0, before.added - before.removed)
                        continue
                    }
                    let known = trackedSince[[year, epoch]] ?? tracked(year, epoch)
                    trackedSince[[year, epoch]] = known
                    let purged = max(0, current.declinesPurged - (before.declinesPurged ?? 0))
                    if countsDeclines { removed += purged }
                    let otherAdded = max(0, current.added - before.added - known.added)
                    let otherRemoved = max(0, current.removed - before.removed - known.removed - purged)
                    if otherAdded + otherRemoved > 0 && currentPeriods.contains(year) { untracked.insert(year) }
                    added += otherAdded
                    removed += otherRemoved
                }
                if years.allSatisfy({ now[$0] == nil && !currentPeriods.contains($0) }) { continue }
                if let range = cell.knownRange, added + removed > 0 {
                    cell.knownRange = max(0, range.lowerBound - removed)...(range.upperBound + added)
                }
                result.append(cell)
            }
        }
        return (result, untracked)
    }

    func releasedYears() throws -> Set<Int> {
        Set(try data.releases().flatMap { $0.periods.split(separator: ",").compactMap { Int($0) } })
    }

    /// `R<day>-<6 hex>`: readable, and the same for the same request on the same day and ledger.
    func nextReleaseID(definition: ReportDefinition, periods: [Int], day: String) throws -> String {
        let count = try data.releases().count
        let seed = "\(definition.name)|\(definition.indicator)|\(definition.by)|\(periods)|\(day)|\(count)"
        return "R\(day.replacingOccurrences(of: "-", with: ""))-\(Digest.hex(Digest.blake2b(Array(seed.utf8))).prefix(6))"
    }

    /// Records the release with the revision counters its figures were counted at, and its mark in
    /// the keystore (``Store/ReleaseMark``); throws ``Store/StoreError/changedWhileCounting`` when
    /// the data or the ledger moved since.
    ///
    /// The mark is written first: should the ledger write fail and taking the mark back fail too,
    /// the mark claims a release too many (the audit flags it, a restore refuses more), never one
    /// too few (a restore would forget a published release unnoticed).
    func record(_ report: PublishedReport, definition: ReportDefinition, protected: ProtectedTable,
                revisions now: [Int: PeriodRevision], epoch: Int, keystore: Keystore, actor: Actor) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let revisions = now.reduce(into: [String: RevisionSnapshot]()) {
            $0[String($1.key)] = RevisionSnapshot(added: $1.value.added, removed: $1.value.removed, declinesPurged: $1.value.declinesPurged)
        }
        let record = ReleaseRecord(
            id: report.release, day: report.day, role: actor.role, user: actor.user, report: report.report,
            indicator: report.indicator, periods: report.periods.map(String.init).joined(separator: ","),
            // The data file is not sealed: a withheld cell's reason ("primary" means 1 to 4) stays out.
            definition: try encoder.encode(definition),
            cells: try encoder.encode(protected.releasedCells.map { var cell = $0; cell.reason = nil; return cell }),
            cellCount: protected.releasedCells.count, suppressedCount: protected.suppressedCells.count,
            revisions: try encoder.encode(revisions))
        var marked = record
        marked.epoch = epoch
        try keystore.markRelease(record.id, digest: marked.digest)
        do {
            try data.recordRelease(record, counted: now, epoch: epoch, actor: actor)
        } catch {
            if let held = try? data.releases(), !held.contains(where: { $0.digest == marked.digest }) {
                try? keystore.unmarkRelease(digest: marked.digest)
            }
            throw error
        }
    }
}

/// A period's revision counters at the time of a release.
struct RevisionSnapshot: Codable {
    let added: Int
    let removed: Int
    /// `nil` in releases recorded before declines purges were counted.
    let declinesPurged: Int?
}
