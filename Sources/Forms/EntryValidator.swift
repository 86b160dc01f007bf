/// Checks a submitted entry against its form and the org units, and reduces it to what is stored.
///
/// Errors name the field, never the submitted value: a mistyped value may itself be sensitive.
public struct EntryValidator: Sendable {
    public let forms: [FormDefinition]
    public let units: OrgUnits
    /// The latest hiring year accepted (the current year plus one, for contracts signed early).
    public let latestYear: Int
    public static let earliestYear = 2000

    /// Built once: an import validates a million entries with it.
    private let codes: EntryCodes

    public init(forms: [FormDefinition], units: OrgUnits, latestYear: Int) {
        self.forms = forms
        self.units = units
        self.latestYear = latestYear
        codes = EntryCodes(forms: forms, units: units)
    }

    public func form(id: String, version: Int) throws -> FormDefinition { try codebook(id: id, version: version).form }

    /// The codebook of a form version; an unknown form or version is the submitter's error.
    public func codebook(id: String, version: Int) throws -> Codebook {
        if let codebook = codes.codebook(id: id, version: version) { return codebook }
        guard forms.contains(where: { $0.id == id }) else {
            throw InputError(field: "form", english: "unknown form", german: "Unbekanntes Formular.")
        }
        throw InputError(field: "version", english: "unknown version of form '\(id)'",
                         german: "Unbekannte Version des Formulars „\(id)“.")
    }

    public func validate(_ raw: RawEntry) throws -> Entry {
        let codebook = try codebook(id: raw.form, version: raw.version)
        let (period, context) = try validateContext(raw.context, codebook: codebook)
        let form = codebook.form
        return Entry(formID: form.id, formVersion: form.version, period: period, contextValues: context,
                     answers: try validateAnswers(raw.answers, codebook: codebook))
    }

    /// The respondent's answers to an invitation whose context was validated when it was issued
    /// (``validateDecline(form:version:context:)``): only the answers are checked here.
    public func validate(answers: [String: String], for context: Decline) throws -> Entry {
        let codebook = try codebook(id: context.formID, version: context.formVersion)
        guard context.contextValues.count == codebook.contextFields.count,
              zip(codebook.contextFields, context.contextValues).allSatisfy({ $0.number($1) != nil }) else {
            throw InputError(field: "context", english: "the invitation's context does not fit its form",
                             german: "Der Kontext der Einladung passt nicht zu ihrem Formular.")
        }
        return Entry(formID: context.formID, formVersion: context.formVersion, period: context.period,
                     contextValues: context.contextValues, answers: try validateAnswers(answers, codebook: codebook))
    }

    private func validateAnswers(_ submitted: [String: String], codebook: Codebook) throws -> [String] {
        var answers: [String] = []
        answers.reserveCapacity(codebook.itemFields.count)
        for key in submitted.keys where codebook.form.item(key) == nil {
            throw InputError(field: key, english: "unknown item", german: "Unbekannte Frage.")
        }
        for item in codebook.itemFields {
            let code = submitted[item.key] ?? FormDefinition.noAnswer
            guard item.number(code) != nil else {
                throw InputError(field: item.key, english: "unknown answer code (allowed: \(item.codes.joined(separator: ", ")))",
                                 german: "Unbekannter Antwortcode (erlaubt: \(item.codes.joined(separator: ", "))).")
            }
            answers.append(code)
        }
        return answers
    }

    public func validateDecline(form id: String, version: Int, context: [String: String]) throws -> Decline {
        let codebook = try codebook(id: id, version: version)
        let (period, values) = try validateContext(context, codebook: codebook)
        let form = codebook.form
        return Decline(formID: form.id, formVersion: form.version, period: period, contextValues: values)
    }

    private func validateContext(_ context: [String: String], codebook: Codebook) throws -> (Int, [String]) {
        for key in context.keys where codebook.form.contextField(key) == nil {
            throw InputError(field: key, english: "unknown context field", german: "Unbekanntes Kontextfeld.")
        }
        var period: Int?
        var values: [String] = []
        for field in codebook.contextFields {
            guard let value = context[field.key], !value.isEmpty else {
                throw InputError(field: field.key, english: "required context field is missing",
                                 german: "Pflichtfeld fehlt.")
            }
            switch field.kind {
            case .orgUnit:
                guard field.number(value) != nil else {
                    throw InputError(field: field.key, english: "unknown org unit (see forms/units.yaml)",
                                     german: "Unbekannte Organisationseinheit (siehe forms/units.yaml).")
                }
                values.append(value)
            case .hiringQuarter:
                let (year, month) = try parseMonth(value, field: field.key)
                period = year
                values.append(field.codes[HiringQuarter.number(month: month)])
            case .choice, .item:
                guard field.number(value) != nil else {
                    let codes = field.codes.joined(separator: ", ")
                    throw InputError(field: field.key, english: "unknown code (allowed: \(codes))",
                                     german: "Unbekannter Code (erlaubt: \(codes)).")
                }
                values.append(value)
            }
        }
        return (period!, values)
    }

    /// (year, month) of `YYYY-MM` within the accepted years.
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
        return (year, month)
    }
}
