import Forms

/// Reads the API's release body, `{"passphrase": "…"}`, byte by byte.
///
/// Foundation's JSON decoders and ``StrictJSON`` both build `String`s, which cannot be wiped; this
/// reader never does for the passphrase: escapes are decoded (``JSONStringBody``) straight into the
/// caller's byte array, which `Passphrase(consuming:)` then takes over. It knows exactly one key and
/// refuses any other, a second `passphrase`, invalid UTF-8 and broken syntax, naming the byte
/// offset, never the value.
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
        JSONStringBody.malformed(at: index, english, german)
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
                // The key is not echoed: a client that put the passphrase there would get it back.
                guard name == PassphraseBodyMiddleware.fieldName else {
                    throw InputError(english: "unknown key: the body takes only \"passphrase\"",
                                     german: "Unbekannter Schlüssel: Der Inhalt nimmt nur \"passphrase\" auf.")
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
        try JSONStringBody.read(body, at: &index, into: &out)
    }
}
