import Foundation

/// A cohort's contexts for invitations: a CSV file whose header names the form's context fields
/// (`unit`, `hired`, `career_group`, `employment`, in any order), one new hire per row.
///
/// Comma or semicolon separated, UTF-8 with or without byte-order mark, blank lines skipped. Every
/// row is validated as HR's entry validates a context; the first bad row is an error naming file,
/// line and column (never the value), so that a batch is issued whole or not at all.
public enum InvitationBatch {
    /// More rows than a cohort can have is a wrong file.
    public static let maximumRows = 10_000

    public static func contexts(in url: URL, form: FormDefinition, validator: EntryValidator) throws -> [Decline] {
        var reader = try LineReader(url: url)
        return try contexts(name: url.lastPathComponent, form: form, validator: validator) {
            try reader.nextLine().map { (reader.lineNumber, $0) }
        }
    }

    /// The same from the text of a form field (the web page's pasted CSV), named `name` in errors.
    public static func contexts(csv bytes: [UInt8], name: String, form: FormDefinition, validator: EntryValidator) throws -> [Decline] {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        var index = 0
        return try contexts(name: name, form: form, validator: validator) {
            guard index < lines.count else { return nil }
            defer { index += 1 }
            var line = Array(lines[index])
            if line.last == 0x0D { line.removeLast() }
            guard line.count <= LineReader.defaultMaxLineBytes else {
                throw InputError(file: name, line: index + 1, english: "line is longer than \(LineReader.defaultMaxLineBytes) bytes",
                                 german: "Zeile ist länger als \(LineReader.defaultMaxLineBytes) Byte.")
            }
            return (index + 1, line)
        }
    }

    /// Reads numbered lines from `next` until it returns nil.
    static func contexts(name: String, form: FormDefinition, validator: EntryValidator,
                         next: () throws -> (number: Int, bytes: [UInt8])?) throws -> [Decline] {
        var header: [String]?
        var separator = UInt8(ascii: ",")
        var contexts: [Decline] = []
        var number = 0
        do {
            while let (lineNumber, raw) = try next() {
                number = lineNumber
                let line = EntryParser.droppingBOM(raw, first: number == 1)
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                guard let columns = header else {
                    separator = line.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
                    header = try Self.header(EntryParser.texts(CSVRow.split(line, separator: separator)), form: form)
                    continue
                }
                let cells = try EntryParser.texts(CSVRow.split(line, separator: separator))
                guard cells.count == columns.count else {
                    throw InputError(english: "expected \(columns.count) columns, found \(cells.count)",
                                     german: "Erwartet werden \(columns.count) Spalten, gefunden \(cells.count).")
                }
                guard contexts.count < maximumRows else {
                    throw InputError(english: "more than \(maximumRows) rows", german: "Mehr als \(maximumRows) Zeilen.")
                }
                let context = Dictionary(uniqueKeysWithValues: zip(columns, cells))
                contexts.append(try validator.validateDecline(form: form.id, version: form.version, context: context))
            }
        } catch let error as InputError {
            throw error.located(file: name, line: number)
        }
        guard header != nil else { throw InputError(file: name, english: "the file is empty", german: "Die Datei ist leer.") }
        guard !contexts.isEmpty else {
            throw InputError(file: name, english: "the file has a header but no rows", german: "Die Datei hat eine Kopfzeile, aber keine Zeilen.")
        }
        return contexts
    }

    /// The header: each of the form's context keys exactly once, nothing else.
    static func header(_ columns: [String], form: FormDefinition) throws -> [String] {
        var seen = Set<String>()
        for column in columns {
            guard form.contextField(column) != nil else {
                throw InputError(field: column, english: "unknown column (allowed: \(form.context.map(\.key).joined(separator: ", ")))",
                                 german: "Unbekannte Spalte (erlaubt: \(form.context.map(\.key).joined(separator: ", "))).")
            }
            guard seen.insert(column).inserted else {
                throw InputError(field: column, english: "a column name appears twice", german: "Ein Spaltenname kommt doppelt vor.")
            }
        }
        for key in form.context.map(\.key) where !seen.contains(key) {
            throw InputError(field: key, english: "required column is missing", german: "Pflichtspalte fehlt.")
        }
        return columns
    }
}
