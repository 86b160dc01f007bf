import Forms
import Vault

/// Turns a sealed record's field bytes into code numbers and the indicator's category, without
/// making strings: a report opens a million records.
struct RecordDecoder: Sendable {
    let fieldNames: [String]
    /// Per sealed field, the UTF-8 bytes of each code, in code-number order.
    let codeBytes: [[[UInt8]]]
    let unitField: Int, careerField: Int, employmentField: Int
    let itemFields: [Int]
    let itemRadix: [Int]
    /// Category number for every combination of item answers (mixed radix over `itemFields`).
    let categoryTable: [UInt8]
    /// Per sealed field: what it is for counting (unit, career group, employment, item n, or unused).
    let roles: [Role]

    enum Role: Sendable, Equatable {
        case unit, career, employment, unused
        case item(Int)
    }

    /// - Parameter categories: the indicator's category codes, in the atom table's order.
    init(form: FormDefinition, units: OrgUnits, indicator: Indicator) {
        let values: [[String]] = form.context.map { field in
            switch field.kind {
            case .unit: units.codes
            case .month: ["Q1", "Q2", "Q3", "Q4"]
            case .choice(let answers): answers.map(\.code)
            }
        } + form.items.map(\.codes)
        fieldNames = form.sealedFieldNames
        codeBytes = values.map { $0.map { Array($0.utf8) } }
        unitField = form.context.firstIndex { $0.kind == .unit }!
        careerField = form.context.firstIndex { $0.key == "career_group" } ?? 0
        employmentField = form.context.firstIndex { $0.key == "employment" } ?? 0
        itemFields = Array(form.context.count..<fieldNames.count)
        itemRadix = form.items.map(\.codes.count)
        let unit = unitField, career = careerField, employment = employmentField, contextCount = form.context.count
        roles = (0..<fieldNames.count).map { field -> Role in
            if field == unit { return .unit }
            if field == career { return .career }
            if field == employment { return .employment }
            return field >= contextCount ? .item(field - contextCount) : .unused
        }
        // Enumerate every answer combination once and ask the form's own rules.
        var table: [UInt8] = []
        let categories = indicator.categoryCodes
        var combination = Array(repeating: 0, count: form.items.count)
        let size = itemRadix.reduce(1, *)
        table.reserveCapacity(size)
        for _ in 0..<size {
            var answers: [String: String] = [:]
            for (i, item) in form.items.enumerated() { answers[item.key] = item.codes[combination[i]] }
            table.append(UInt8(categories.firstIndex(of: indicator.derive(answers))!))
            for i in (0..<combination.count).reversed() {
                combination[i] += 1
                if combination[i] < itemRadix[i] { break }
                combination[i] = 0
            }
        }
        categoryTable = table
    }

    /// Code number of `bytes` in field `field`.
    func code(_ bytes: UnsafeRawBufferPointer, field: Int) throws -> Int {
        for (number, code) in codeBytes[field].enumerated() where code.count == bytes.count && code.elementsEqual(bytes) {
            return number
        }
        throw VaultError.malformed(what: "value of field '\(fieldNames[field])'")
    }
}
