import Forms
import Vault

/// Turns a sealed record's field bytes into atom indices and the indicator's category, without
/// making strings: a report opens a million records.
///
/// One decoder per form version: code numbers belong to the version the record was sealed under,
/// and are translated to the atom table's axes by code name.
struct RecordDecoder: Sendable {
    let fieldNames: [String]
    /// The sealed context: what a decline or a withdrawal holds.
    let contextFieldNames: [String]
    /// Per sealed field, the UTF-8 bytes of each code, in code-number order.
    let codeBytes: [[[UInt8]]]
    /// Per sealed field and code number: the atom index on the field's axis (unit, career group,
    /// employment), or the code number itself for an item.
    let values: [[Int]]
    let itemRadix: [Int]
    /// Category index in ``AtomAxes/categories`` for every combination of item answers, in
    /// ``Forms/FormDefinition/forEachAnswerCombination(_:)`` order (mixed radix over the items).
    let categoryTable: [UInt8]
    /// Per sealed field: what it is for counting (unit, career group, employment, item n, or unused).
    let roles: [Role]

    enum Role: Sendable, Equatable {
        case unit, career, employment, unused
        case item(Int)
    }

    /// A version that lacks the indicator or a context field the report groups by cannot be
    /// counted: that is an error naming form, version and field, raised before anything is opened.
    init(codebook: Codebook, indicatorKey: String, axes: AtomAxes) throws {
        let form = codebook.form
        func lacking(_ field: String, _ english: String, _ german: String) -> InputError {
            InputError(field: field, english: "form '\(form.id)' version \(form.version) \(english)",
                       german: "Formular „\(form.id)“ Version \(form.version): \(german)")
        }
        guard let indicator = form.indicator(indicatorKey) else {
            throw lacking("indicator", "does not define indicator '\(indicatorKey)'", "Merkmal „\(indicatorKey)“ fehlt.")
        }
        var roles = codebook.fields.map { _ in Role.unused }
        var values = codebook.fields.map { field in Array(field.codes.indices) }
        for (role, key, axis) in [(Role.unit, "unit", axes.units), (.career, "career_group", axes.careerGroups),
                                  (.employment, "employment", axes.employments)] {
            guard let field = codebook.contextFields.firstIndex(where: { role == .unit ? $0.kind == .orgUnit : $0.kind == .choice && $0.key == key }) else {
                throw lacking(key, "has no context field '\(key)', which reports count by",
                              "Kontextfeld „\(key)“ fehlt, nach dem Berichte zählen.")
            }
            let indices = codebook.fields[field].codes.compactMap { axis.firstIndex(of: $0) }
            guard indices.count == codebook.fields[field].codes.count else {
                throw VaultError.malformed(what: "a code of field '\(key)' missing from the report")
            }
            roles[field] = role
            values[field] = indices
        }
        for (item, field) in codebook.itemFields.indices.enumerated() { roles[field] = .item(item) }
        fieldNames = codebook.fieldNames
        contextFieldNames = codebook.contextFieldNames
        codeBytes = codebook.fields.map(\.utf8Codes)
        self.values = values
        self.roles = roles
        itemRadix = codebook.itemFields.map(\.codes.count)
        categoryTable = try Self.categories(form: form, indicator: indicator, axes: axes)
    }

    /// Asks the version's own rules once for every answer combination.
    private static func categories(form: FormDefinition, indicator: Indicator, axes: AtomAxes) throws -> [UInt8] {
        var table: [UInt8] = []
        try form.forEachAnswerCombination { answers in
            guard let category = axes.categories.firstIndex(of: indicator.derive(answers)) else {
                throw VaultError.malformed(what: "a category of indicator '\(indicator.key)' missing from the report")
            }
            table.append(UInt8(category))
        }
        return table
    }

    /// The atom index (context) or code number (item) of `bytes` in field `field`.
    func value(_ bytes: UnsafeRawBufferPointer, field: Int) throws -> Int {
        for (number, code) in codeBytes[field].enumerated() where code.count == bytes.count && code.elementsEqual(bytes) {
            return values[field][number]
        }
        throw VaultError.malformed(what: "value of field '\(fieldNames[field])'")
    }
}
