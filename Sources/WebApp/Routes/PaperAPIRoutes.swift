import Forms
import Foundation
import Hummingbird
import HummingbirdAuth
import Operations
import Store
import Vault

/// `POST /api/v1/paper-entries` enters a returned paper questionnaire (role statistics), as
/// `/statistics/paper/entry` does: the invitation code, and either the answers with the receipt
/// code printed on the form or a decline. The answer never repeats a code or an answer; it says to
/// destroy the paper (MighEV § 4(2)). Statuses: 404 for a used, expired or unknown invitation code
/// (one answer for all three), 409 for a receipt code already stored, 422 for a code whose check
/// character fails (a typo), 400 for everything else wrong.
struct PaperAPIRoutes {
    let services: AppServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let statistics = api.group("paper-entries")
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(.statistics), context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
        statistics.post { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize,
                                               allowed: ["code", "receipt", "version", "consent", "answers", "decline"])
            let declined = try body.object["decline"].map { _ in try body.bool("decline") } ?? false
            let paper: PaperForm
            if declined {
                for key in ["receipt", "version", "consent", "answers"] where body.object[key] != nil {
                    throw InputError(field: key, english: "a decline takes the invitation code only", german: "Eine Ablehnung nimmt nur den Einladungscode.")
                }
                paper = PaperForm(invitationCode: try body.string("code", required: true)!, receiptCode: nil, answers: nil, consentVersion: nil)
            } else {
                let consent = try body.bool("consent") ? body.int("version") : nil
                paper = PaperForm(invitationCode: try body.string("code", required: true)!, receiptCode: try body.string("receipt", required: true),
                                  answers: try body.strings("answers", required: false), consentVersion: consent)
            }
            let installation = services.installation, clerk = Actor(role: Role.statistics.rawValue, user: context.identity!.name)
            let outcome: PaperEntry
            do {
                outcome = try await Blocking.run { try installation.enterPaperForm(paper, by: clerk) }
            } catch let error as InputError {
                throw APIError(status: Self.status(of: error), error: error)
            }
            let reminder = Installation.destroyPaperReminder
            return JSONResponse.make(["status": outcome == .answered ? "stored" : "declined", "en": reminder.en, "de": reminder.de],
                                     status: .created)
        }
    }

    static func status(of error: InputError) -> HTTPResponse.Status {
        let typos = [VaultError.mistypedInvitationCode, .mistypedReceiptCode].map(\.english)
        if error == Installation.unknownInvitation { return .notFound }
        if error == Intake.receiptInUse { return .conflict }
        if typos.contains(error.english) { return .unprocessableContent }
        return .badRequest
    }
}
