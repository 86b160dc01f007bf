import Foundation

/// A forms directory: every `*.yaml` but `units.yaml` is a form definition, `units.yaml` the org
/// units. The command line, the web application and the admin's forms page read it through here.
public struct FormDirectory: Sendable {
    public let forms: [FormDefinition]
    public let units: OrgUnits

    /// The form files of `directory`, sorted (what the admin's forms page lists one by one).
    public static func formFileNames(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != "units.yaml" }.sorted()
    }

    /// Loads every form and the units; a broken or missing file is an error naming it.
    public static func load(_ directory: URL) throws -> FormDirectory {
        let units = directory.appendingPathComponent("units.yaml")
        guard FileManager.default.fileExists(atPath: units.path) else {
            throw InputError(file: units.path, english: "file not found", german: "Datei nicht gefunden.")
        }
        let forms = try formFileNames(in: directory).map { try FormDefinition.load(contentsOf: directory.appendingPathComponent($0)) }
        return FormDirectory(forms: forms, units: try OrgUnits.load(contentsOf: units))
    }

    /// The validator for entries of these forms; hiring years up to next year.
    public func validator(now: Date = Date()) -> EntryValidator {
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        return EntryValidator(forms: forms, units: units, latestYear: year + 1)
    }
}
