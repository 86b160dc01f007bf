/// The body of one JSON string, decoded into UTF-8 bytes: what ``StrictJSON`` and the web API's
/// passphrase reader share.
///
/// It works on bytes so that a caller holding a secret never has to make a `String` of it. Escapes
/// are decoded (`\u` surrogate pairs joined into one scalar; a lone surrogate is refused), raw
/// control characters are refused, and errors name the byte offset, never the text.
public enum JSONStringBody {
    /// Reads from `index` (just after the opening quote) up to and including the closing quote,
    /// appending the decoded bytes to `out`; `index` ends after the closing quote.
    public static func read(_ bytes: [UInt8], at index: inout Int, into out: inout [UInt8]) throws {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"): UTF8.encode(try unicodeEscape(bytes, at: &index)) { out.append($0) }
                default: throw malformed(at: index - 1, "invalid escape", "ungültige Escape-Folge")
                }
            case 0x00..<0x20: throw malformed(at: index - 1, "control character in a string", "Steuerzeichen in einer Zeichenkette")
            default: out.append(byte)
            }
        }
        throw malformed(at: index, "unterminated string", "nicht abgeschlossene Zeichenkette")
    }

    /// The error of malformed JSON at the 0-based byte `offset`, counted from 1 for the reader.
    public static func malformed(at offset: Int, _ english: String, _ german: String) -> InputError {
        InputError(english: "malformed JSON at byte \(offset + 1): \(english)", german: "Fehlerhaftes JSON bei Byte \(offset + 1): \(german).")
    }

    /// `XXXX` after `\u`, joining a surrogate pair into one scalar.
    private static func unicodeEscape(_ bytes: [UInt8], at index: inout Int) throws -> Unicode.Scalar {
        let start = index
        let first = try hex4(bytes, at: &index)
        let unpaired = malformed(at: start, "unpaired surrogate in a \\u escape", "Ersatzzeichen ohne Partner in einer \\u-Folge")
        guard (0xD800..<0xDC00).contains(first) else {
            guard let scalar = Unicode.Scalar(first) else { throw unpaired }
            return scalar
        }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { throw unpaired }
        index += 2
        let second = try hex4(bytes, at: &index)
        guard (0xDC00..<0xE000).contains(second), let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
            throw unpaired
        }
        return scalar
    }

    private static func hex4(_ bytes: [UInt8], at index: inout Int) throws -> UInt32 {
        let invalid = malformed(at: index, "invalid \\u escape", "ungültige \\u-Folge")
        guard index + 4 <= bytes.count else { throw invalid }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = hexDigit(byte) else { throw invalid }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
