import Bilingual

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

    /// The kind of error as the release ledger records a refusal: a word, never a figure or a cell.
    public var cause: String {
        switch self {
        case .invalidPolicy: "invalid_policy"
        case .invalidTable: "invalid_table"
        case .invalidPerturbationTable: "invalid_perturbation_table"
        case .differencingRisk: "solver"
        case .inconsistentReleases: "inconsistent_ledger"
        }
    }
}

extension DisclosureError: BilingualError {
    /// Only the statistics unit's own run sees these: a release turns them into a refusal that
    /// names nothing (``cause``).
    public var explanation: (english: String, german: String) {
        let german = switch self {
        case .invalidPolicy: "Ungültige Geheimhaltungsregel."
        case .invalidTable: "Ungültige Zähltabelle."
        case .invalidPerturbationTable: "Ungültige Überlagerungstabelle."
        case .differencingRisk: "Veröffentlichung abgelehnt: Sie ließe sich mit früheren Veröffentlichungen zu eng eingrenzen."
        case .inconsistentReleases: "Frühere Veröffentlichungen widersprechen einander."
        }
        return (description, german)
    }
    public var exitCode: CommandExitCode { .badInput }
    public var httpStatus: Int { 500 }
}
