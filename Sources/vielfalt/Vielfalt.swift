import ArgumentParser
import Foundation

@main
struct Vielfalt: ParsableCommand {
    /// Sets up the operations log first (``LogSetup``), then runs the command.
    static func main() {
        do {
            try Failure.guarded { try LogSetup.bootstrap(ProcessInfo.processInfo.environment) }
        } catch {
            exit(withError: error)
        }
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "vielfalt",
        abstract: "Voluntary diversity statistics for new hires, encrypted, released only as protected aggregates.",
        discussion: """
            Freiwillige Vielfaltsstatistik für Neueinstellungen: verschlüsselt gespeichert, \
            veröffentlicht nur als geschützte Summen.

            Exit codes: 0 ok, 1 not found (e.g. an unknown receipt code), 2 bad input, \
            3 wrong passphrase or tampered data.

            Operations (releases, purges, restores, backups) are logged to standard error through \
            swift-log from the level VIELFALT_LOG_LEVEL names (trace, debug, info, notice, warning, \
            error, critical; default warning, so that an interactive command stays quiet); \
            `serve` logs them, as its requests, from info on.
            """,
        version: "0.1.0",
        subcommands: [Init.self, EntryCommand.self, InvitationCommand.self, FormsCommand.self, KeystoreCommand.self, ReportCommand.self, AuditCommand.self, PurgeCommand.self, BackupCommand.self, RestoreCommand.self, LogCommand.self,
                      PolicyCommand.self, Serve.self, UserCommand.self, Demo.self])
}
