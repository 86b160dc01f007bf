import ArgumentParser

struct EntryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entry",
        abstract: "Enter questionnaires, record declines, withdraw by receipt code. Write-only: nothing reads back.",
        subcommands: [EntryAdd.self, EntryImport.self, EntryDecline.self, EntryWithdraw.self])
}
