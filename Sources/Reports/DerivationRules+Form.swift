import Disclosure
import Forms

extension DerivationRules {
    /// The combinations of the form's indicator categories one respondent can have: every
    /// combination of item answers run through the form's own rules, and `declined` for every
    /// indicator at once (a decline has no answers).
    init(form: FormDefinition) {
        var allowed: Set<[String: String]> = [Dictionary(uniqueKeysWithValues: form.indicators.map { ($0.key, AtomTable.declined) })]
        form.forEachAnswerCombination { answers in
            allowed.insert(Dictionary(uniqueKeysWithValues: form.indicators.map { ($0.key, $0.derive(answers)) }))
        }
        self.init(allowed: allowed)
    }

    /// What a respondent of any version can have: a report counts every version together.
    init(versions: [FormDefinition]) {
        self.init(allowed: versions.reduce(into: []) { $0.formUnion(DerivationRules(form: $1).allowed) })
    }
}
