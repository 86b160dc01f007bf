import Disclosure
import Forms

extension DerivationRules {
    /// The combinations of the form's indicator categories one respondent can have: every
    /// combination of item answers run through the form's own rules, and `declined` for every
    /// indicator at once (a decline has no answers).
    init(form: FormDefinition) {
        var allowed: Set<[String: String]> = [Dictionary(uniqueKeysWithValues: form.indicators.map { ($0.key, AtomTable.declined) })]
        var combination = Array(repeating: 0, count: form.items.count)
        let radix = form.items.map(\.codes.count)
        for _ in 0..<radix.reduce(1, *) {
            var answers: [String: String] = [:]
            for (index, item) in form.items.enumerated() { answers[item.key] = item.codes[combination[index]] }
            allowed.insert(Dictionary(uniqueKeysWithValues: form.indicators.map { ($0.key, $0.derive(answers)) }))
            for index in combination.indices.reversed() {
                combination[index] += 1
                if combination[index] < radix[index] { break }
                combination[index] = 0
            }
        }
        self.init(allowed: allowed)
    }
}
