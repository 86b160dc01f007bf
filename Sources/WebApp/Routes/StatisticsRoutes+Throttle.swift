import Forms
import Operations
import Store
import Vault

extension StatisticsRoutes {
    /// A release with the keystore passphrase, throttled like a sign-in per statistics user and
    /// address (an offline guess is slow by Argon2id; an online one must be slow by backoff too).
    /// nil means throttled: nothing was tried.
    static func attempt(_ id: String, unlock: KeystoreUnlock, user: String, address: String,
                        services: AppServices) async throws -> RequestOutcome? {
        let installation = services.installation
        return try await throttled(user: user, address: address, services: services) {
            installation.releaseRequest(id, unlock: unlock, by: user)
        }
    }

    /// The monitoring's release (``Operations/Installation/releaseMonitoring(unlock:by:)``), throttled the same way.
    static func attemptMonitoring(unlock: KeystoreUnlock, user: String, address: String,
                                  services: AppServices) async throws -> RequestOutcome? {
        let installation = services.installation
        return try await throttled(user: user, address: address, services: services) {
            installation.releaseMonitoring(unlock: unlock, by: user)
        }
    }

    private static func throttled(user: String, address: String, services: AppServices,
                                  _ release: @escaping @Sendable () -> RequestOutcome) async throws -> RequestOutcome? {
        let throttle = services.passphraseThrottle
        guard await throttle.begin(user: user, address: address) else { return nil }
        let outcome = try await Blocking.run { release() }
        // Every refused two-person unlock counts, not only a wrong passphrase: a success would clear
        // the count, and a cheap refusal (an unknown name) must not reset the backoff of guesses.
        // Only a release proves the passphrase: a refusal or failure before the unlock must not clear
        // the count either, or it would be a way to reset the backoff between guesses.
        switch outcome {
        case .wrongPassphrase, .unlockRefused: await throttle.failed(user: user, address: address)
        case .released: await throttle.succeeded(user: user, address: address)
        case .refused, .alreadyDecided, .failed: break
        }
        return outcome
    }

    /// What a throttled release answers, on the page and in the API (429).
    static var throttled: InputError {
        InputError(field: "passphrase", english: "too many wrong passphrases: wait a few minutes, then try again",
                   german: "Zu viele falsche Passphrasen: Bitte einige Minuten warten und es dann erneut versuchen.")
    }
}
