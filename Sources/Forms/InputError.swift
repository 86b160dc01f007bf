import Bilingual

/// Bad input, named precisely enough that a clerk can find and fix it.
///
/// `location` is "file", "file:line" or "line N"; `field` the key or column. Messages never quote a
/// submitted answer or context value: an error message can end up in a log, a value must not.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var field: String?
    public let english: String
    public let german: String

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, english: String, german: String) {
        self.file = file
        self.line = line
        self.field = field
        self.english = english
        self.german = german
    }

    /// The same error placed in a file and line, keeping what it already knew.
    public func located(file: String?, line: Int?) -> InputError {
        var copy = self
        if copy.file == nil { copy.file = file }
        if copy.line == nil { copy.line = line }
        return copy
    }

    /// File, line and field as one phrase: `policy/retention.yaml:12, field 'keep'`.
    public var location: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(file == nil ? "line \(line)" : "\(line)") }
        var text = parts.joined(separator: ":")
        if let field { text += text.isEmpty ? "field '\(field)'" : ", field '\(field)'" }
        return text
    }

    public var description: String { location.isEmpty ? english : "\(location): \(english)" }

    /// The message in German, with the same location.
    public var germanDescription: String { location.isEmpty ? german : "\(location): \(german)" }
}

extension InputError: BilingualError {
    public var explanation: (english: String, german: String) { (description, germanDescription) }
    public var exitCode: CommandExitCode { .badInput }
    public var httpStatus: Int { 400 }
}
