/// The evolving suppression decision for one table while disclosure control runs.
struct SuppressionPlan {
    let table: CountTable
    /// The reason of each suppressed cell; `nil` for a cell that will be published.
    var reasons: [SuppressionReason?]
    /// Cells whose value a reader already knows (an earlier release published the same population):
    /// suppressing them would protect nothing, so they are never chosen for secondary suppression.
    var known: Set<Int> = []
    /// Cells of this table, and indices of earlier suppressed cells, that earlier releases alone
    /// already show to be empty. Only these may be pinned at zero by this release (see ``fails(_:_:minCell:protectionLevel:)``).
    var knownZero: Set<Int> = []
    var earlierKnownZero: Set<Int> = []

    init(table: CountTable) {
        self.table = table
        reasons = Array(repeating: nil, count: table.cellCount)
    }

    func isSuppressed(_ cell: Int) -> Bool { reasons[cell] != nil }

    var suppressed: [Int] { reasons.indices.filter { reasons[$0] != nil } }

    mutating func suppress(_ cell: Int, _ reason: SuppressionReason) {
        if reasons[cell] == nil { reasons[cell] = reason }
    }

    /// Whether `cell` may be chosen for secondary suppression (published, value not already known).
    func isCandidate(_ cell: Int) -> Bool { reasons[cell] == nil && !known.contains(cell) }

    /// The cheapest candidate among `cells`: a non-zero one if any, else a zero one. Order: the grand
    /// total last, leaves before margins, then `preferring` (smaller first), then small counts.
    func cheapest(among cells: [Int], preferring: (Int) -> Int = { _ in 0 }) -> Int? {
        let candidates = cells.filter(isCandidate)
        let nonZero = candidates.filter { table.counts[$0] > 0 }
        func cost(_ cell: Int) -> (Int, Int, Int, Int, Int) {
            (cell == 0 ? 1 : 0, table.isLeafCell(cell) ? 0 : 1, preferring(cell), table.counts[cell], cell)
        }
        return (nonZero.isEmpty ? candidates : nonZero).min { cost($0) < cost($1) }
    }
}
