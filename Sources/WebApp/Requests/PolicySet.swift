import Foundation
import Forms
import Reports
import Retention

/// The three policy files of the policy directory, read at each use.
struct PolicySet {
    let retention: RetentionPolicy
    let processing: ProcessingRecord
    let disclosure: DisclosurePolicyFile

    static let files = ["retention.yaml", "processing.yaml", "disclosure.yaml"]

    static func load(_ directory: URL) throws -> PolicySet {
        PolicySet(retention: try RetentionPolicy.load(contentsOf: directory.appendingPathComponent("retention.yaml")),
                  processing: try ProcessingRecord.load(contentsOf: directory.appendingPathComponent("processing.yaml")),
                  disclosure: try DisclosurePolicyFile.load(directory: directory))
    }

    /// Each file on its own: nil when it loads, else its error (file, line and key when known).
    static func check(_ directory: URL) -> [(file: String, error: InputError?)] {
        files.map { name in
            do {
                switch name {
                case "retention.yaml": _ = try RetentionPolicy.load(contentsOf: directory.appendingPathComponent(name))
                case "processing.yaml": _ = try ProcessingRecord.load(contentsOf: directory.appendingPathComponent(name))
                default: _ = try DisclosurePolicyFile.load(directory: directory)
                }
                return (name, nil)
            } catch {
                return (name, Self.inputError(error, file: directory.appendingPathComponent(name).path))
            }
        }
    }

    /// Any loading error as an `InputError` that names the file.
    static func inputError(_ error: any Error, file: String) -> InputError {
        if let error = error as? InputError { return error.located(file: file, line: nil) }
        return InputError(file: file, english: "the file cannot be read", german: "Die Datei kann nicht gelesen werden.")
    }
}
