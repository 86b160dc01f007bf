/// The feasible range of a suppressed cell's true count, as an attacker computes it.
///
/// `lower` and `upper` are the optimal values of "minimise / maximise this cell subject to every
/// published figure and non-negative counts". `upper` is `.infinity` when nothing bounds the cell.
public struct FeasibleInterval: Sendable, Hashable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// `upper − lower`; `.infinity` for an unbounded cell.
    public var width: Double { upper - lower }

    /// Whether the width reaches `protectionLevel` (with a tolerance for floating-point round-off).
    public func protects(_ protectionLevel: Int) -> Bool {
        width >= Double(protectionLevel) - 1e-6
    }

    /// Whether a withheld cell is safe: its interval is at least `protectionLevel` wide, or every
    /// reader can already tell it is empty (upper bound 0). A known zero reveals no one; it arises
    /// when an earlier release published a zero that covers the cell, and insisting on width there
    /// would refuse almost every second release. A cell that may hold people must stay wide.
    public func protectsWithheld(_ protectionLevel: Int) -> Bool {
        protects(protectionLevel) || upper <= 1e-6
    }

    /// Whether a reader learns too much about a group no release shows: the interval is narrower
    /// than `protectionLevel` and reaches into `1..<minCell`. Knowing that a group is empty, or that
    /// it holds at least `minCell` people, tells no more than a published count would.
    public func exposesSmallCount(minCell: Int, protectionLevel: Int) -> Bool {
        !protects(protectionLevel) && upper > 1e-6 && lower < Double(minCell) - 1e-6
    }

    /// Whether this interval holds all of `other` (with the round-off tolerance): a reader who knew
    /// `other` before learns nothing new from this one.
    public func covers(_ other: FeasibleInterval) -> Bool {
        lower <= other.lower + 1e-6 && (upper == .infinity || upper >= other.upper - 1e-6)
    }

    public var description: String {
        func format(_ value: Double) -> String {
            value.isInfinite ? "∞" : String(Int((value).rounded()))
        }
        return "[\(format(lower)), \(format(upper))]"
    }
}
