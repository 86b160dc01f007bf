import Foundation
@testable import Forms

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let form = try! FormDefinition.load(contentsOf: root.appendingPathComponent("forms/migration-background.yaml"))
    static let units = try! OrgUnits.load(contentsOf: root.appendingPathComponent("forms/units.yaml"))
    static let validator = EntryValidator(forms: [form], units: units, latestYear: 2026)
    static let parser = EntryParser(validator: validator)

    static let validJSON = #"{"form":"migration-background","version":1,"context":{"unit":"51","hired":"2025-03","career_group":"gehoben","employment":"regular"},"answers":{"born_in_germany":"no","citizenship":"not_german","parent_a_immigrated":"yes"}}"#

    static func temporaryFile(_ name: String, _ contents: [UInt8]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vielfalt-forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url
    }
}
