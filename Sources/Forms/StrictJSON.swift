/// A small, strict JSON reader for entries: refuses duplicate keys, invalid UTF-8 and deep nesting.
///
/// Foundation's decoders keep the last of two equal keys without a word; for a questionnaire that
/// would silently change an answer, so entries are read here instead. Errors give the byte offset.
enum JSONValue: Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.array(let x), .array(let y)): x == y
        case (.string(let x), .string(let y)), (.number(let x), .number(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        default: false
        }
    }
}

struct StrictJSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private static let maxDepth = 8

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw InputError(english: "the input is not valid UTF-8", german: "Die Eingabe ist kein gültiges UTF-8.")
        }
        var parser = StrictJSONParser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.fail("unexpected text after the JSON value", "Unerwarteter Text nach dem JSON-Wert") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ english: String, _ german: String) -> InputError {
        JSONStringBody.malformed(at: index, english, german)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < Self.maxDepth else { throw fail("nested too deeply", "zu tief verschachtelt") }
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input", "unerwartetes Ende") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character", "unerwartetes Zeichen")
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
            throw fail("unexpected character", "unerwartetes Zeichen")
        }
        index += w.count
    }

    private mutating func number() throws -> String {
        let start = index
        while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard Double(text) != nil else { throw fail("malformed number", "fehlerhafte Zahl") }
        return text
    }

    private mutating func object(depth: Int) throws -> JSONValue {
        index += 1
        var members: [(String, JSONValue)] = []
        // A set beside the ordered members: a search through them per key would make a body of
        // many keys quadratic work, on routes any unauthenticated client reaches.
        var seen: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key", "Schlüssel erwartet") }
            let key = try string()
            guard seen.insert(key).inserted else {
                throw InputError(field: key, english: "malformed JSON: key appears twice", german: "Fehlerhaftes JSON: Schlüssel kommt doppelt vor.")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'", "„:“ erwartet") }
            index += 1
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input", "unerwartetes Ende") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw fail("expected ',' or '}'", "„,“ oder „}“ erwartet")
        }
    }

    private mutating func array(depth: Int) throws -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input", "unerwartetes Ende") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw fail("expected ',' or ']'", "„,“ oder „]“ erwartet")
        }
    }

    private mutating func string() throws -> String {
        index += 1
        var out: [UInt8] = []
        try JSONStringBody.read(bytes, at: &index, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// The strict checks for JSON from outside (the web API): valid UTF-8, well-formed, no key twice,
/// at most 8 levels deep. Errors name the byte offset or the duplicated key, never a value.
public enum StrictJSON {
    public static func check(_ bytes: [UInt8]) throws {
        _ = try StrictJSONParser.parse(bytes)
    }
}
