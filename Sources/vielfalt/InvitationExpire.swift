import ArgumentParser
import Operations
import Store

struct InvitationExpire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expire",
        abstract: "Delete the invitations past their weeks (retention.yaml, invitation_weeks) and count them as not answered.",
        discussion: "`vielfalt purge` does the same as part of retention; this runs it alone.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Expire as of this day (YYYY-MM-DD), default today; not after today.") var asOf: String?

    func run() throws {
        try Failure.guarded {
            let installation = try store.installation()
            let asOf = try self.asOf.map { try AuditDay.parse($0, field: "as-of") }
            let count = try installation.expireInvitations(asOf: asOf, by: store.actor("hr"))
            print("\(count) invitation(s) expired, counted as not answered / Einladung(en) verfallen, als nicht beantwortet gezählt")
        }
    }
}
