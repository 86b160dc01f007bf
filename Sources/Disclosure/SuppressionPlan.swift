/// The evolving suppression decision for one table while disclosure control runs.
struct SuppressionPlan {
    let table: CountTable
    /// The reason of each suppressed cell; `nil` for a cell that will be published.
    var reasons: [SuppressionReason?]
    /// Cells whose value earlier releases already pin narrower than the protection level: suppressing
    /// them protects little, so secondary suppression picks them only as a last resort.
    var known: Set<Int> = []
    /// Targets' feasible intervals from earlier releases and the reader's knowledge alone, computed
    /// when first needed (see ``fails(_:_:minCell:protectionLevel:)``).
    var earlierOnly: [AuditTarget: FeasibleInterval] = [:]

    init(table: CountTable) {
        self.table = table
        reasons = Array(repeating: nil, count: table.cellCount)
    }

    /// Whether `cell` goes out without its figure: withheld, or omitted from the table
    /// (``CountTable/isOmitted(_:)``), which gives a reader no figure either.
    func isSuppressed(_ cell: Int) -> Bool { reasons[cell] != nil || table.isOmitted(cell) }

    /// The withheld cells: the table's audit targets (omitted cells are none: nothing about them
    /// is released, so there is nothing to protect).
    var suppressed: [Int] { reasons.indices.filter { reasons[$0] != nil } }

    mutating func suppress(_ cell: Int, _ reason: SuppressionReason) {
        if reasons[cell] == nil && !table.isOmitted(cell) { reasons[cell] = reason }
    }

    /// Whether `cell` may be chosen for secondary suppression (published, value not already known).
    func isCandidate(_ cell: Int) -> Bool { !isSuppressed(cell) && !known.contains(cell) }

    /// The cheapest published cell of the whole table, known ones included: the last resort, which
    /// makes secondary suppression always end (with every cell withheld, a release adds nothing to
    /// what earlier releases told).
    func cheapestPublished() -> Int? {
        func cost(_ cell: Int) -> (Int, Int, Int, Int, Int, Int) {
            (known.contains(cell) ? 1 : 0, table.counts[cell] == 0 ? 1 : 0, cell == 0 ? 1 : 0,
             table.isLeafCell(cell) ? 0 : 1, table.counts[cell], cell)
        }
        return (0..<table.cellCount).filter { !isSuppressed($0) }.min { cost($0) < cost($1) }
    }

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
