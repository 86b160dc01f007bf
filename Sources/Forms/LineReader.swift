import Foundation

/// Reads a file line by line in fixed memory, refusing any line longer than a limit.
///
/// A 100 MB line is reported as too long after its first `maxLineBytes`, without ever being held
/// in memory whole. Line numbers start at 1; `\r\n` and `\n` both end a line.
public struct LineReader {
    public static let defaultMaxLineBytes = 64 * 1024
    private let handle: FileHandle
    private let file: String
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    public private(set) var lineNumber = 0

    public init(url: URL, maxLineBytes: Int = defaultMaxLineBytes) throws {
        file = url.lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw InputError(file: url.path, english: "cannot open the file", german: "Die Datei kann nicht geöffnet werden.")
        }
        self.handle = handle
        self.maxLineBytes = maxLineBytes
    }

    /// The next line without its terminator, or nil at the end of the file.
    public mutating func nextLine() throws -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if position == buffer.count {
                if atEnd { break }
                buffer = [UInt8](handle.readData(ofLength: 1 << 20))
                position = 0
                if buffer.isEmpty { atEnd = true; break }
            }
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                line += buffer[position..<newline]
                position = newline + 1
                try checkLength(line.count)
                lineNumber += 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            line += buffer[position...]
            position = buffer.count
            try checkLength(line.count)
        }
        guard !line.isEmpty else { return nil }
        lineNumber += 1
        if line.last == 0x0D { line.removeLast() }
        return line
    }

    private func checkLength(_ count: Int) throws {
        guard count <= maxLineBytes else {
            throw InputError(file: file, line: lineNumber + 1,
                             english: "line is longer than \(maxLineBytes) bytes",
                             german: "Zeile ist länger als \(maxLineBytes) Byte.")
        }
    }
}
