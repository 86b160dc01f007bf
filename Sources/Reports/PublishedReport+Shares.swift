extension PublishedReport {
    /// A published figure before shares are added: coordinates, category, count (nil when
    /// withheld) and status.
    struct Figure {
        let coordinates: [String: String]
        let category: String
        let count: Int?
        let status: String
    }

    /// The cells with their shares and response rates, from published counts only.
    ///
    /// A group's respondents are the sum of its answer categories (declines are asked but did not
    /// answer); a share is shown only when every answer category of the group is published and the
    /// respondents reach `minCell`, a response rate only when the group's total does too. The one
    /// rule for a release and for a stored report read back, so both show the same figures.
    /// The sum of published parts; nil when any part is withheld (a partial sum would be a bound, not a figure).
    static func sum(_ parts: [Int?]) -> Int? {
        parts.contains { $0 == nil } ? nil : parts.reduce(0) { $0 + $1! }
    }

    static func cells(_ figures: [Figure], answerCategories: [String], minCell: Int) -> [Cell] {
        var byGroup: [[String: String]: [String: Int?]] = [:]
        for figure in figures { byGroup[figure.coordinates, default: [:]][figure.category] = .some(figure.count) }
        return figures.map { figure in
            let group = byGroup[figure.coordinates] ?? [:]
            let respondents = sum(answerCategories.map { group[$0] ?? nil })
            var share: Double?, rate: Double?
            if let respondents, respondents >= minCell, answerCategories.contains(figure.category), let count = figure.count {
                share = Double(count) / Double(respondents)
            }
            if figure.category == "total", let respondents, let total = figure.count, total >= minCell {
                rate = Double(respondents) / Double(total)
            }
            return Cell(coordinates: figure.coordinates, category: figure.category, count: figure.count, status: figure.status,
                        share: share, responseRate: rate)
        }
    }
}
