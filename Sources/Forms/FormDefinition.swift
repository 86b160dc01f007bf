/// A questionnaire: what HR enters, what the respondent answers, and what is derived from it.
///
/// Read from `forms/<id>.yaml` with ``load(contentsOf:)``. A form is identified by id and version;
/// responses are sealed with both, so a later version never misreads an earlier response.
public struct FormDefinition: Sendable {
    public let id: String
    public let version: Int
    public let title: LocalizedText
    /// Shown to the respondent, who must confirm it before the answers are entered.
    public let consent: LocalizedText
    public let context: [ContextField]
    public let items: [Item]
    public let indicators: [Indicator]

    /// The code every item offers for "keine Angabe / prefer not to say"; omitted items get it.
    public static let noAnswer = "no_answer"

    /// The fields sealed for a response, in storage order: the context as stored, then the items.
    ///
    /// `hired` is stored as its quarter (`hired_quarter`, encrypted); its year is the period in the
    /// clear, and the month is not kept at all.
    public let sealedFieldNames: [String]

    /// The sealed context fields of a response or a decline.
    public var contextFieldNames: [String] {
        context.map(\.sealedName)
    }

    public func item(_ key: String) -> Item? { items.first { $0.key == key } }
    public func indicator(_ key: String) -> Indicator? { indicators.first { $0.key == key } }
    public func contextField(_ key: String) -> ContextField? { context.first { $0.key == key } }
}

/// An answer option: its stored code and its label in both languages.
public struct AnswerCode: Sendable, Hashable {
    public let code: String
    public let label: LocalizedText

    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}

/// A context field entered by HR: required, never the respondent's own answer.
public struct ContextField: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A code from `forms/units.yaml`.
        case unit
        /// A hiring month `YYYY-MM`: its year becomes the period, its quarter is sealed.
        case month
        /// One of the listed codes.
        case choice([AnswerCode])
    }

    public let key: String
    public let label: LocalizedText
    public let kind: Kind

    /// The name the field is sealed under: the month is stored as its quarter, and says so.
    public var sealedName: String { kind == .month ? key + "_quarter" : key }
}

/// A respondent's item. Always optional; it always offers ``FormDefinition/noAnswer``.
public struct Item: Sendable {
    public let key: String
    public let question: LocalizedText
    public let answers: [AnswerCode]

    public var codes: [String] { answers.map(\.code) }
}
