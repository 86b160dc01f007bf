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
        let loaded = try FormDirectory.load(directory)
        return FormCatalog(forms: loaded.forms, units: loaded.units, validator: loaded.validator(now: now))
    }

    /// The newest version of each form, for the entry pages.
    var current: [FormDefinition] {
        Dictionary(grouping: forms, by: \.id).values.compactMap { $0.max { $0.version < $1.version } }.sorted { $0.id < $1.id }
    }

    func current(_ id: String) -> FormDefinition? { current.first { $0.id == id } }
}
