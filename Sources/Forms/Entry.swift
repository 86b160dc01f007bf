/// A validated response, ready to be sealed: every value a known code, every omitted item `no_answer`.
///
/// It holds no identity and no exact date: the hiring month is reduced to its year (``period``) and
/// quarter on validation. An `Entry` lives only between validation and sealing.
public struct Entry: Sendable, Equatable {
    public let formID: String
    public let formVersion: Int
    /// The hiring year: the retention period, the only value stored in the clear.
    public let period: Int
    /// In ``FormDefinition/contextFieldNames`` order.
    public let contextValues: [String]
    /// In the form's item order.
    public let answers: [String]

    /// The values to seal, in ``FormDefinition/sealedFieldNames`` order.
    public var sealedValues: [String] { contextValues + answers }
}

/// "Asked, declined": only the context, so that response rates can be reported.
public struct Decline: Sendable, Equatable {
    public let formID: String
    public let formVersion: Int
    public let period: Int
    public let contextValues: [String]

    /// A context as stored sealed (an invitation's), read back for its answers to be validated.
    public init(formID: String, formVersion: Int, period: Int, contextValues: [String]) {
        self.formID = formID
        self.formVersion = formVersion
        self.period = period
        self.contextValues = contextValues
    }
}

/// An entry as submitted, before validation.
public struct RawEntry: Sendable {
    public var form: String
    public var version: Int
    public var context: [String: String]
    public var answers: [String: String]

    public init(form: String, version: Int, context: [String: String], answers: [String: String]) {
        self.form = form
        self.version = version
        self.context = context
        self.answers = answers
    }
}
