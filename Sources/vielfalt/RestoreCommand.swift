import ArgumentParser
import Foundation
import Operations

/// `vielfalt restore`: a data backup and a keystore backup into new directories; withdrawals and
/// purges made since are made again.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a data backup and a keystore backup into new directories, make again the withdrawals and purges made since (audited).",
        discussion: """
            Every withdrawal leaves a tombstone (a keyed hash of the response's id) in the keystore, \
            never in the data: the restore withdraws again every response of the data backup that the \
            keystore backup, or the keys directory in use (--live-keys, when it survived), holds a \
            tombstone of. Purges follow from the retention policy and the day, so the purge after the \
            restore deletes again whatever was purged after the backups were made. A keystore backup \
            made for keyholders needs two of them (--holder, --second-holder).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "The directory `vielfalt backup` wrote.") var fromData: String
    @Option(help: "The file `vielfalt keystore backup` wrote.") var fromKeystore: String
    @Option(help: "The keys directory in use until now, if it survived: its withdrawals are made again too.") var liveKeys: String?

    func run() throws {
        try Failure.guarded {
            let outcome = try Installation.restore(data: URL(fileURLWithPath: fromData), keystore: URL(fileURLWithPath: fromKeystore),
                                                   unlock: unlock.read(heldByKeyholders: false), into: store.directories(),
                                                   liveKeys: liveKeys.map { URL(fileURLWithPath: $0) }, by: store.actor("admin"))
            print("restored into \(store.data) / wiederhergestellt nach \(store.data)")
            if outcome.releasesUnchecked {
                note("""
                    warning: without --live-keys, releases made after the keystore backup are unknown: if one was made after the data backup, \
                    the ledger has forgotten it and the next release is not audited against it; check the published releases against `vielfalt report list`
                    Warnung: Ohne --live-keys sind Veröffentlichungen nach der Schlüsselsicherung unbekannt: Erfolgte eine nach der Datensicherung, \
                    fehlt sie im Register und die nächste Veröffentlichung wird nicht gegen sie geprüft; bitte die veröffentlichten Tabellen mit `vielfalt report list` abgleichen
                    """)
            }
            print("withdrawn again / erneut widerrufen: \(outcome.withdrawalsReapplied)")
            for step in outcome.purge.steps {
                print("purged again / erneut gelöscht: \(step.scope) \(step.period)")
            }
        }
    }
}
