import Forms
import Foundation
import Hummingbird
import Operations
import Store
import Vault

/// The respondent's withdrawal page: the receipt code alone deletes the response, no login.
///
/// Every answer takes at least `withdrawalMinimumDuration` and reads the same for a known and an
/// unknown code, so neither the time nor the text tells whether a code had answers behind it.
/// Attempts are limited per client address.
struct WithdrawalRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/withdraw") { request, context in
            return services.pages.page("withdraw", [:], request: request, context: context)
        }
        router.group().publicForms(maxBodySize: services.configuration.maxBodySize)
            .post("/withdraw") { request, context in
                let outcome = await withdraw(code: try context.form!.fields()["code"], address: context.clientAddress, by: context.withdrawer)
                switch outcome {
                case .processed:
                    return services.pages.page("withdrawn", [:], request: request, context: context)
                case .limited:
                    return services.pages.page("error", ["status": 429, "message": Strings.text("withdraw_limited", context.language)],
                                               request: request, context: context, status: .tooManyRequests)
                case .invalid(let error):
                    let message = context.message(error)
                    return services.pages.page("withdraw", ["hasErrors": true, "codeError": message,
                                                            "errors": [["anchor": "code", "label": Strings.text("withdraw_code", context.language), "message": message]]],
                                               request: request, context: context, status: .unprocessableContent)
                }
            }
    }

    enum Outcome { case processed, limited, invalid(InputError) }

    /// Shared with the API: rate limit, parse, withdraw, and pad to the minimum duration.
    func withdraw(code text: String?, address: String, by withdrawer: Actor) async -> Outcome {
        let start = ContinuousClock.now
        let outcome = await attempt(text, address: address, by: withdrawer)
        let remaining = services.configuration.withdrawalMinimumDuration - (ContinuousClock.now - start)
        if remaining > .zero { try? await Task.sleep(for: remaining) }
        return outcome
    }

    private func attempt(_ text: String?, address: String, by withdrawer: Actor) async -> Outcome {
        guard await services.withdrawalLimiter.admit(address) else { return .limited }
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .invalid(InputError(field: "code", english: Strings.text("withdraw_missing", .en), german: Strings.text("withdraw_missing", .de)))
        }
        guard let code = try? ReceiptCode(parsing: text) else {
            let error = VaultError.invalidReceiptCode
            return .invalid(InputError(field: "code", english: error.english, german: error.german))
        }
        let installation = services.installation
        do {
            // Known or unknown: the same outcome, on purpose.
            _ = try await Blocking.run { try installation.withdraw(code, by: withdrawer) }
            return .processed
        } catch {
            return .invalid(InputError(field: "code", english: Strings.text("error_500", .en), german: Strings.text("error_500", .de)))
        }
    }
}

extension AppRequestContext {
    /// Who withdraws, for the audit log: the signed-in user who typed a respondent's code for
    /// them, else the respondent, who never signs in. Never the code or the response.
    var withdrawer: Actor {
        identity.map { Actor(role: $0.role.rawValue, user: $0.name) } ?? Actor(role: "respondent", user: "-")
    }
}
