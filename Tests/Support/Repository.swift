import Foundation
import Forms

/// The shipped data files, read from the repository the tests run in.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let formsDirectory = root.appendingPathComponent("forms")
    public static let form = try! FormDefinition.load(contentsOf: formsDirectory.appendingPathComponent("migration-background.yaml"))
    public static let units = try! OrgUnits.load(contentsOf: formsDirectory.appendingPathComponent("units.yaml"))
    public static let validator = EntryValidator(forms: [form], units: units, latestYear: 2026)
    public static let parser = EntryParser(validator: validator)

    /// The entry of the issue's example: a first-generation immigrant without German citizenship.
    public static let exampleJSON = #"{"form":"migration-background","version":1,"context":{"unit":"51","hired":"2025-03","career_group":"gehoben","employment":"regular"},"answers":{"born_in_germany":"no","citizenship":"not_german","parent_a_immigrated":"yes"}}"#
}

/// A fresh temporary directory per call.
public func temporaryDirectory(_ label: String = "test") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vielfalt-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// Writes `contents` to a new file named `name` in a fresh temporary directory.
public func temporaryFile(_ name: String, _ contents: [UInt8]) throws -> URL {
    let url = try temporaryDirectory("file").appendingPathComponent(name)
    try Data(contents).write(to: url)
    return url
}

extension Repository {
    public static let policyDirectory = root.appendingPathComponent("policy")
}
