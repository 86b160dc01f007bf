import Foundation
import Yams

/// A YAML node that remembers its file and key path, so every error names file, line and key.
///
/// All of Vielfalt's data files (forms, policies, report definitions) are read through this type.
/// Scalars are read as the text written, never as YAML 1.1 booleans: `yes` stays the answer code "yes".
public struct YAMLNode {
    let node: Node
    public let file: String
    /// Dotted key path from the document root, e.g. `items[2].answers`.
    public let path: String
    /// The line of the key this node is the value of: errors about a mapping point at its key.
    var keyLine: Int? = nil

    /// Parses a document. Syntax errors and duplicate keys become an ``InputError`` with the line.
    public static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw InputError(file: file, english: "the file is empty", german: "Die Datei ist leer.")
            }
            return YAMLNode(node: root, file: file, path: "")
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        }
    }

    /// Reads and parses a file, refusing invalid UTF-8.
    public static func load(contentsOf url: URL) throws -> YAMLNode {
        let name = url.lastPathComponent
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch {
            throw InputError(file: url.path, english: "cannot read the file", german: "Die Datei kann nicht gelesen werden.")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw InputError(file: name, english: "the file is not valid UTF-8", german: "Die Datei ist kein gültiges UTF-8.")
        }
        return try parse(text, file: name)
    }

    public var line: Int? { keyLine ?? node.mark.map { $0.line } }

    /// An error located at this node.
    public func error(_ english: String, _ german: String) -> InputError {
        InputError(file: file, line: line, field: path.isEmpty ? nil : path, english: english, german: german)
    }

    private func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The keys of a mapping, in file order.
    public func keys() throws -> [String] {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys", "Erwartet wird eine Zuordnung von Schlüsseln.") }
        return mapping.keys.map { $0.scalar?.string ?? "" }
    }

    public func optionalChild(_ key: String) throws -> YAMLNode? {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys", "Erwartet wird eine Zuordnung von Schlüsseln.") }
        guard let pair = mapping.first(where: { $0.key.scalar?.string == key }) else { return nil }
        return YAMLNode(node: pair.value, file: file, path: keyPath(key), keyLine: pair.key.mark?.line)
    }

    public func child(_ key: String) throws -> YAMLNode {
        guard let child = try optionalChild(key) else {
            throw InputError(file: file, line: line, field: keyPath(key),
                             english: "required key is missing", german: "Pflichtangabe fehlt.")
        }
        return child
    }

    /// Children of a mapping as (key, node) pairs in file order.
    public func entries() throws -> [(String, YAMLNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys", "Erwartet wird eine Zuordnung von Schlüsseln.") }
        return mapping.map { key, value in
            let name = key.scalar?.string ?? ""
            return (name, YAMLNode(node: value, file: file, path: keyPath(name), keyLine: key.mark?.line))
        }
    }

    /// Refuses keys this file format does not know: a typo must not be silently ignored.
    public func rejectUnknownKeys(_ allowed: Set<String>) throws {
        for (key, child) in try entries() where !allowed.contains(key) {
            throw child.error("unknown key (allowed: \(allowed.sorted().joined(separator: ", ")))",
                              "Unbekannter Schlüssel (erlaubt: \(allowed.sorted().joined(separator: ", "))).")
        }
    }

    public func string() throws -> String {
        guard let scalar = node.scalar else { throw error("expected a text value", "Erwartet wird ein Text.") }
        return scalar.string
    }

    public func int() throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error("expected a whole number", "Erwartet wird eine ganze Zahl.")
        }
        return value
    }

    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false", "Erwartet wird true oder false.")
        }
    }

    public func list() throws -> [YAMLNode] {
        guard let sequence = node.sequence else { throw error("expected a list", "Erwartet wird eine Liste.") }
        return sequence.enumerated().map { YAMLNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    public func stringList() throws -> [String] { try list().map { try $0.string() } }

    /// A `{de: …, en: …}` mapping.
    public func localizedText() throws -> LocalizedText {
        try rejectUnknownKeys(["de", "en"])
        return LocalizedText(de: try child("de").string(), en: try child("en").string())
    }

    static func describe(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return InputError(file: file, line: mark.line, english: "YAML syntax error: \(problem)",
                              german: "YAML-Syntaxfehler: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(file: file, line: context.mark.line, field: duplicates.joined(separator: ", "),
                              english: "key appears twice", german: "Schlüssel kommt doppelt vor.")
        default:
            return InputError(file: file, english: "the file is not valid YAML", german: "Die Datei ist kein gültiges YAML.")
        }
    }
}
