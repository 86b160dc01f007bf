import Foundation
internal import GRDB
import Vault

/// Binds each release in the ledger to the hash-chained audit log.
///
/// The ledger's rows sit outside the chain: whoever can write `vielfalt.sqlite` could change a
/// release's published figures (so that the next release is audited against false ones) or delete
/// it (so that differencing against it goes unnoticed). The digest of every release is written into
/// its `report released` entry; ``DataStore/releaseProblem()`` compares both ways.
extension ReleaseRecord {
    /// BLAKE2b over every column that says what was published, each length-prefixed so that no
    /// two different releases give the same bytes.
    public var digest: String {
        var bytes: [UInt8] = []
        for field in [Data(id.utf8), Data(day.utf8), Data(report.utf8), Data(indicator.utf8), Data(periods.utf8), definition, cells,
                      Data(String(cellCount).utf8), Data(String(suppressedCount).utf8), revisions,
                      Data(String(epoch ?? -1).utf8)] {
            withUnsafeBytes(of: UInt64(field.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: field)
        }
        return Digest.hex(Digest.blake2b(bytes))
    }
}

extension DataStore {
    /// The first release whose ledger row no longer matches the digest in its audit entry, or whose
    /// row or entry is gone; nil when all match. Releases made before digests were recorded, and
    /// releases whose entries were pruned with the log after ten years, cannot be checked.
    public func releaseProblem() throws -> AuditLog.Verification.Problem? {
        try database.read { db in
            let entries = try AuditEntry.filter(Column("action") == "report released").order(Column("seq")).fetchAll(db)
            var recorded: [String: String] = [:]
            for entry in entries {
                let fields = Self.fields(entry.detail)
                guard let id = fields["release"], let digest = fields["digest"] else { continue }
                recorded[id] = digest
            }
            let firstDay = try String.fetchOne(db, sql: "SELECT day FROM audit_entry ORDER BY seq LIMIT 1")
            let releases = try ReleaseRecord.fetchAll(db)
            for release in releases.sorted(by: { ($0.day, $0.id) < ($1.day, $1.id) }) {
                if let digest = recorded.removeValue(forKey: release.id) {
                    if digest != release.digest { return .releaseAltered(release.id) }
                } else if Self.hasDigests(entries), let firstDay, release.day >= firstDay,
                          !entries.contains(where: { Self.fields($0.detail)["release"] == release.id }) {
                    // A row the log never recorded, made while digests were being recorded.
                    return .releaseUnrecorded(release.id)
                }
            }
            return recorded.keys.sorted().first.map { .releaseMissing($0) }
        }
    }

    private static func hasDigests(_ entries: [AuditEntry]) -> Bool {
        entries.contains { fields($0.detail)["digest"] != nil }
    }

    static func fields(_ detail: String) -> [String: String] {
        Dictionary(detail.split(separator: ";").compactMap { pair -> (String, String)? in
            let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }, uniquingKeysWith: { first, _ in first })
    }
}
