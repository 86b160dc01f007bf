/// Cleanup tries that fail without an audit.
///
/// Publishing a withheld cell again can leave an equation of the table whose total is published
/// with few people in its withheld parts: the reader subtracts the published parts from the total
/// and learns their sum, so each of them lies between 0 and that sum. Below the protection level
/// no such part can be wide enough, and with one part left subtraction gives its count exactly.
/// The cleanup of the second indicator's baseline by unit meets many such tries (a unit's category
/// beside its one other withheld category); each cost an audit of its own before.
extension SuppressionPlan {
    /// Whether publishing `cells` again fails the audit for certain, as the audit itself would
    /// decide it: some equation with a published total keeps withheld parts that hold fewer people
    /// than the protection level, one of which breaks its rule within that sum (a part that may
    /// be pinned at 0 is left to the audit, and a lone part's exact count is judged by its rule,
    /// ``violates(_:_:minCell:protectionLevel:)``) and can no longer span what earlier releases
    /// alone allow it (``earlierOnly``). A part without that interval counts only when there are
    /// no earlier releases (`linksReleases` false): otherwise this says no and the audit decides.
    func surelyFails(publishing cells: [Int], minCell: Int, protectionLevel: Int, linksReleases: Bool) -> Bool {
        var trial = self
        for cell in cells { trial.reasons[cell] = nil }
        for cell in cells {
            for equation in table.equations(of: cell) {
                if trial.isSuppressed(equation.total) {
                    // A withheld total with every part published is their sum.
                    if trial.reasons[equation.total] != nil && !equation.parts.contains(where: trial.isSuppressed)
                        && trial.failsWithin(equation.total, sum: table.counts[equation.total], alone: true, minCell: minCell,
                                             protectionLevel: protectionLevel, linksReleases: linksReleases) {
                        return true
                    }
                    continue
                }
                let withheld = equation.parts.filter(trial.isSuppressed)
                let sum = withheld.reduce(0) { $0 + table.counts[$1] }
                guard !withheld.isEmpty, sum < protectionLevel || withheld.count == 1 else { continue }
                for part in withheld where trial.reasons[part] != nil && trial.failsWithin(part, sum: sum, alone: withheld.count == 1,
                                                                                             minCell: minCell, protectionLevel: protectionLevel,
                                                                                             linksReleases: linksReleases) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether withheld `part`, known to lie in `0...sum` (exactly its count when `alone`), fails.
    private func failsWithin(_ part: Int, sum: Int, alone: Bool, minCell: Int, protectionLevel: Int, linksReleases: Bool) -> Bool {
        let count = Double(table.counts[part])
        if alone {
            // Its interval is its count: the audit's own rule decides (``fails(_:_:minCell:protectionLevel:)``).
            guard earlierOnly[.cell(part)] != nil || !linksReleases else { return false }
            return fails(.cell(part), FeasibleInterval(lower: count, upper: count), minCell: minCell, protectionLevel: protectionLevel)
        }
        // Narrower than the protection level; a secondary part holding someone cannot be pinned at
        // 0, so every rule for a withheld cell is broken.
        guard count > 0 || reasons[part] != .secondary else { return false }
        guard let before = earlierOnly[.cell(part)] else { return !linksReleases }
        return before.upper > Double(sum) + 1e-6
    }
}
