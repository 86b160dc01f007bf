import Forms
import Foundation
import Hummingbird
import HummingbirdAuth
import Operations
import Store

/// `POST /api/v1/invitations` issues one invitation from a context (the body of a decline) and
/// answers with its code, once; `GET /api/v1/invitations` gives the counts per period. Role hr.
/// Nothing here ever returns an answer or a receipt.
struct InvitationAPIRoutes {
    let services: AppServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let hr = api.group("invitations")
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(.hr), context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
        hr.post { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["form", "version", "context"])
            let form = try body.string("form", required: true)!, version = try body.int("version"), entered = try body.strings("context")
            guard services.catalog.current(form)?.version == version else {
                throw InputError(field: "version", english: "invitations are issued for the newest version of the form only",
                                 german: "Einladungen gibt es nur für die neueste Version des Formulars.")
            }
            let installation = services.installation, clerk = Actor(role: Role.hr.rawValue, user: context.identity!.name)
            let issued = try await Blocking.run { try installation.issueInvitation(context: entered, form: form, by: clerk) }
            return JSONResponse.make(["code": issued.code.formatted, "lastDay": issued.lastDay], status: .created)
        }
        hr.get { _, _ in
            let installation = services.installation
            let counts = try await Blocking.run { try installation.invitationCounts() }
            return JSONResponse.make(["periods": counts.keys.sorted().map { period in
                let c = counts[period]!
                return ["period": period, "issued": c.issued, "open": c.open, "answered": c.redeemed, "expired": c.expired]
            }])
        }
    }
}
