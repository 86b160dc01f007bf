import Forms
import Foundation
import Hummingbird

/// A JSON value as decoded, with booleans, numbers and strings kept apart (no NSNumber guessing).
enum JSONValue: Decodable {
    case bool(Bool), int(Int), number(Double), string(String), object([String: JSONValue]), array([JSONValue]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([String: JSONValue].self) { self = .object(value) }
        else { self = .array(try container.decode([JSONValue].self)) }
    }
}

/// A JSON object body, read with a size limit and checked for unknown keys.
struct JSONBody {
    let object: [String: JSONValue]

    /// The body as a JSON object. With `emptyAllowed`, an empty body (without a content type, or
    /// as application/json) reads as `{}`: actions whose fields are all optional need not send one.
    static func read(_ request: Request, limit: Int, allowed: Set<String>, emptyAllowed: Bool = false) async throws -> JSONBody {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        let unsupported = APIError(status: .unsupportedMediaType, error: InputError(english: "the body must be application/json",
                                                                                    german: "Der Inhalt muss application/json sein."))
        guard type == "application/json" || (emptyAllowed && type == nil) else { throw unsupported }
        var request = request
        let tooLarge = APIError(status: .contentTooLarge, error: InputError(english: "the body is larger than \(limit / 1024) KiB",
                                                                            german: "Der Inhalt ist größer als \(limit / 1024) KiB."))
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        guard let buffer = try? await request.collectBody(upTo: limit) else { throw tooLarge }
        if emptyAllowed, buffer.readableBytes == 0 { return JSONBody(object: [:]) }
        guard type != nil else { throw unsupported }
        // Foundation's decoder keeps the last of two equal keys in silence; a changed answer must not
        // pass that way, so the strict reader checks first (UTF-8, syntax, duplicates, depth).
        do { try StrictJSON.check(Array(buffer: buffer)) } catch let error as InputError {
            throw APIError(status: .badRequest, error: error)
        }
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) else {
            throw APIError(status: .badRequest, error: InputError(english: "the body is not a JSON object", german: "Der Inhalt ist kein JSON-Objekt."))
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw InputError(field: key, english: "unknown field", german: "Unbekanntes Feld.")
        }
        return JSONBody(object: object)
    }

    private func value(_ key: String) throws -> JSONValue {
        guard let value = object[key] else { throw InputError(field: key, english: "required field is missing", german: "Pflichtfeld fehlt.") }
        return value
    }

    func string(_ key: String, required: Bool) throws -> String? {
        if !required, object[key] == nil { return nil }
        guard case .string(let string) = try value(key) else { throw wrongType(key, "a string", "eine Zeichenkette") }
        return string
    }

    func int(_ key: String) throws -> Int {
        guard case .int(let int) = try value(key) else { throw wrongType(key, "an integer", "eine ganze Zahl") }
        return int
    }

    func bool(_ key: String) throws -> Bool {
        guard case .bool(let bool) = try value(key) else { throw wrongType(key, "true or false", "true oder false") }
        return bool
    }

    /// A list of strings; absent reads as empty unless `required`.
    func stringList(_ key: String, required: Bool) throws -> [String] {
        if !required, object[key] == nil { return [] }
        guard case .array(let array) = try value(key) else { throw wrongType(key, "a list of strings", "eine Liste von Zeichenketten") }
        return try array.map { element in
            guard case .string(let string) = element else { throw wrongType(key, "a list of strings", "eine Liste von Zeichenketten") }
            return string
        }
    }

    func strings(_ key: String, required: Bool = true) throws -> [String: String] {
        if !required, object[key] == nil { return [:] }
        guard case .object(let dictionary) = try value(key) else { throw wrongType(key, "an object", "ein Objekt") }
        var result: [String: String] = [:]
        for (name, entry) in dictionary {
            guard case .string(let string) = entry else { throw wrongType("\(key).\(name)", "a string", "eine Zeichenkette") }
            result[name] = string
        }
        return result
    }

    private func wrongType(_ key: String, _ english: String, _ german: String) -> InputError {
        InputError(field: key, english: "must be \(english)", german: "Muss \(german) sein.")
    }
}
