import Foundation

/// Turns entry files into validated entries: one JSON object, JSON Lines, or CSV with a header row.
///
/// JSON: `{"form": …, "version": 1, "context": {…}, "answers": {…}}`. CSV: a header naming `form`,
/// `version`, the context keys and the item keys, one response per row; an empty item cell means
/// `no_answer`. A leading UTF-8 byte-order mark is skipped. Every error names file, line and field.
public struct EntryParser: Sendable {
    public let validator: EntryValidator

    public init(validator: EntryValidator) { self.validator = validator }

    /// The largest single JSON entry accepted.
    public static let maxEntryBytes = 64 * 1024

    /// Parses and validates one JSON entry.
    public func entry(json bytes: [UInt8]) throws -> Entry {
        guard bytes.count <= Self.maxEntryBytes else {
            throw InputError(english: "entry is larger than \(Self.maxEntryBytes) bytes", german: "Eintrag ist größer als \(Self.maxEntryBytes) Byte.")
        }
        return try validator.validate(rawEntry(json: bytes))
    }

    func rawEntry(json bytes: [UInt8]) throws -> RawEntry {
        guard case .object(let members) = try StrictJSONParser.parse(bytes) else {
            throw InputError(english: "expected a JSON object", german: "Erwartet wird ein JSON-Objekt.")
        }
        var raw = RawEntry(form: "", version: 0, context: [:], answers: [:])
        var seen = Set<String>()
        for (key, value) in members {
            seen.insert(key)
            switch (key, value) {
            case ("form", .string(let form)): raw.form = form
            case ("version", .number(let text)):
                guard let version = Int(text) else { throw InputError(field: key, english: "version must be a whole number", german: "Version muss eine ganze Zahl sein.") }
                raw.version = version
            case ("context", .object(let pairs)): raw.context = try Self.strings(pairs, in: key)
            case ("answers", .object(let pairs)): raw.answers = try Self.strings(pairs, in: key)
            case ("form", _), ("version", _), ("context", _), ("answers", _):
                throw InputError(field: key, english: "wrong type of value", german: "Falscher Werttyp.")
            default:
                throw InputError(field: key, english: "unknown key (allowed: form, version, context, answers)",
                                 german: "Unbekannter Schlüssel (erlaubt: form, version, context, answers).")
            }
        }
        for required in ["form", "version", "context"] where !seen.contains(required) {
            throw InputError(field: required, english: "required key is missing", german: "Pflichtangabe fehlt.")
        }
        return raw
    }

    private static func strings(_ pairs: [(String, JSONValue)], in parent: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in pairs {
            guard case .string(let text) = value else {
                throw InputError(field: key, english: "value must be a text code", german: "Wert muss ein Text-Code sein.")
            }
            out[key] = text
        }
        return out
    }

    /// Reads every entry of a `.jsonl` or `.csv` file in order, calling `body` with each.
    /// Stops at the first error, which names the file, line and field.
    public func forEachEntry(in url: URL, _ body: (Entry) throws -> Void) throws {
        let file = try EntryFile(url: url, parser: self)
        while let chunk = try file.nextChunk(maxLines: 1024) {
            for line in chunk { try body(try file.decoder.entry(line)) }
        }
    }

    func csvRaw(header: [String], cells: [String]) throws -> RawEntry {
        var row = Dictionary(uniqueKeysWithValues: zip(header, cells))
        let formID = row.removeValue(forKey: "form") ?? ""
        guard let version = Int(row.removeValue(forKey: "version") ?? "") else {
            throw InputError(field: "version", english: "version must be a whole number", german: "Version muss eine ganze Zahl sein.")
        }
        let form = try validator.form(id: formID, version: version)
        var raw = RawEntry(form: formID, version: version, context: [:], answers: [:])
        for (key, value) in row {
            if form.contextField(key) != nil { raw.context[key] = value }
            else if form.item(key) != nil { if !value.isEmpty { raw.answers[key] = value } }
            else { throw InputError(field: key, english: "unknown column", german: "Unbekannte Spalte.") }
        }
        return raw
    }

    static func texts(_ fields: [[UInt8]]) throws -> [String] {
        try fields.map { bytes in
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(english: "the line is not valid UTF-8", german: "Die Zeile ist kein gültiges UTF-8.")
            }
            return text.trimmingCharacters(in: .whitespaces)
        }
    }

    static func droppingBOM(_ line: [UInt8], first: Bool) -> [UInt8] {
        first && line.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(line.dropFirst(3)) : line
    }
}
