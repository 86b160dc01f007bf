/// A cell's key in the Cell Key Method: the fractional part of the sum of its records' keys.
///
/// Every record carries a random 32-bit record key, drawn once and kept. A cell's key is
/// `(Σ record keys mod 2^32) / 2^32 ∈ [0, 1)`, so the same set of records — the same cell, in any
/// table — always has the same key and draws the same noise from the ``PerturbationTable``.
/// ``CountTable`` carries the key sums (`cellKeySums`) and adds them up the margins with wrapping
/// arithmetic.
public struct CellKey: Sendable, Hashable {
    /// The key in `[0, 1)`.
    public let value: Double

    public init(recordKeySum: UInt32) {
        value = Double(recordKeySum) / 4_294_967_296
    }
}

extension PerturbationTable {
    /// The published value of a cell: `count + noise`, never below zero; zeros stay zero.
    public func perturb(_ count: Int, key: CellKey) -> Int {
        max(0, count + noise(forCount: count, key: key))
    }

    /// The true counts a reader can infer from a perturbed value `published` (for the release ledger).
    func knownRange(ofPublished published: Int) -> ClosedRange<Int> {
        max(0, published - noiseRange.upperBound)...max(0, published - noiseRange.lowerBound)
    }
}
