/// Every version of the one form that defines an indicator: what a report of that indicator counts.
///
/// A report is asked for by indicator, so the form is found by the indicator, never by a form id
/// written into the code. Responses stay under the version they were given in, so a report reads
/// all versions; code lists are merged by code name, newest version first, so that a later version
/// may reorder, add or drop codes without a response being counted under another code.
public struct ReportForm: Sendable {
    /// Newest first.
    public let versions: [FormDefinition]
    /// The indicator of the newest version that defines it, its categories followed by those only
    /// older versions have: every response has a category to be counted in.
    public let indicator: Indicator

    public var id: String { newest.id }
    /// The version whose labels a report shows.
    public var newest: FormDefinition { versions[0] }

    /// The versions of the one form id that defines `key`; an indicator no form or several form ids
    /// define is an error naming it, since a report must count exactly one questionnaire.
    public init(indicator key: String, in forms: [FormDefinition]) throws {
        let ids = Self.unique(forms.filter { $0.indicator(key) != nil }.map(\.id))
        guard ids.count == 1 else {
            if ids.isEmpty {
                let known = Self.unique(forms.flatMap { $0.indicators.map(\.key) }).joined(separator: ", ")
                throw InputError(field: "indicator", english: "unknown indicator '\(key)' (known: \(known))",
                                 german: "Unbekanntes Merkmal „\(key)“ (bekannt: \(known)).")
            }
            let names = ids.joined(separator: ", ")
            throw InputError(field: "indicator",
                             english: "indicator '\(key)' is defined by several forms (\(names)): a report counts one form only",
                             german: "Das Merkmal „\(key)“ ist in mehreren Formularen definiert (\(names)); ein Bericht zählt nur ein Formular.")
        }
        versions = forms.filter { $0.id == ids[0] }.sorted { $0.version > $1.version }
        // A version without the indicator cannot be counted; the report's decoding says so.
        let defined = versions.compactMap { $0.indicator(key) }
        indicator = Indicator(key: key, label: defined[0].label, categories: Self.merged(defined.map(\.categories)),
                              rules: defined[0].rules, otherwise: defined[0].otherwise)
    }

    /// The answers of the context field `key` over all versions, newest order first, each with the
    /// label of the newest version that has it; empty when no version has it as a choice.
    public func choices(_ key: String) -> [AnswerCode] {
        Self.merged(versions.map { form in
            guard case .choice(let answers) = form.contextField(key)?.kind else { return [] }
            return answers
        })
    }

    private static func merged(_ lists: [[AnswerCode]]) -> [AnswerCode] { unique(lists.joined(), by: \.code) }

    private static func unique(_ strings: [String]) -> [String] { unique(strings) { $0 } }

    /// The first element of each key, in order.
    private static func unique<S: Sequence>(_ elements: S, by key: (S.Element) -> String) -> [S.Element] {
        var seen = Set<String>()
        return elements.filter { seen.insert(key($0)).inserted }
    }
}
