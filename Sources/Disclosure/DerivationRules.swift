/// What a reader knows about how indicators relate: the combinations of categories one person can have.
///
/// Vielfalt derives several indicators (migration background, immigration history, foreign
/// nationality) from the same answers, so releases of different indicators count the same people,
/// and the derivation rules are public: a foreign national always has a migration background, and
/// someone who declined declined for every indicator. With the rules, the audit fixes every atom whose
/// categories no person can combine to zero, as the reader would.
///
/// ```swift
/// let rules = DerivationRules(allowed: [
///     ["mh": "yes", "fn": "yes"], ["mh": "yes", "fn": "no"], ["mh": "no", "fn": "no"],
///     ["mh": "declined", "fn": "declined"]])
/// ```
public struct DerivationRules: Sendable, Hashable {
    /// Every combination of categories one person can have, indicator variable → category code.
    public let allowed: Set<[String: String]>
    /// The indicator variables the rules speak of.
    public let variables: Set<String>

    public init(allowed: Set<[String: String]>) {
        self.allowed = allowed
        variables = Set(allowed.flatMap(\.keys))
    }

    /// No rules: every combination may occur.
    public static let none = DerivationRules(allowed: [])

    /// Whether some person can have one of `codes` for each variable (variables the rules do not
    /// know are free).
    func admits(_ codes: [String: [String]]) -> Bool {
        let known = codes.filter { variables.contains($0.key) }
        guard known.count > 1 else { return true }
        return allowed.contains { combination in known.allSatisfy { variable, codes in codes.contains(combination[variable] ?? "") } }
    }
}
