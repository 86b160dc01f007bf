import Forms

/// Reads the API's release body, `{"passphrase": "…"}` (for two-person unlock also `"holder"`,
/// `"second_holder"` and `"second_passphrase"`), byte by byte.
///
/// Foundation's JSON decoders and ``StrictJSON`` both build `String`s, which cannot be wiped; this
/// reader never does for the passphrase: escapes are decoded (``JSONStringBody``) straight into the
/// caller's byte array, which `Passphrase(consuming:)` then takes over. It knows exactly these keys and
/// refuses any other, a key given twice, invalid UTF-8 and broken syntax, naming the byte offset,
/// never the value. The keyholders' names are not secret and come back as strings.
struct PassphraseJSON {
    private let body: [UInt8]
    private var index = 0

    /// The passphrase's bytes, written into `secret` (which the caller wipes, also after a throw).
    static func parse(_ body: [UInt8], into secret: inout [UInt8]) throws {
        var second: [UInt8] = []
        defer { PassphraseBodyMiddleware.wipe(&second) }
        var names: [String: String] = [:]
        try parse(body, into: &secret, second: &second, names: &names)
    }

    /// The passphrases' bytes into `secret` and `second` (both wiped by the caller, also after a
    /// throw), the keyholders' names into `names`.
    static func parse(_ body: [UInt8], into secret: inout [UInt8], second: inout [UInt8], names: inout [String: String]) throws {
        try validateUTF8(body)
        var reader = PassphraseJSON(body: body)
        try reader.object(into: &secret, second: &second, names: &names)
    }

    private init(body: [UInt8]) { self.body = body }

    private static let keys = Set([PassphraseBodyMiddleware.fieldName, PassphraseBodyMiddleware.secondFieldName] + PassphraseBodyMiddleware.holderFields)

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

    private mutating func object(into secret: inout [UInt8], second: inout [UInt8], names: inout [String: String]) throws {
        try expect("{", "expected an object", "Objekt erwartet")
        var seen: Set<String> = []
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
                guard Self.keys.contains(name) else {
                    throw InputError(english: "unknown key: the body takes only \"passphrase\" (for two keyholders also \"holder\", \"second_holder\", \"second_passphrase\")",
                                     german: "Unbekannter Schlüssel: Der Inhalt nimmt nur \"passphrase\" auf (für zwei Schlüsselhalter auch \"holder\", \"second_holder\", \"second_passphrase\").")
                }
                guard seen.insert(name).inserted else {
                    throw InputError(field: name, english: "the field was sent twice", german: "Das Feld wurde doppelt gesendet.")
                }
                try expect(":", "expected ':'", "':' erwartet")
                skipWhitespace()
                guard index < body.count, body[index] == UInt8(ascii: "\"") else {
                    throw InputError(field: name, english: "must be a string", german: "Muss eine Zeichenkette sein.")
                }
                index += 1
                switch name {
                case PassphraseBodyMiddleware.fieldName: try string(into: &secret)
                case PassphraseBodyMiddleware.secondFieldName: try string(into: &second)
                default:
                    var text: [UInt8] = []
                    try string(into: &text)
                    names[name] = String(decoding: text, as: UTF8.self)
                }
                skipWhitespace()
                guard index < body.count, body[index] == UInt8(ascii: ",") else { break }
                index += 1
            } while true
            try expect("}", "expected ',' or '}'", "',' oder '}' erwartet")
        }
        skipWhitespace()
        guard index == body.count else { throw fail("unexpected text after the object", "unerwarteter Text nach dem Objekt") }
        guard seen.contains(PassphraseBodyMiddleware.fieldName) else {
            throw InputError(field: PassphraseBodyMiddleware.fieldName, english: "required field is missing", german: "Pflichtfeld fehlt.")
        }
    }

    /// The rest of a string after its opening quote, unescaped into `out`.
    private mutating func string(into out: inout [UInt8]) throws {
        try JSONStringBody.read(body, at: &index, into: &out)
    }
}
