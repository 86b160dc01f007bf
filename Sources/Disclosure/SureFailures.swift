/// Cleanup tries that fail without an audit.
///
/// Publishing a withheld cell again can leave an equation of the table with a single withheld
/// member: subtraction then gives that member's count exactly, so the audit's interval of it is
/// that count alone, and the try fails wherever the rule needs width. The cleanup of the second
/// indicator's baseline by unit meets many such tries (a unit's category beside its one other
/// withheld category); each cost an audit of its own before.
extension SuppressionPlan {
    /// Whether publishing `cells` again fails the audit for certain, as the audit itself would
    /// decide it: some equation keeps one withheld member whose exact count breaks its rule
    /// (``violates(_:_:minCell:protectionLevel:)``; a secondary cell pinned at 0 does not) and
    /// narrows what earlier releases alone allow (``earlierOnly``). A member without that interval
    /// counts only when there are no earlier releases (`linksReleases` false): otherwise this says
    /// no and the audit decides.
    func surelyFails(publishing cells: [Int], minCell: Int, protectionLevel: Int, linksReleases: Bool) -> Bool {
        var trial = self
        for cell in cells { trial.reasons[cell] = nil }
        for cell in cells {
            for equation in table.equations(of: cell) {
                let withheld = equation.members.filter(trial.isSuppressed)
                guard withheld.count == 1, let lone = withheld.first, trial.reasons[lone] != nil else { continue }
                let exact = FeasibleInterval(lower: Double(table.counts[lone]), upper: Double(table.counts[lone]))
                guard trial.violates(.cell(lone), exact, minCell: minCell, protectionLevel: protectionLevel) else { continue }
                if let before = earlierOnly[.cell(lone)] {
                    if !exact.covers(before) { return true }
                } else if !linksReleases {
                    return true
                }
            }
        }
        return false
    }
}
