/// What each sealed field of one form version means: its codes and the number of each code.
///
/// Entry validation, the import's fast path, sealing and the report's decoding all read code numbers
/// from here, so that a number means the same code everywhere. Numbers belong to one form version:
/// a later version may reorder or add codes, so only code names compare across versions.
public struct Codebook: Sendable {
    public let form: FormDefinition
    /// One per sealed field, in ``FormDefinition/sealedFieldNames`` order: the context, then the items.
    public let fields: [Field]

    /// A sealed field and its codes in code-number order.
    public struct Field: Sendable {
        public enum Kind: Sendable, Equatable {
            /// A code from `forms/units.yaml`.
            case orgUnit
            /// The quarter of the hiring month (``HiringQuarter``).
            case hiringQuarter
            /// A context field of kind choice.
            case choice
            case item
        }

        /// The key in the form and in submitted entries (`hired`, not `hired_quarter`).
        public let key: String
        /// The name the value is sealed under.
        public let name: String
        public let kind: Kind
        public let codes: [String]
        /// The codes as UTF-8, for readers that compare bytes without making strings.
        public let utf8Codes: [[UInt8]]
        private let numbers: [String: Int]

        init(key: String, name: String, kind: Kind, codes: [String]) {
            self.key = key
            self.name = name
            self.kind = kind
            self.codes = codes
            utf8Codes = codes.map { Array($0.utf8) }
            numbers = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        }

        /// The code's number, or nil when the field has no such code.
        public func number(_ code: String) -> Int? { numbers[code] }
    }

    public init(form: FormDefinition, units: OrgUnits) {
        self.form = form
        fields = form.context.map { field in
            switch field.kind {
            case .unit: Field(key: field.key, name: field.sealedName, kind: .orgUnit, codes: units.codes)
            case .month: Field(key: field.key, name: field.sealedName, kind: .hiringQuarter, codes: HiringQuarter.codes)
            case .choice(let answers): Field(key: field.key, name: field.sealedName, kind: .choice, codes: answers.map(\.code))
            }
        } + form.items.map { Field(key: $0.key, name: $0.key, kind: .item, codes: $0.codes) }
    }

    /// The context fields: what a decline seals, and what a withdrawal keeps.
    public var contextFields: ArraySlice<Field> { fields[..<form.context.count] }
    public var itemFields: ArraySlice<Field> { fields[form.context.count...] }
    public var fieldNames: [String] { form.sealedFieldNames }
    public var contextFieldNames: [String] { contextFields.map(\.name) }
}
