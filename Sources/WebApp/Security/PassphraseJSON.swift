import Forms

/// Reads the API's release body, `{"passphrase": "…"}`, byte by byte.
///
/// Foundation's JSON decoders and ``StrictJSON`` both build `String`s, which cannot be wiped; this
/// reader never does for the passphrase: escapes are decoded straight into the caller's byte array,
/// which `Passphrase(consuming:)` then takes over. It knows exactly one key and refuses any other,
/// a second `passphrase`, invalid UTF-8 and broken syntax, naming the byte offset, never the value.
struct PassphraseJSON {
    private let body: [UInt8]
    private var index = 0

    /// The passphrase's bytes, written into `secret` (which the caller wipes, also after a throw).
    static func parse(_ body: [UInt8], into secret: inout [UInt8]) throws {
        try validateUTF8(body)
        var reader = PassphraseJSON(body: body)
        try reader.object(into: &secret)
    }

    private init(body: [UInt8]) { self.body = body }

    private static func validateUTF8(_ body: [UInt8]) throws {
        var iterator = body.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return
            case .error: throw InputError(english: "the body is not valid UTF-8", german: "Der Inhalt ist kein gültiges UTF-8.")
            }
        }
    }

    private func fail(_ english: String, _ german: String) -> InputError {
        InputError(english: "malformed JSON at byte \(index + 1): \(english)", german: "Fehlerhaftes JSON bei Byte \(index + 1): \(german).")
    }

    private mutating func skipWhitespace() {
        while index < body.count, [0x20, 0x09, 0x0A, 0x0D].contains(body[index]) { index += 1 }
    }

    private mutating func expect(_ character: Unicode.Scalar, _ english: String, _ german: String) throws {
        skipWhitespace()
        guard index < body.count, body[index] == UInt8(ascii: character) else { throw fail(english, german) }
        index += 1
    }

    private mutating func object(into secret: inout [UInt8]) throws {
        try expect("{", "expected an object", "Objekt erwartet")
        var seen = false
        skipWhitespace()
        if index < body.count, body[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            repeat {
                try expect("\"", "expected a key", "Schlüssel erwartet")
                var key: [UInt8] = []
                try string(into: &key)
                let name = String(decoding: key, as: UTF8.self)
                guard name == PassphraseBodyMiddleware.fieldName else {
                    throw InputError(field: String(name.prefix(64)), english: "unknown field", german: "Unbekanntes Feld.")
                }
                guard !seen else {
                    throw InputError(field: name, english: "the field was sent twice", german: "Das Feld wurde doppelt gesendet.")
                }
                seen = true
                try expect(":", "expected ':'", "':' erwartet")
                skipWhitespace()
                guard index < body.count, body[index] == UInt8(ascii: "\"") else {
                    throw InputError(field: name, english: "must be a string", german: "Muss eine Zeichenkette sein.")
                }
                index += 1
                try string(into: &secret)
                skipWhitespace()
                guard index < body.count, body[index] == UInt8(ascii: ",") else { break }
                index += 1
            } while true
            try expect("}", "expected ',' or '}'", "',' oder '}' erwartet")
        }
        skipWhitespace()
        guard index == body.count else { throw fail("unexpected text after the object", "unerwarteter Text nach dem Objekt") }
        guard seen else {
            throw InputError(field: PassphraseBodyMiddleware.fieldName, english: "required field is missing", german: "Pflichtfeld fehlt.")
        }
    }

    /// The rest of a string after its opening quote, unescaped into `out`.
    private mutating func string(into out: inout [UInt8]) throws {
        while index < body.count {
            let byte = body[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"):
                guard index < body.count else { break }
                let escape = body[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"): UTF8.encode(try unicodeEscape()) { out.append($0) }
                default: throw fail("invalid escape", "ungültige Escape-Folge")
                }
            case 0x00..<0x20: throw fail("control character in a string", "Steuerzeichen in einer Zeichenkette")
            default: out.append(byte)
            }
        }
        throw fail("unterminated string", "nicht abgeschlossene Zeichenkette")
    }

    /// `XXXX` after `\u`, joining a surrogate pair into one scalar.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first) {
            guard index + 1 < body.count, body[index] == UInt8(ascii: "\\"), body[index + 1] == UInt8(ascii: "u") else {
                throw fail("unpaired surrogate", "Ersatzzeichen ohne Partner")
            }
            index += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second),
                  let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                throw fail("unpaired surrogate", "Ersatzzeichen ohne Partner")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw fail("unpaired surrogate", "Ersatzzeichen ohne Partner") }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= body.count else { throw fail("invalid \\u escape", "ungültige \\u-Folge") }
        var value: UInt32 = 0
        for byte in body[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape", "ungültige \\u-Folge")
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }
}
