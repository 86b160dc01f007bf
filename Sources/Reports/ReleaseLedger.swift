import Disclosure
import Foundation
import Store
import Vault

/// The release ledger as Reports uses it: earlier released cells for the differencing audit, and the
/// record of a new release.
struct ReleaseLedger {
    let data: DataStore

    /// Every cell of every earlier release, with the release's epoch.
    ///
    /// Changes since a release that entry epochs account for (`tracked`: rows added and withdrawn
    /// after it, per year) are modelled exactly by disclosure control (``PopulationChanges``). Any
    /// other change — a purged period, rows from before epochs were kept — leaves the release's
    /// figures as ranges that today's counts must lie in (published value minus removals, plus
    /// additions). Cells that only concern purged periods are dropped: their people are gone.
    /// `now` are the revision counters the new figures were counted at.
    func earlierCells(currentPeriods: Set<Int>, now: [Int: PeriodRevision],
                      tracked: (_ year: Int, _ release: Int) -> (added: Int, removed: Int)) throws -> [ReleasedCell] {
        var result: [ReleasedCell] = []
        let decoder = JSONDecoder()
        for release in try data.releases() {
            let cells = try decoder.decode([ReleasedCell].self, from: release.cells)
            let then = try decoder.decode([String: RevisionSnapshot].self, from: release.revisions)
            let releasePeriods = release.periods.split(separator: ",").compactMap { Int($0) }
            let epoch = release.epoch ?? 0
            for var cell in cells {
                cell.release = epoch
                let years = cell.domain.restrictions["year"].map { $0.compactMap { Int($0) } } ?? releasePeriods
                guard years.contains(where: currentPeriods.contains) else { continue }
                var added = 0, removed = 0
                for year in years {
                    let before = then[String(year)] ?? RevisionSnapshot(added: 0, removed: 0)
                    if let current = now[year] {
                        let known = tracked(year, epoch)
                        added += max(0, current.added - before.added - known.added)
                        removed += max(0, current.removed - before.removed - known.removed)
                    } else {
                        removed += max(0, before.added - before.removed)
                    }
                }
                if let range = cell.knownRange, added + removed > 0 {
                    cell.knownRange = max(0, range.lowerBound - removed)...(range.upperBound + added)
                }
                result.append(cell)
            }
        }
        return result
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

    /// Records the release with the revision counters its figures were counted at; throws
    /// ``Store/StoreError/changedWhileCounting`` when the data or the ledger moved since.
    func record(_ report: PublishedReport, definition: ReportDefinition, protected: ProtectedTable,
                revisions now: [Int: PeriodRevision], epoch: Int, actor: Actor) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let revisions = now.reduce(into: [String: RevisionSnapshot]()) {
            $0[String($1.key)] = RevisionSnapshot(added: $1.value.added, removed: $1.value.removed)
        }
        let record = ReleaseRecord(
            id: report.release, day: report.day, role: actor.role, user: actor.user, report: report.report,
            indicator: report.indicator, periods: report.periods.map(String.init).joined(separator: ","),
            definition: try encoder.encode(definition), cells: try encoder.encode(protected.releasedCells),
            cellCount: protected.cells.count, suppressedCount: protected.suppressedCells.count,
            revisions: try encoder.encode(revisions), withheld: try encoder.encode(protected.informationLoss))
        try data.recordRelease(record, counted: now, epoch: epoch, actor: actor)
    }
}

/// A period's revision counters at the time of a release.
struct RevisionSnapshot: Codable {
    let added: Int
    let removed: Int
}
