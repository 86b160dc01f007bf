import Forms

/// What a signed-in person may do; one role per person, as in DESIGN.md's table of roles.
///
/// The server checks the role on every route (see `RoutePolicy`); templates only hide what a role
/// cannot use, they never grant anything.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    case hr, statistics, integration, dpo, admin

    /// The role's name for people, German and English.
    public var label: LocalizedText {
        switch self {
        case .hr: LocalizedText(de: "Personalstelle", en: "Human resources")
        case .statistics: LocalizedText(de: "Statistikstelle", en: "Statistics unit")
        case .integration: LocalizedText(de: "Integrationsbüro", en: "Integration office")
        case .dpo: LocalizedText(de: "Datenschutzbeauftragte/r", en: "Data protection officer")
        case .admin: LocalizedText(de: "Administration", en: "Administrator")
        }
    }
}
