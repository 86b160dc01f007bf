/// The answers one reader knows because it entered them: HR, for every questionnaire its clerks
/// typed (or imported) while other new hires answered an invitation on their own.
///
/// Disclosure control otherwise models readers who know who was counted but no answer. HR knows
/// more: it subtracts what it typed from a published count and reads off what the invitees
/// answered, the very answers self-service keeps from it. With the known answers passed to
/// ``protect(_:policy:earlier:universe:changes:rules:known:)`` the audit runs a second reader
/// beside the public one: the people HR entered become atoms of their own whose counts per context
/// and category that reader knows exactly, and the respondents who answered alone are checked like
/// any group no release shows. Cells whose self-service part is small are withheld first (reason
/// `primary`), as a cell with few respondents is for everybody.
///
/// ```swift
/// // HR typed five questionnaires with, five without a migration background in unit 51 (2026),
/// // and one new hire there answered an invitation:
/// let known = KnownAnswers(groups: [
///     .init(context: ["year": "2026", "unit": "51", "migration_background": "yes"], presence: nil, count: 5),
///     .init(context: ["year": "2026", "unit": "51", "migration_background": "no"], presence: nil, count: 5)],
///     answeredAlone: [.init(context: ["year": "2026", "unit": "51"], presence: nil, count: 1)])
/// ```
///
/// Name every variable a release splits by in each context: a variable left out makes the group
/// cover all its codes, which the reader then knows only in sum.
public struct KnownAnswers: Sendable, Hashable {
    /// People of one context and answer, entered by the reader, and when they were counted.
    public struct Group: Sendable, Hashable {
        /// Variable → code: the context variables and every indicator's category of these people.
        public let context: [String: String]
        /// Which releases counted them, as for ``PopulationChanges``; `nil` for the base (counted by
        /// every release that covered their year).
        public let presence: PopulationChanges.Presence?
        public let count: Int

        public init(context: [String: String], presence: PopulationChanges.Presence?, count: Int) {
            self.context = context
            self.presence = presence
            self.count = count
        }
    }

    public var groups: [Group]
    /// The people who answered alone, by context (no answer) and presence, declines included: the
    /// reader issued their invitations and sees how many were answered, so the audit assumes it
    /// knows who answered, as it assumes of people who joined or left (``PopulationChanges``).
    public var answeredAlone: [Group]

    public init(groups: [Group] = [], answeredAlone: [Group] = []) {
        self.groups = groups.filter { $0.count > 0 }
        self.answeredAlone = answeredAlone.filter { $0.count > 0 }
    }

    /// Nobody's answers are known: one reader, the public one.
    public static let none = KnownAnswers()

    public var isEmpty: Bool { groups.isEmpty }

    /// The variable that tells, in cell domains, who entered an atom's people; no microdata variable
    /// has this name.
    static let variable = "#way"
    /// People whose answers the reader entered, and people who answered alone.
    static let entered = "entered", answeredAlone = "alone"

    /// The cells of `table` that split by answer: those below the category dimension's root. What
    /// the reader who entered some answers must not learn is an answer; that a cell's people include
    /// some who answered alone it knows as participation (``PublishedReport`` shows it by year).
    static func answerCells(of table: CountTable) -> [Int] {
        guard let category = table.categoryDimension else { return Array(0..<table.cellCount) }
        return (0..<table.cellCount).filter { table.nodes(of: $0)[category] != 0 && !table.isOmitted($0) }
    }

    /// For each cell of `table`, how many of its people the reader entered and counts now (groups
    /// whose presence `current` counts, or the base). A group that leaves out a variable the cell
    /// restricts is not counted: the audit, not this number, is what guarantees protection.
    func enteredCounts(in table: CountTable, current: Int) -> [Int] {
        let counted = groups.filter { $0.presence?.counted(by: current) ?? true }
        return (0..<table.cellCount).map { cell in
            let domain = table.domain(of: cell)
            return counted.reduce(0) { sum, group in
                let inside = domain.restrictions.allSatisfy { variable, codes in group.context[variable].map(codes.contains) ?? false }
                return inside ? sum + group.count : sum
            }
        }
    }
}
