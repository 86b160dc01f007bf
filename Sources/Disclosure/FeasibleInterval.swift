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

    /// Whether a reader learns too much about a group no release shows: the interval is narrower
    /// than `protectionLevel` and reaches into `1..<minCell`. Knowing that a group is empty, or that
    /// it holds at least `minCell` people, tells no more than a published count would.
    public func exposesSmallCount(minCell: Int, protectionLevel: Int) -> Bool {
        !protects(protectionLevel) && upper > 1e-6 && lower < Double(minCell) - 1e-6
    }

    public var description: String {
        func format(_ value: Double) -> String {
            value.isInfinite ? "∞" : String(Int((value).rounded()))
        }
        return "[\(format(lower)), \(format(upper))]"
    }
}
