import Foundation

/// One line of an entry file, kept as bytes until a worker decodes it.
public struct EntryLine: Sendable {
    public let number: Int
    public let bytes: [UInt8]
}

/// An entry file read in chunks of lines, so that many cores can decode and seal at once.
///
/// The file type comes from the extension: `.jsonl`/`.ndjson` (one JSON entry per line) or `.csv`
/// (header row first, comma or semicolon). Blank lines are skipped. ``decoder`` turns a line into a
/// validated ``Entry`` on any thread; its errors name file, line and field.
public final class EntryFile {
    public let decoder: EntryLineDecoder
    private var reader: LineReader

    public init(url: URL, parser: EntryParser) throws {
        let name = url.lastPathComponent
        reader = try LineReader(url: url)
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson":
            decoder = EntryLineDecoder(parser: parser, file: name, format: .jsonLines)
        case "csv":
            guard let headerLine = try reader.nextLine().map({ EntryParser.droppingBOM($0, first: true) }) else {
                throw InputError(file: name, english: "the file is empty", german: "Die Datei ist leer.")
            }
            let separator: UInt8 = headerLine.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : UInt8(ascii: ",")
            let header: [String]
            do { header = try EntryParser.texts(CSVRow.split(headerLine, separator: separator)) }
            catch let error as InputError { throw error.located(file: name, line: 1) }
            guard Set(header).count == header.count else {
                throw InputError(file: name, line: 1, english: "a column name appears twice", german: "Ein Spaltenname kommt doppelt vor.")
            }
            for required in ["form", "version"] where !header.contains(required) {
                throw InputError(file: name, line: 1, field: required, english: "required column is missing", german: "Pflichtspalte fehlt.")
            }
            decoder = EntryLineDecoder(parser: parser, file: name, format: .csv(header: header, separator: separator))
        default:
            throw InputError(file: name, english: "unknown file type: use .jsonl or .csv", german: "Unbekannter Dateityp: .jsonl oder .csv verwenden.")
        }
    }

    /// Up to `maxLines` non-blank lines, or nil at the end of the file.
    public func nextChunk(maxLines: Int) throws -> [EntryLine]? {
        var lines: [EntryLine] = []
        while lines.count < maxLines, var bytes = try reader.nextLine() {
            if reader.lineNumber == 1 { bytes = EntryParser.droppingBOM(bytes, first: true) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            lines.append(EntryLine(number: reader.lineNumber, bytes: bytes))
        }
        return lines.isEmpty ? nil : lines
    }
}

/// Decodes and validates one line of an entry file; safe to use from many threads at once.
public struct EntryLineDecoder: Sendable {
    /// The line as code numbers: the fast path for plain JSON Lines, else the strict path.
    /// Errors, always from the strict path, name file, line and field.
    public func coded(_ line: EntryLine, codes: EntryCodes, fastPath: EntryFastPath?) throws -> CodedEntry {
        if case .jsonLines = format, let coded = fastPath?.coded(line.bytes) { return coded }
        return codes.encode(try entry(line))
    }

    enum Format: Sendable {
        case jsonLines
        case csv(header: [String], separator: UInt8)
    }

    let parser: EntryParser
    public let file: String
    let format: Format

    public func entry(_ line: EntryLine) throws -> Entry {
        do {
            switch format {
            case .jsonLines:
                return try parser.entry(json: line.bytes)
            case .csv(let header, let separator):
                let cells = try EntryParser.texts(CSVRow.split(line.bytes, separator: separator))
                guard cells.count == header.count else {
                    throw InputError(english: "expected \(header.count) columns, found \(cells.count)",
                                     german: "Erwartet \(header.count) Spalten, gefunden \(cells.count).")
                }
                return try parser.validator.validate(parser.csvRaw(header: header, cells: cells))
            }
        } catch let error as InputError {
            throw error.located(file: file, line: line.number)
        }
    }
}
