import ArgumentParser

@main
struct Vielfalt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vielfalt",
        abstract: "Voluntary diversity statistics for new hires, encrypted, released only as protected aggregates.",
        discussion: """
            Freiwillige Vielfaltsstatistik für Neueinstellungen: verschlüsselt gespeichert, \
            veröffentlicht nur als geschützte Summen.

            Exit codes: 0 ok, 1 not found (e.g. an unknown receipt code), 2 bad input, \
            3 wrong passphrase or tampered data.
            """,
        version: "0.1.0",
        subcommands: [Init.self, EntryCommand.self, InvitationCommand.self, FormsCommand.self, KeystoreCommand.self, ReportCommand.self, AuditCommand.self, PurgeCommand.self, BackupCommand.self, RestoreCommand.self, LogCommand.self,
                      PolicyCommand.self, Serve.self, UserCommand.self, Demo.self])
}
