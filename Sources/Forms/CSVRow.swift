/// One CSV record split into fields: RFC 4180 quoting, comma or semicolon (German Excel) separated.
///
/// A quoted field may not span lines: entries are one line each, and a stray quote is an error.
enum CSVRow {
    static func split(_ line: [UInt8], separator: UInt8) throws -> [[UInt8]] {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var index = 0
        var quoted = false
        var wasQuoted = false
        while index < line.count {
            let byte = line[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < line.count, line[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte); index += 1
                    } else { quoted = false }
                } else { field.append(byte) }
            } else if byte == separator {
                fields.append(field); field = []; wasQuoted = false
            } else if byte == UInt8(ascii: "\"") {
                guard field.isEmpty, !wasQuoted else {
                    throw InputError(english: "malformed CSV: quote inside an unquoted field", german: "Fehlerhaftes CSV: Anführungszeichen in einem Feld ohne Anführung.")
                }
                quoted = true; wasQuoted = true
            } else {
                guard !wasQuoted else {
                    throw InputError(english: "malformed CSV: text after a closing quote", german: "Fehlerhaftes CSV: Text nach schließendem Anführungszeichen.")
                }
                field.append(byte)
            }
            index += 1
        }
        guard !quoted else {
            throw InputError(english: "malformed CSV: unterminated quote", german: "Fehlerhaftes CSV: Anführungszeichen nicht geschlossen.")
        }
        fields.append(field)
        return fields
    }
}
