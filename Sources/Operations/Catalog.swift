import Foundation
import Forms

/// The forms of an installation as entry and reports use them: every version, the org units, the
/// validator, and the newest version of each form for the entry pages.
public struct Catalog: Sendable {
    public let forms: FormDirectory
    public let validator: EntryValidator
    /// The newest version of each form, by id.
    public let current: [FormDefinition]

    init(_ forms: FormDirectory, now: Date) {
        self.forms = forms
        validator = forms.validator(now: now)
        current = Dictionary(grouping: forms.forms, by: \.id).values.compactMap { $0.max { $0.version < $1.version } }.sorted { $0.id < $1.id }
    }

    public var units: OrgUnits { forms.units }

    /// The newest version of form `id`, or nil.
    public func current(_ id: String) -> FormDefinition? { current.first { $0.id == id } }
}
