/// How many people each context holds, which every reader is taken to know.
///
/// A city's new hires are no secret by unit, career group, employment and hiring year: colleagues,
/// the staff council and the organisation chart know them, and where HR enters every new hire's
/// questionnaire (answers or a decline) that is also the number of respondents. A reader with that
/// number and two releases can prove a group's answer that no table shows: unit 10 × career group A
/// holds ten people; a release by unit and one by career group, each mixed, leave no room for any
/// of the ten but "yes" (`DerivedGroupDisclosureTests`). With the sizes passed to
/// ``protect(_:policy:earlier:universe:changes:rules:known:sizes:)`` the linked audit adds them to
/// the reader's knowledge, so every withheld cell, atom and change is audited against a reader who
/// knows them, and it checks group disclosure on every context class the atoms separate: where
/// everybody counted now in a class gave one informative answer, no combination of releases may pin
/// the others there at 0 (``LinkedAuditor/otherAnswers``).
///
/// The groups carry the answers too (the context variables and the table's indicator category):
/// the reader learns only their sums per context; the answers tell the audit which classes truly
/// gave one answer, so that only those become targets (a class with a "no" can never be pinned at
/// no "no").
///
/// ```swift
/// // Unit 10 × A: ten people, all with a migration background, counted by the release now made.
/// let sizes = ContextSizes(groups: [
///     .init(context: ["unit": "10", "career_group": "A", "mh": "yes"], presence: nil, count: 10)],
///     answerVariables: ["mh"])
/// ```
///
/// Name every context variable a release splits by: a variable left out makes the group cover all
/// its codes, and the reader then knows the size only in sum.
public struct ContextSizes: Sendable, Hashable {
    /// People counted by the release being made, per context and answer (`presence` is ignored:
    /// the sizes are those of today; who joined or left before comes from ``PopulationChanges``).
    public var groups: [KnownAnswers.Group]
    /// The variables of `groups` that are answers, not context.
    public var answerVariables: Set<String>

    /// The hiring years the sizes cover (`year` codes): every context of them that no group names
    /// holds nobody.
    public var years: Set<String>

    /// - Parameter years: the years covered; by default those the groups name (a year with nobody
    ///   in it is then not covered).
    public init(groups: [KnownAnswers.Group] = [], answerVariables: Set<String> = [], years: Set<String>? = nil) {
        self.groups = groups.filter { $0.count > 0 }
        self.answerVariables = answerVariables
        self.years = years ?? Set(groups.compactMap { $0.context["year"] })
    }

    /// Sizes unknown to the reader: the audit as before stop 22.
    public static let none = ContextSizes()

    public var isEmpty: Bool { groups.isEmpty }

    /// The groups without their answers, one per context, summed.
    var contexts: [[String: String]: Int] {
        var sizes: [[String: String]: Int] = [:]
        for group in groups {
            sizes[group.context.filter { !answerVariables.contains($0.key) }, default: 0] += group.count
        }
        return sizes
    }
}
