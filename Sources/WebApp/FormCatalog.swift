import Foundation
import Forms

/// The form definitions and org units of a forms directory, loaded once at start.
///
/// Every `*.yaml` but `units.yaml` is a form; a wrong file stops the start with an error naming
/// file, line and key.
struct FormCatalog: Sendable {
    let forms: [FormDefinition]
    let units: OrgUnits
    let validator: EntryValidator

    static func load(directory: URL, now: Date = Date()) throws -> FormCatalog {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard files.contains("units.yaml") else {
            throw InputError(file: directory.appendingPathComponent("units.yaml").path, english: "file not found",
                             german: "Datei nicht gefunden.")
        }
        let forms = try files.filter { $0.hasSuffix(".yaml") && $0 != "units.yaml" }.sorted()
            .map { try FormDefinition.load(contentsOf: directory.appendingPathComponent($0)) }
        let units = try OrgUnits.load(contentsOf: directory.appendingPathComponent("units.yaml"))
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        return FormCatalog(forms: forms, units: units, validator: EntryValidator(forms: forms, units: units, latestYear: year + 1))
    }

    /// The newest version of each form, for the entry pages.
    var current: [FormDefinition] {
        Dictionary(grouping: forms, by: \.id).values.compactMap { $0.max { $0.version < $1.version } }.sorted { $0.id < $1.id }
    }

    func current(_ id: String) -> FormDefinition? { current.first { $0.id == id } }
}
