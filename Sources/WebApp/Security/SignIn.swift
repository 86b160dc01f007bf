import Foundation
import Operations
import Store
import Vault

extension AppServices {
    /// Checks a sign-in for the page and the API alike; nil for every kind of failure, so that
    /// neither can tell a throttled, unknown, disabled or wrong attempt apart.
    ///
    /// The throttle counts the attempt before Argon2id runs, and the gate bounds how many hashes
    /// run at once. A checked failure is written to the audit log as `sign-in failed`, naming the
    /// user only when the name is one: a name that matches nobody is often a password typed
    /// into the wrong field and is never kept.
    func signIn(name: String, password passwordText: String, address: String) async throws -> User? {
        guard await loginThrottle.begin(user: name, address: address) else { return nil }
        guard !name.isEmpty, passwordText.utf8.count <= UserStore.passwordLengths.upperBound,
              let password = try? Password(passwordText) else { return nil }
        let installation = self.installation
        if let checked = try await passwordGate.run({ try installation.signIn(name: name, password: password) }), let user = checked {
            await loginThrottle.succeeded(user: name, address: address)
            return user
        }
        await loginThrottle.failed(user: name, address: address)
        return nil
    }

    /// Appends an event that changes no data (a failed sign-in or release passphrase, a password
    /// change, sessions ended) to the audit log.
    func auditEvent(_ action: String, actor: Actor) async throws {
        let installation = self.installation
        try await Blocking.run { try installation.recordEvent(action, by: actor) }
    }
}
