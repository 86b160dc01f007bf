/// Who joined or left the population between releases: late entries, late declines, withdrawals.
///
/// Threat model 5's reader knows every such person's context (hiring year, unit, career group,
/// employment) and which releases counted them, but not their answers. Releasing the same table
/// again after one late entry would otherwise tell that person's answer by subtraction. With the
/// changes passed to ``protect(_:policy:earlier:universe:changes:)`` the audit models the people of
/// each ``Presence`` as their own atoms, adds what the reader knows about them (their number per
/// context) and checks their cells like any withheld cell (see ``LinkedAuditor``).
///
/// People not listed in any group were counted by every release whose domain covers them (the
/// *base*); list only the changed ones.
///
/// ```swift
/// // One late hire in unit 10 (2024), entered after release 0 and counted from release 1 on:
/// let changes = PopulationChanges(current: 2, groups: [
///     .init(context: ["year": "2024", "unit": "10"], presence: .init(first: 1, end: nil), count: 1)])
/// ```
public struct PopulationChanges: Sendable, Hashable {
    /// The releases that counted a group of people: every release whose epoch is in `first..<end`
    /// (`end == nil`: still counted today, so also by the release being protected).
    public struct Presence: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let first: Int
        public let end: Int?

        public init(first: Int, end: Int?) {
            self.first = first
            self.end = end
        }

        /// Whether the release with epoch `release` counted these people.
        public func counted(by release: Int) -> Bool { first <= release && release < (end ?? Int.max) }

        public var description: String { "\(first)-\(end.map(String.init) ?? "now")" }

        public static func < (a: Presence, b: Presence) -> Bool { (a.first, a.end ?? Int.max) < (b.first, b.end ?? Int.max) }
    }

    /// People of one context with one presence, and how many there are.
    public struct Group: Sendable, Hashable {
        /// Variable → code, in the microdata's variable names (`year`, `unit`, `career_group`, …).
        public let context: [String: String]
        public let presence: Presence
        public let count: Int

        public init(context: [String: String], presence: Presence, count: Int) {
            self.context = context
            self.presence = presence
            self.count = count
        }
    }

    /// The epoch of the release being protected: it counts the groups whose presence has no end.
    public var current: Int
    public var groups: [Group]
    /// Parts of the population (variable → codes, e.g. `year` → `2024`) where people joined or left
    /// in ways the groups do not describe (rows from before entry epochs were kept). The reader may
    /// know who they are; the audit cannot model them, so every cell there that splits by answer is
    /// withheld.
    public var unmodelled: [String: Set<String>]

    public init(current: Int, groups: [Group] = [], unmodelled: [String: Set<String>] = [:]) {
        self.current = current
        self.groups = groups.filter { $0.count > 0 }
        self.unmodelled = unmodelled.filter { !$0.value.isEmpty }
    }

    /// No changes: every release counted the same people.
    public static let none = PopulationChanges(current: 0)

    public var isEmpty: Bool { groups.isEmpty }

    /// The presences that occur, in order.
    var presences: [Presence] { Array(Set(groups.map(\.presence))).sorted() }

    /// The variable that carries presence in cell domains; no microdata variable has this name.
    static let variable = "#presence"
    /// The presence code of people counted by every release.
    static let base = "base"

    /// The presence codes a release with epoch `release` counted (`nil`: a release from before the
    /// ledger kept epochs, taken to have counted the base only).
    func codes(countedBy release: Int?) -> Set<String> {
        var codes: Set<String> = [Self.base]
        if let release {
            for presence in presences where presence.counted(by: release) { codes.insert(presence.description) }
        }
        return codes
    }
}
