import Disclosure
import Foundation
import Forms

/// `policy/disclosure.yaml`, read into a `DisclosurePolicy`, and the same rules in words.
public struct DisclosurePolicyFile: Sendable {
    /// `js` of the Cell Key Method: no count is ever published as 1 or 2, whatever table the file
    /// names, so the method can replace primary suppression (`min_cell: 1`).
    static let smallestPerturbedCount = 3

    public let policy: DisclosurePolicy
    /// The perturbation table's file name, when the Cell Key Method is on.
    public let cellKeyFile: String?

    public static func load(directory: URL) throws -> DisclosurePolicyFile {
        let url = directory.appendingPathComponent("disclosure.yaml")
        return try DisclosurePolicyFile(yaml: YAMLNode.load(contentsOf: url), directory: directory)
    }

    public static func parse(_ text: String, file: String, directory: URL) throws -> DisclosurePolicyFile {
        try DisclosurePolicyFile(yaml: YAMLNode.parse(text, file: file), directory: directory)
    }

    init(yaml root: YAMLNode, directory: URL) throws {
        try root.rejectUnknownKeys(["version", "min_cell", "protection_level", "group_disclosure", "rounding_base", "cell_key"])
        let version = try root.child("version")
        guard try version.int() == 1 else { throw version.error("unsupported version (expected 1)", "Nicht unterstützte Version (erwartet: 1).") }
        let minNode = try root.child("min_cell")
        let minCell = try minNode.int()
        guard (1...100).contains(minCell) else { throw minNode.error("min_cell must lie between 1 and 100", "min_cell muss zwischen 1 und 100 liegen.") }
        let protectionNode = try root.optionalChild("protection_level")
        let protection = try protectionNode?.int() ?? minCell
        guard protection >= 1 else { throw protectionNode!.error("protection_level must be at least 1", "protection_level muss mindestens 1 sein.") }
        let group = try root.optionalChild("group_disclosure")?.bool() ?? true
        var base: Int?
        if let node = try root.optionalChild("rounding_base"), try node.string() != "none" {
            base = try node.int()
            guard base! >= 2 else { throw node.error("rounding_base must be 2 or more, or none", "rounding_base muss 2 oder mehr sein, oder none.") }
        }
        var perturbation: PerturbationTable?
        var cellKeyFile: String?
        if let node = try root.optionalChild("cell_key"), try node.string() != "none" {
            let name = try node.string()
            guard base == nil else { throw node.error("rounding and the cell key method cannot be combined", "Rundung und Cell-Key-Verfahren lassen sich nicht kombinieren.") }
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                throw node.error("perturbation table file not found", "Überlagerungstabelle nicht gefunden.")
            }
            do { perturbation = try PerturbationTable(csv: text, smallestPublishedCount: Self.smallestPerturbedCount) } catch {
                throw InputError(file: name, english: "invalid perturbation table: \(error)", german: "Ungültige Überlagerungstabelle: \(error)")
            }
            cellKeyFile = name
        }
        let policy = DisclosurePolicy(minCell: minCell, protectionLevel: protection, groupDisclosure: group,
                                      roundingBase: base, cellKey: perturbation)
        do { try policy.validate() } catch { throw root.error("\(error)", "\(error)") }
        self.policy = policy
        self.cellKeyFile = cellKeyFile
    }

    /// The rules in words, English and German, for reports and the processing record.
    public var sentences: [LocalizedText] {
        var s: [LocalizedText] = [
            LocalizedText(de: "Felder mit 1 bis \(policy.minCell - 1) Antwortenden werden nicht veröffentlicht („.“); echte Nullen erscheinen als „–“.",
             en: "Cells of 1 to \(policy.minCell - 1) respondents are not published (\".\"); true zeros print as \"–\"."),
            LocalizedText(de: "Weitere Felder werden zurückgehalten, bis kein zurückgehaltenes Feld – auch durch Verknüpfung aller früheren Veröffentlichungen – enger als auf eine Spanne von \(policy.protectionLevel) eingegrenzt werden kann (lineare Optimierung, GLPK).",
             en: "Further cells are withheld until no withheld cell can be narrowed below a range of \(policy.protectionLevel), also by combining every earlier release (linear programming, GLPK)."),
            LocalizedText(de: "Anteile werden nur aus veröffentlichten Zahlen berechnet, mit mindestens \(policy.minCell) Antwortenden im Nenner.",
             en: "Shares are computed from published counts only, with at least \(policy.minCell) respondents in the denominator."),
        ]
        if policy.groupDisclosure {
            s.append(LocalizedText(de: "Fallen alle Antwortenden einer Gruppe mit bestimmbarer Angabe in dieselbe Kategorie, wird die Aufgliederung dieser Gruppe zurückgehalten.",
             en: "Where every respondent of a group with a determinable answer falls into one category, that group's detail is withheld."))
        }
        if let base = policy.roundingBase {
            s.append(LocalizedText(de: "Veröffentlichte Zahlen sind auf Vielfache von \(base) gerundet.",
             en: "Published counts are rounded to multiples of \(base)."))
        }
        if cellKeyFile != nil {
            s.append(LocalizedText(de: "Veröffentlichte Zahlen sind nach dem Cell-Key-Verfahren leicht überlagert (gleiches Feld, gleiche Überlagerung in jeder Tabelle).",
             en: "Published counts carry small random noise from the Cell Key Method (the same for the same cell in every table)."))
        }
        return s
    }
}
