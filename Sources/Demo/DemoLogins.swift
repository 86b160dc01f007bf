import Store
import Vault

/// The logins of a demo store: one per role, with passwords as public as the demo passphrase.
///
/// Made only for a store that opens with the published demo passphrase and only while
/// `users.sqlite` is empty, so a real store never gets them. `vielfalt serve` prints them.
public enum DemoLogins {
    public struct Login: Sendable {
        public let name: String
        public let role: Role
        public let password: String
    }

    public static let logins: [Login] = Role.allCases.map { Login(name: $0.rawValue, role: $0, password: "demo-\($0.rawValue)-passwort") }

    /// Creates the demo logins when there are no users yet. Returns whether it created them.
    @discardableResult
    public static func create(in users: UserStore) throws -> Bool {
        guard try users.isEmpty() else { return false }
        for login in logins {
            try users.add(name: login.name, role: login.role, password: Password(login.password))
        }
        return true
    }
}
