import Forms
import Foundation
import Store

/// The restore's guard for the release ledger (threat model 5): a data backup holds the ledger as
/// it was when the backup was taken, so releases made since would be forgotten, and the next
/// release would not be audited against them although readers hold them. The keystore's release
/// marks (``Store/ReleaseMark``), kept apart from the data, say which releases were made.
extension Installation {
    /// Throws, naming the releases, when the data backup's ledger lacks a release `marks` know.
    static func refuseForgottenReleases(_ marks: [ReleaseMark], ledger: [ReleaseRecord], backup: URL) throws {
        let forgotten = ReleaseMark.forgotten(marks, by: ledger)
        guard !forgotten.isEmpty else { return }
        let ids = forgotten.map(\.release).joined(separator: ", ")
        let last = forgotten[forgotten.count - 1].release
        throw InputError(file: backup.path, field: "from-data",
                         english: "the data backup's release ledger lacks \(forgotten.count) release(s) made since (\(ids)): after this restore the next release would not be audited against them, and a reader who holds them could combine the tables; restore a data backup taken after release \(last)",
                         german: "Dem Veröffentlichungsregister der Datensicherung fehlen \(forgotten.count) seither erfolgte Veröffentlichung(en) (\(ids)): Nach dieser Wiederherstellung würde die nächste Veröffentlichung nicht gegen sie geprüft, und wer sie besitzt, könnte die Tabellen kombinieren; bitte eine nach der Veröffentlichung \(last) angelegte Datensicherung wiederherstellen.")
    }

    /// The marks of both keystores, each release once, those of the keys in use first.
    static func releaseMarks(_ live: [ReleaseMark], _ restored: [ReleaseMark]) -> [ReleaseMark] {
        var seen = Set<String>()
        return (live + restored).filter { seen.insert($0.digest).inserted }
    }
}
