import Forms

/// One row of the SDM target/actual table: a reference measure of the Standard-Datenschutzmodell,
/// whether Vielfalt has it, and the evidence read from the live system.
///
/// `block` is the number of the SDM building block (Baustein) the measure belongs to, e.g. 60 for
/// "Löschen und Vernichten"; `id` only links risks to rows inside this report and is not a number
/// of the catalogue.
public struct SDMMeasure: Sendable, Codable, Equatable {
    /// The SDM's seven protection goals (Gewährleistungsziele).
    public enum Goal: String, Sendable, Codable, CaseIterable {
        case dataMinimisation = "data_minimisation", availability, integrity, confidentiality, unlinkability, transparency, intervenability

        public var label: LocalizedText {
            switch self {
            case .dataMinimisation: LocalizedText(de: "Datenminimierung", en: "data minimisation")
            case .availability: LocalizedText(de: "Verfügbarkeit", en: "availability")
            case .integrity: LocalizedText(de: "Integrität", en: "integrity")
            case .confidentiality: LocalizedText(de: "Vertraulichkeit", en: "confidentiality")
            case .unlinkability: LocalizedText(de: "Nichtverkettung", en: "unlinkability")
            case .transparency: LocalizedText(de: "Transparenz", en: "transparency")
            case .intervenability: LocalizedText(de: "Intervenierbarkeit", en: "intervenability")
            }
        }
    }

    /// Where the measure stands; computed from the audit's facts, never written by hand.
    public enum Status: String, Sendable, Codable {
        case inPlace = "in_place", partly, notInPlace = "not_in_place", notApplicable = "not_applicable"

        public var label: LocalizedText {
            switch self {
            case .inPlace: LocalizedText(de: "umgesetzt", en: "in place")
            case .partly: LocalizedText(de: "teilweise", en: "partly")
            case .notInPlace: LocalizedText(de: "nicht umgesetzt", en: "not in place")
            case .notApplicable: LocalizedText(de: "entfällt", en: "not applicable")
            }
        }
    }

    public let id: String
    public let block: Int
    public let blockName: LocalizedText
    public let measure: LocalizedText
    public let goals: [Goal]
    public let status: Status
    /// What the live system shows; for `notApplicable` the reason.
    public let evidence: LocalizedText

    /// The building blocks the table covers, by number.
    public static let blocks: [Int: LocalizedText] = [
        11: LocalizedText(de: "Aufbewahren", en: "Storing"),
        41: LocalizedText(de: "Planen und Spezifizieren", en: "Planning and specifying"),
        42: LocalizedText(de: "Dokumentieren", en: "Documenting"),
        43: LocalizedText(de: "Protokollieren", en: "Logging"),
        50: LocalizedText(de: "Trennen", en: "Separating"),
        60: LocalizedText(de: "Löschen und Vernichten", en: "Deleting and destroying"),
        61: LocalizedText(de: "Berichtigen", en: "Rectifying"),
        62: LocalizedText(de: "Einschränken der Verarbeitung", en: "Restricting processing"),
    ]
}
