import ArgumentParser

struct InvitationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invitation",
        abstract: "Invite new hires to answer for themselves: HR enters the context only and never sees an answer.",
        subcommands: [InvitationIssue.self, InvitationExpire.self, InvitationPaper.self, InvitationPaperEntry.self])
}
