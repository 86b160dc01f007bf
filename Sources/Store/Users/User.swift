/// A signed-in person as the request context carries it: a name and one role, nothing else.
public struct User: Sendable, Equatable {
    public let name: String
    public let role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    /// Role policies ask for a set of roles; a person holds exactly one.
    public var roles: Set<Role> { [role] }
}
