/// A derived indicator such as `migration_background`, computed in memory from a response's items.
///
/// Rules are tried in order; the first whose condition holds gives the category, else ``otherwise``
/// (`not_determinable`): a missing answer never becomes a guess. Indicators are never stored.
public struct Indicator: Sendable {
    public let key: String
    public let label: LocalizedText
    public let categories: [AnswerCode]
    public let rules: [IndicatorRule]
    public let otherwise: String

    /// The category for a response whose items are given as `[item key: answer code]`.
    /// Items missing from the dictionary count as `no_answer`.
    public func derive(_ answers: [String: String]) -> String {
        for rule in rules where rule.condition.holds(answers) { return rule.result }
        return otherwise
    }

    public var categoryCodes: [String] { categories.map(\.code) }
}

/// One derivation rule: a result and the condition under which it applies.
public struct IndicatorRule: Sendable {
    public let result: String
    public let condition: Condition

    /// A condition on item answers.
    public enum Condition: Sendable {
        /// Every listed item has one of its listed codes.
        case all([String: Set<String>])
        /// At least one of the clauses holds; each clause is an `all`.
        case any([[String: Set<String>]])

        func holds(_ answers: [String: String]) -> Bool {
            switch self {
            case .all(let clause): Self.matches(clause, answers)
            case .any(let clauses): clauses.contains { Self.matches($0, answers) }
            }
        }

        private static func matches(_ clause: [String: Set<String>], _ answers: [String: String]) -> Bool {
            clause.allSatisfy { item, codes in codes.contains(answers[item] ?? FormDefinition.noAnswer) }
        }

        /// Every (item, code) the condition mentions, for validation against the form.
        var mentions: [(String, String)] {
            let clauses: [[String: Set<String>]] = switch self {
            case .all(let c): [c]
            case .any(let cs): cs
            }
            return clauses.flatMap { $0.flatMap { item, codes in codes.map { (item, $0) } } }
        }
    }
}
