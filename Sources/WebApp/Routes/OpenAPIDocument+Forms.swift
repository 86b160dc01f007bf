import Foundation
import Forms
import Operations

/// The parts of the OpenAPI document that only the loaded forms can say: which forms, versions,
/// context fields, units, answer codes, indicators and hiring years the entry and report calls
/// accept. A schema that admitted `"form": ""` or `"context": {}` promised what the server refuses;
/// the contract test (schemathesis, positive data) holds the two together.
extension OpenAPIDocument {
    /// The document with the form-dependent schemas filled in.
    static func yaml(for catalog: Catalog) -> String {
        let forms = catalog.current, units = catalog.units
        let years = Array(EntryValidator.earliestYear...catalog.validator.latestYear)
        return yaml
            .replacingOccurrences(of: "{ENTRY_SCHEMA}", with: json(oneOf(forms.map { body($0, units, years: years, answers: true) })))
            .replacingOccurrences(of: "{DECLINE_SCHEMA}", with: json(oneOf(forms.map { body($0, units, years: years, answers: false) })))
            .replacingOccurrences(of: "{REPORT_REQUEST_SCHEMA}", with: json(reportRequest(forms, years: years)))
            .replacingOccurrences(of: "{PAPER_ENTRY_SCHEMA}", with: json(paperEntry(forms)))
    }

    private static func oneOf(_ schemas: [[String: Any]]) -> [String: Any] {
        schemas.count == 1 ? schemas[0] : ["oneOf": schemas]
    }

    /// JSON is YAML: a schema object written on one line.
    private static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// An entry (with `consent` and `answers`) or a decline (context only) of one form.
    private static func body(_ form: FormDefinition, _ units: OrgUnits, years: [Int], answers: Bool) -> [String: Any] {
        var context: [String: Any] = [:]
        for field in form.context {
            switch field.kind {
            case .unit: context[field.key] = ["type": "string", "enum": units.units.map(\.code)]
            // Enums, not patterns: the hiring months and ranges are few, and a generator draws from
            // a list at once where it would search through a long alternation.
            case .month: context[field.key] = ["type": "string", "enum": years.flatMap { year in (1...12).map { String(format: "%04d-%02d", year, $0) } }]
            case .choice(let codes): context[field.key] = ["type": "string", "enum": codes.map(\.code)]
            }
        }
        var properties: [String: Any] = [
            "form": ["type": "string", "enum": [form.id]],
            "version": ["type": "integer", "enum": [form.version]],
            "context": ["type": "object", "additionalProperties": false, "required": form.context.map(\.key), "properties": context],
        ]
        var required = ["form", "version", "context"]
        if answers {
            properties["consent"] = ["type": "boolean", "enum": [true], "description": "The respondent confirmed the consent text."]
            properties["answers"] = ["type": "object", "additionalProperties": false,
                                     "description": "Item key to answer code; omitted items count as no_answer.",
                                     "properties": Dictionary(uniqueKeysWithValues: form.items.map { ($0.key, ["type": "string", "enum": $0.codes]) })]
            required.insert("consent", at: 2)
        }
        return ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
    }

    /// A baseline takes one hiring year (or `latest`), a trend an ascending range (or `all`): the
    /// ranges are listed, since a pattern cannot say that the first year is the smaller.
    private static func reportRequest(_ forms: [FormDefinition], years: [Int]) -> [String: Any] {
        let indicators = Array(Set(forms.flatMap { $0.indicators.map(\.key) })).sorted()
        let ranges = years.flatMap { first in years.filter { $0 > first }.map { "\(first)-\($0)" } }
        func kind(_ name: String, years accepted: [String]) -> [String: Any] {
            ["type": "object", "additionalProperties": false, "required": ["kind", "indicator", "by"],
             "properties": [
                "kind": ["type": "string", "enum": [name]],
                "indicator": ["type": "string", "enum": indicators],
                "by": ["type": "array", "minItems": 1, "maxItems": 2, "uniqueItems": true,
                       "items": ["type": "string", "enum": ["unit", "career_group", "employment"]]],
                "years": ["type": "string", "enum": accepted],
             ] as [String: Any]]
        }
        return ["oneOf": [kind("baseline", years: ["latest"] + years.map(String.init)), kind("trend", years: ["all"] + ranges)]]
    }
}
