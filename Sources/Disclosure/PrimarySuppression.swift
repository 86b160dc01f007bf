extension SuppressionPlan {
    /// Primary suppression: every cell with `0 < count < minCell` is suppressed (reason `primary`).
    ///
    /// True zeros are not suppressed: they are published as 0 with status `zero`.
    /// `counts` replaces the table's own, for the part of each cell that answered alone (``KnownAnswers``).
    mutating func primarySuppression(minCell: Int, counts: [Int]? = nil) {
        let counts = counts ?? table.counts
        for cell in 0..<table.cellCount where counts[cell] > 0 && counts[cell] < minCell {
            suppress(cell, .primary)
        }
    }

    /// Group disclosure: hides the category detail of groups that all answered alike.
    ///
    /// A *group* is a combination of nodes of the non-category dimensions, i.e. a cell whose category
    /// coordinate is the category root. The rule: when exactly one *informative* category (a leaf
    /// category not listed as non-informative) holds respondents of the group — so that every
    /// respondent whose answer is determinable gave that answer, and there is at least one — every
    /// category cell of the group (leaves and subtotals, zeros included) is suppressed with reason
    /// `group_disclosure`. The group total itself stays as it is.
    ///
    /// The rule is applied to every non-empty group, not only to published ones: a small group's
    /// total is suppressed, but zeros printed as "–" in all other categories would still tell a
    /// reader that everybody in it gave the one answer.
    ///
    /// For the parts that answered alone (`counts`, ``KnownAnswers``) every category is informative:
    /// HR must not learn that an invitee declined or could not be classified either, which its own
    /// counts of answered invitations do not tell.
    mutating func groupDisclosure(counts: [Int]? = nil) {
        let aloneParts = counts != nil
        let counts = counts ?? table.counts
        guard let categoryIndex = table.categoryDimension else { return }
        let category = table.dimensions[categoryIndex]
        let hierarchy = category.hierarchy
        let stride = table.strides[categoryIndex]
        let informativeLeaves = hierarchy.leafNodes.filter {
            aloneParts || !category.nonInformativeCodes.contains(hierarchy.codes[$0])
        }
        for group in 0..<table.cellCount where table.nodes(of: group)[categoryIndex] == 0 {
            guard counts[group] > 0 else { continue }
            let holders = informativeLeaves.filter { counts[group + $0 * stride] > 0 }
            guard holders.count == 1 else { continue }
            for node in 1..<hierarchy.codes.count {
                suppress(group + node * stride, .groupDisclosure)
            }
        }
    }

    /// Withholds every cell that splits by answer within `unmodelled` (``PopulationChanges/unmodelled``),
    /// with reason `ledger`: there the audit cannot model what a reader knows about who changed.
    mutating func withholdAnswers(in unmodelled: [String: Set<String>]) {
        guard !unmodelled.isEmpty, let categoryIndex = table.categoryDimension else { return }
        for cell in 0..<table.cellCount where table.nodes(of: cell)[categoryIndex] != 0 {
            let domain = table.domain(of: cell)
            let touches = unmodelled.allSatisfy { variable, codes in domain.restrictions[variable].map { !$0.isDisjoint(with: codes) } ?? true }
            if touches { suppress(cell, .ledger) }
        }
    }
}
