import Foundation

/// An organisational unit that hires: an Amt such as 51 Jugendamt.
public struct OrgUnit: Sendable, Hashable {
    public let code: String
    public let name: LocalizedText
    /// The code of the Dezernat the unit belongs to: the parent level of report hierarchies.
    public let dezernat: String
}

/// A Dezernat: the level above the units, used for totals in reports.
public struct Dezernat: Sendable, Hashable {
    public let code: String
    public let name: LocalizedText
    public let units: [String]
}

/// The administration's structure from `forms/units.yaml`: Dezernate and their units.
public struct OrgUnits: Sendable {
    public let dezernate: [Dezernat]
    public let units: [OrgUnit]

    public func unit(_ code: String) -> OrgUnit? { units.first { $0.code == code } }
    public var codes: [String] { units.map(\.code) }

    public static func load(contentsOf url: URL) throws -> OrgUnits {
        try OrgUnits(yaml: YAMLNode.load(contentsOf: url))
    }

    public static func parse(_ text: String, file: String) throws -> OrgUnits {
        try OrgUnits(yaml: YAMLNode.parse(text, file: file))
    }

    init(yaml root: YAMLNode) throws {
        try root.rejectUnknownKeys(["dezernate"])
        var dezernate: [Dezernat] = []
        var units: [OrgUnit] = []
        for node in try root.child("dezernate").list() {
            try node.rejectUnknownKeys(["code", "name", "units"])
            let code = try node.child("code").string()
            var members: [String] = []
            for unitNode in try node.child("units").list() {
                try unitNode.rejectUnknownKeys(["code", "de", "en"])
                let codeNode = try unitNode.child("code")
                let unitCode = try codeNode.string()
                guard unitCode.range(of: #"^[A-Za-z0-9_.]{1,16}$"#, options: .regularExpression) != nil else {
                    throw codeNode.error("unit code must be 1–16 letters, digits, dots or underscores",
                                         "Einheitencode: 1–16 Buchstaben, Ziffern, Punkte oder Unterstriche.")
                }
                guard !units.contains(where: { $0.code == unitCode }) else {
                    throw codeNode.error("unit code appears twice", "Einheitencode kommt doppelt vor.")
                }
                units.append(OrgUnit(code: unitCode, name: LocalizedText(de: try unitNode.child("de").string(),
                                                                        en: try unitNode.child("en").string()),
                                     dezernat: code))
                members.append(unitCode)
            }
            dezernate.append(Dezernat(code: code, name: try node.child("name").localizedText(), units: members))
        }
        guard units.count <= 255 else { throw root.error("more than 255 units", "Mehr als 255 Organisationseinheiten.") }
        guard !units.isEmpty else { throw root.error("no units defined", "Keine Organisationseinheiten definiert.") }
        self.dezernate = dezernate
        self.units = units
    }
}
