/// Everything that can go wrong in disclosure control, each case with a message a person can act on.
public enum DisclosureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The policy makes no sense (for example `minCell` below 1).
    case invalidPolicy(String)
    /// The count table is malformed (unknown code, negative count, duplicate dimension, …).
    case invalidTable(String)
    /// A perturbation table failed to parse or to validate; `line` is 1-based when known.
    case invalidPerturbationTable(line: Int?, String)
    /// The new release cannot be protected: with earlier releases a reader could narrow `cell` (an
    /// earlier suppressed cell, or a small piece of the population that only differencing reveals) to
    /// `interval`, and no further suppression in the new table helps. The release must be refused.
    case differencingRisk(cell: String, interval: FeasibleInterval, protectionLevel: Int)
    /// Published figures contradict each other: the releases are not over the same microdata.
    case inconsistentReleases(String)

    public var description: String {
        switch self {
        case .invalidPolicy(let message): return "invalid disclosure policy: \(message)"
        case .invalidTable(let message): return "invalid count table: \(message)"
        case .invalidPerturbationTable(let line, let message):
            return "invalid perturbation table" + (line.map { " (line \($0))" } ?? "") + ": \(message)"
        case .differencingRisk(let cell, let interval, let level):
            return "release refused: with earlier releases a reader could narrow "
                + "\(cell) to \(interval), narrower than the protection level \(level)"
        case .inconsistentReleases(let message): return "inconsistent releases: \(message)"
        }
    }

    /// The reason for a refused release in words that may reach anyone who sees the refusal (the
    /// integration office included): it names the population concerned but no count and no feasible
    /// interval, since those would tell what the withheld cell holds.
    public var reasonWithoutFigures: String {
        switch self {
        case .differencingRisk(let cell, _, let level):
            return "together with earlier releases, this table would let a reader narrow a withheld cell (\(cell)) "
                + "to a range narrower than \(level); ask for another grouping or other years"
        case .inconsistentReleases:
            return "earlier releases do not fit today's data; the statistics unit must check the release ledger"
        case .invalidPolicy, .invalidTable, .invalidPerturbationTable:
            return description
        }
    }
}
