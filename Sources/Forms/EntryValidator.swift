/// Checks a submitted entry against its form and the org units, and reduces it to what is stored.
///
/// Errors name the field, never the submitted value: a mistyped value may itself be sensitive.
public struct EntryValidator: Sendable {
    public let forms: [FormDefinition]
    public let units: OrgUnits
    /// The latest hiring year accepted (the current year plus one, for contracts signed early).
    public let latestYear: Int
    public static let earliestYear = 2000

    // Lookups built once: an import validates a million entries with them.
    private let formsByKey: [String: [Int: FormDefinition]]
    private let itemCodes: [String: [String: Set<String>]]
    private let unitCodes: Set<String>

    public init(forms: [FormDefinition], units: OrgUnits, latestYear: Int) {
        self.forms = forms
        self.units = units
        self.latestYear = latestYear
        var byKey: [String: [Int: FormDefinition]] = [:]
        var codes: [String: [String: Set<String>]] = [:]
        for form in forms {
            byKey[form.id, default: [:]][form.version] = form
            codes["\(form.id)#\(form.version)"] = Dictionary(uniqueKeysWithValues: form.items.map { ($0.key, Set($0.codes)) })
        }
        formsByKey = byKey
        itemCodes = codes
        unitCodes = Set(units.codes)
    }

    public func form(id: String, version: Int) throws -> FormDefinition {
        guard let versions = formsByKey[id] else {
            throw InputError(field: "form", english: "unknown form", german: "Unbekanntes Formular.")
        }
        guard let form = versions[version] else {
            throw InputError(field: "version", english: "unknown version of form '\(id)'",
                             german: "Unbekannte Version des Formulars „\(id)“.")
        }
        return form
    }

    public func validate(_ raw: RawEntry) throws -> Entry {
        let form = try form(id: raw.form, version: raw.version)
        let (period, context) = try validateContext(raw.context, form: form)
        var answers: [String] = []
        answers.reserveCapacity(form.items.count)
        let codes = itemCodes["\(form.id)#\(form.version)"]!
        for key in raw.answers.keys where codes[key] == nil {
            throw InputError(field: key, english: "unknown item", german: "Unbekannte Frage.")
        }
        for item in form.items {
            let code = raw.answers[item.key] ?? FormDefinition.noAnswer
            guard codes[item.key]!.contains(code) else {
                throw InputError(field: item.key, english: "unknown answer code (allowed: \(item.codes.joined(separator: ", ")))",
                                 german: "Unbekannter Antwortcode (erlaubt: \(item.codes.joined(separator: ", "))).")
            }
            answers.append(code)
        }
        return Entry(formID: form.id, formVersion: form.version, period: period, contextValues: context, answers: answers)
    }

    public func validateDecline(form id: String, version: Int, context: [String: String]) throws -> Decline {
        let form = try form(id: id, version: version)
        let (period, values) = try validateContext(context, form: form)
        return Decline(formID: form.id, formVersion: form.version, period: period, contextValues: values)
    }

    private func validateContext(_ context: [String: String], form: FormDefinition) throws -> (Int, [String]) {
        for key in context.keys where form.contextField(key) == nil {
            throw InputError(field: key, english: "unknown context field", german: "Unbekanntes Kontextfeld.")
        }
        var period: Int?
        var values: [String] = []
        for field in form.context {
            guard let value = context[field.key], !value.isEmpty else {
                throw InputError(field: field.key, english: "required context field is missing",
                                 german: "Pflichtfeld fehlt.")
            }
            switch field.kind {
            case .unit:
                guard unitCodes.contains(value) else {
                    throw InputError(field: field.key, english: "unknown org unit (see forms/units.yaml)",
                                     german: "Unbekannte Organisationseinheit (siehe forms/units.yaml).")
                }
                values.append(value)
            case .month:
                let (year, quarter) = try parseMonth(value, field: field.key)
                period = year
                values.append("Q\(quarter)")
            case .choice(let answers):
                guard answers.contains(where: { $0.code == value }) else {
                    let codes = answers.map(\.code).joined(separator: ", ")
                    throw InputError(field: field.key, english: "unknown code (allowed: \(codes))",
                                     german: "Unbekannter Code (erlaubt: \(codes)).")
                }
                values.append(value)
            }
        }
        return (period!, values)
    }

    private func parseMonth(_ text: String, field: String) throws -> (Int, Int) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw InputError(field: field, english: "expected a month as YYYY-MM", german: "Erwartet wird ein Monat als JJJJ-MM.")
        }
        guard (Self.earliestYear...latestYear).contains(year) else {
            throw InputError(field: field, english: "hiring year must lie between \(Self.earliestYear) and \(latestYear)",
                             german: "Das Einstellungsjahr muss zwischen \(Self.earliestYear) und \(latestYear) liegen.")
        }
        return (year, (month - 1) / 3 + 1)
    }
}
