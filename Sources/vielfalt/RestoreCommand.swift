import ArgumentParser
import Foundation
import Operations

/// `vielfalt restore`: a data backup and a keystore backup into new directories, purged at once.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a data backup and a keystore backup into new directories, then purge as of today (audited).",
        discussion: """
            Purges follow from the retention policy and the day, so the purge after the restore deletes \
            again whatever was purged after the backups were made. Withdrawals made after the data backup \
            are not in it and cannot be re-applied. A keystore backup made for keyholders needs two of \
            them (--holder, --second-holder).
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "The directory `vielfalt backup` wrote.") var fromData: String
    @Option(help: "The file `vielfalt keystore backup` wrote.") var fromKeystore: String

    func run() throws {
        try Failure.guarded {
            let outcome = try Installation.restore(data: URL(fileURLWithPath: fromData), keystore: URL(fileURLWithPath: fromKeystore),
                                                   unlock: unlock.read(heldByKeyholders: false), into: store.directories(), by: store.actor("admin"))
            print("restored into \(store.data) / wiederhergestellt nach \(store.data)")
            for step in outcome.steps {
                print("purged again / erneut gelöscht: \(step.scope) \(step.period)")
            }
        }
    }
}
