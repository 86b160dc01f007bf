import Foundation
import Forms
import Store
import Vault

extension Installation {
    /// Checks a sign-in; nil for an unknown, disabled or wrong one alike (after the same Argon2id
    /// work). A failure is written to the audit log as `sign-in failed`, naming the user only when
    /// the name is one: a name that matches nobody is often a password typed into the wrong field.
    public func signIn(name: String, password: Password) throws -> User? {
        let users = try self.users
        if let user = try users.authenticate(name: name, password: password) { return user }
        try recordEvent("sign-in failed", by: Actor(role: "-", user: try users.exists(name) ? name : "-"))
        return nil
    }

    /// Sets a new password after checking the current one, and records the change.
    public func changePassword(of user: User, current: Password, new: Password) throws {
        try users.changePassword(name: user.name, current: current, new: new)
        try recordEvent("password changed", by: Actor(role: user.role.rawValue, user: user.name))
    }
}
