/// A validated entry reduced to code numbers: 36 bytes, no heap, cheap to keep by the million.
///
/// An import validates the whole file first and keeps every entry in this form until it seals them,
/// so the file is parsed once and memory stays small (1,000,000 entries take 36 MB).
public struct CodedEntry: Sendable {
    /// Index of the form version in ``EntryCodes/codebooks``.
    public let form: UInt8
    public let period: UInt16
    /// One code number per sealed field, in ``FormDefinition/sealedFieldNames`` order.
    public let codes: SIMD32<UInt8>
}

/// Every form version's ``Codebook``, found by id and version: what turns entries into code numbers
/// and back.
public struct EntryCodes: Sendable {
    /// In ``CodedEntry/form`` order: the order of the forms given.
    public let codebooks: [Codebook]
    private let indices: [FormVersion: Int]
    /// The most sealed fields a form may have (data minimisation keeps questionnaires far below it).
    public static let maxFields = 32

    private struct FormVersion: Hashable {
        let id: String
        let version: Int
    }

    public init(forms: [FormDefinition], units: OrgUnits) {
        codebooks = forms.map { Codebook(form: $0, units: units) }
        indices = Dictionary(forms.enumerated().map { (FormVersion(id: $1.id, version: $1.version), $0) }) { first, _ in first }
    }

    /// The index of a form version in ``codebooks``.
    public func index(id: String, version: Int) -> Int? { indices[FormVersion(id: id, version: version)] }

    public func codebook(id: String, version: Int) -> Codebook? { index(id: id, version: version).map { codebooks[$0] } }

    /// The code numbers of a validated entry. Validation guarantees every value has a number.
    public func encode(_ entry: Entry) -> CodedEntry {
        let form = index(id: entry.formID, version: entry.formVersion)!
        let fields = codebooks[form].fields
        var codes = SIMD32<UInt8>()
        for (i, value) in entry.sealedValues.enumerated() { codes[i] = UInt8(fields[i].number(value)!) }
        return CodedEntry(form: UInt8(form), period: UInt16(entry.period), codes: codes)
    }

    /// The entry's values to seal, in the form's sealed field order.
    public func sealedValues(_ entry: CodedEntry) -> [String] {
        codebooks[Int(entry.form)].fields.enumerated().map { $1.codes[Int(entry.codes[$0])] }
    }
}
