extension FormDefinition {
    /// Calls `body` with every combination of item answers, as `[item key: code]`, the last item's
    /// code changing fastest: the order of a mixed-radix number whose digits are the items' code
    /// numbers. Indicators are derived from these few combinations once, not once per response.
    public func forEachAnswerCombination(_ body: ([String: String]) throws -> Void) rethrows {
        let radix = items.map(\.codes.count)
        var combination = Array(repeating: 0, count: items.count)
        for _ in 0..<radix.reduce(1, *) {
            var answers: [String: String] = [:]
            for (index, item) in items.enumerated() { answers[item.key] = item.codes[combination[index]] }
            try body(answers)
            for index in combination.indices.reversed() {
                combination[index] += 1
                if combination[index] < radix[index] { break }
                combination[index] = 0
            }
        }
    }
}
