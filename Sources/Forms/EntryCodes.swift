/// A validated entry reduced to code numbers: 36 bytes, no heap, cheap to keep by the million.
///
/// An import validates the whole file first and keeps every entry in this form until it seals them,
/// so the file is parsed once and memory stays small (1,000,000 entries take 36 MB).
public struct CodedEntry: Sendable {
    /// Index of the form in ``EntryCodes/forms``.
    public let form: UInt8
    public let period: UInt16
    /// One code number per sealed field, in ``FormDefinition/sealedFieldNames`` order.
    public let codes: SIMD32<UInt8>
}

/// Translates between entries and code numbers for a set of forms and org units.
public struct EntryCodes: Sendable {
    public let forms: [FormDefinition]
    /// form → sealed field → code number → value.
    private let values: [[[String]]]
    private let numbers: [[[String: UInt8]]]
    /// The most sealed fields a form may have (data minimisation keeps questionnaires far below it).
    public static let maxFields = 32

    public init(forms: [FormDefinition], units: OrgUnits) {
        self.forms = forms
        values = forms.map { form in
            form.context.map { field -> [String] in
                switch field.kind {
                case .unit: units.codes
                case .month: ["Q1", "Q2", "Q3", "Q4"]
                case .choice(let answers): answers.map(\.code)
                }
            } + form.items.map(\.codes)
        }
        numbers = values.map { $0.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1, UInt8($0)) }) } }
    }

    /// The code numbers of a validated entry. Validation guarantees every value has a number.
    public func encode(_ entry: Entry) -> CodedEntry {
        let form = forms.firstIndex { $0.id == entry.formID && $0.version == entry.formVersion }!
        var codes = SIMD32<UInt8>()
        for (i, value) in entry.sealedValues.enumerated() { codes[i] = numbers[form][i][value]! }
        return CodedEntry(form: UInt8(form), period: UInt16(entry.period), codes: codes)
    }

    /// The entry's values to seal, in the form's sealed field order.
    public func sealedValues(_ entry: CodedEntry) -> [String] {
        let table = values[Int(entry.form)]
        return table.indices.map { table[$0][Int(entry.codes[$0])] }
    }
}
