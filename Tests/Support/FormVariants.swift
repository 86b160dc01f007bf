import Foundation
import Forms

/// Variants of the shipped form, made by editing its YAML text as an administrator would.
public enum FormVariants {
    static let text = try! String(contentsOf: Repository.formsDirectory.appendingPathComponent("migration-background.yaml"),
                                  encoding: .utf8)

    /// Version 2: career groups in reverse order plus a new `leitung`, the citizenship answers
    /// reversed, and the migration background's categories reversed. Every code number that is not
    /// in the middle of its list changes.
    public static let version2 = try! FormDefinition.parse(edited { lines in
        lines[lines.firstIndex(of: "version: 1")!] = "version: 2"
        replaceBlock(&lines, startingWith: "      - {code: einfach,", count: 4) {
            $0.reversed() + [#"      - {code: leitung, de: "Leitungsfunktion", en: "Leading position"}"#]
        }
        replaceBlock(&lines, startingWith: "      - {code: german_by_birth,", count: 5) { $0.reversed() }
        replaceBlock(&lines, startingWith: #"      - {code: "yes", de: "mit Migrationshintergrund""#, count: 3) { $0.reversed() }
    }, file: "migration-background-2.yaml")

    /// The shipped form under another id or version, without its `employment` context field or
    /// without its indicators.
    public static func variant(id: String = "migration-background", version: Int = 1, employment: Bool = true,
                               indicators: Bool = true) -> FormDefinition {
        try! FormDefinition.parse(edited { lines in
            lines[lines.firstIndex(of: "id: migration-background")!] = "id: \(id)"
            lines[lines.firstIndex(of: "version: 1")!] = "version: \(version)"
            if !employment { replaceBlock(&lines, startingWith: "  - key: employment", count: 5) { _ in [] } }
            if !indicators { lines.removeSubrange(lines.firstIndex(of: "indicators:")!...) }
        }, file: "\(id)-\(version).yaml")
    }

    private static func edited(_ edit: (inout [String]) -> Void) -> String {
        var lines = text.components(separatedBy: "\n")
        edit(&lines)
        return lines.joined(separator: "\n")
    }

    private static func replaceBlock(_ lines: inout [String], startingWith prefix: String, count: Int,
                                     _ transform: ([String]) -> [String]) {
        let start = lines.firstIndex { $0.hasPrefix(prefix) }!
        lines.replaceSubrange(start..<(start + count), with: transform(Array(lines[start..<(start + count)])))
    }
}
