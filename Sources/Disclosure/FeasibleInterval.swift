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

    /// The whole counts the interval allows, as a reader sees them: counts are whole numbers, so a
    /// bound of 4.5 from the linear program tells them 5. (Tables of three or more dimensions and
    /// linked releases have fractional bounds; a red-team reader found withheld cells of [4.5, 9.5]
    /// that the audit had passed as 5 wide and that hold only 5…9.) With a tolerance for
    /// floating-point round-off; `.infinity` stays.
    public var wholeLower: Double { (lower - 1e-6).rounded(.up) }
    public var wholeUpper: Double { upper == .infinity ? .infinity : (upper + 1e-6).rounded(.down) }

    /// Whether the whole counts allowed span at least `protectionLevel`.
    public func protects(_ protectionLevel: Int) -> Bool {
        wholeUpper - wholeLower >= Double(protectionLevel)
    }

    /// Whether a withheld cell is safe: its interval is at least `protectionLevel` wide, or every
    /// reader can already tell it is empty (upper bound 0). A known zero reveals no one; it arises
    /// when an earlier release published a zero that covers the cell, and insisting on width there
    /// would refuse almost every second release. A cell that may hold people must stay wide.
    public func protectsWithheld(_ protectionLevel: Int) -> Bool {
        protects(protectionLevel) || wholeUpper <= 0
    }

    /// Whether a reader learns too much about a group no release shows: the interval is narrower
    /// than `protectionLevel` and reaches into `1..<minCell`. Knowing that a group is empty, or that
    /// it holds at least `minCell` people, tells no more than a published count would.
    public func exposesSmallCount(minCell: Int, protectionLevel: Int) -> Bool {
        !protects(protectionLevel) && wholeUpper > 0 && wholeLower < Double(minCell)
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
