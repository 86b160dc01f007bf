extension ProtectedTable {
    /// The share of `category` within a group, from published counts only.
    ///
    /// `group` names the group by its non-category coordinates (dimension name → node code; a missing
    /// dimension means its root). The share is `published(group, category) / published(group, total)`
    /// and is `nil` unless both counts are published (not suppressed) and the denominator is at least
    /// `minCell`. With rounding or perturbation the share uses the published figures.
    ///
    /// ```swift
    /// protected.share(category: "yes", of: ["unit": "10"])   // 0.25, or nil
    /// ```
    public func share(category: String, of group: [String: String]) -> Double? {
        guard let categoryIndex = table.categoryDimension else { return nil }
        let categoryName = table.dimensions[categoryIndex].name
        var numeratorCoordinates = group
        numeratorCoordinates[categoryName] = category
        var denominatorCoordinates = group
        denominatorCoordinates[categoryName] = nil
        guard let numerator = self[named: numeratorCoordinates]?.published,
              let denominator = self[named: denominatorCoordinates]?.published,
              denominator >= policy.minCell else { return nil }
        return Double(numerator) / Double(denominator)
    }
}
