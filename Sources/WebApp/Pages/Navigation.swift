import Store
import Forms

/// The links each role sees in the header and on the home page, in one place.
///
/// A route file that adds pages for a role adds its entry here (reports for `integration`, the
/// release ledger for `statistics`, the audit for `dpo`); the server checks roles on the routes
/// themselves, this list only decides what is shown.
enum Navigation {
    struct Link: Sendable {
        let href: String
        let label: LocalizedText
        let roles: Set<Role>
    }

    static let links: [Link] = [
        Link(href: "/invitations", label: LocalizedText(de: "Einladungen ausstellen", en: "Issue invitations"), roles: [.hr]),
        Link(href: "/entry", label: LocalizedText(de: "Fragebogen erfassen", en: "Enter a questionnaire"), roles: [.hr]),
        Link(href: "/admin/users", label: LocalizedText(de: "Benutzer", en: "Users"), roles: [.admin]),
        Link(href: "/admin/units", label: LocalizedText(de: "Organisationseinheiten", en: "Organisational units"), roles: [.admin]),
        Link(href: "/admin/forms", label: LocalizedText(de: "Fragebögen", en: "Questionnaires"), roles: [.admin]),
        Link(href: "/admin/policy", label: LocalizedText(de: "Richtlinien prüfen", en: "Policy check"), roles: [.admin]),
        Link(href: "/monitoring", label: LocalizedText(de: "Monitoring", en: "Monitoring"), roles: [.integration]),
        Link(href: "/reports", label: LocalizedText(de: "Berichte", en: "Reports"), roles: [.integration]),
        Link(href: "/statistics/requests", label: LocalizedText(de: "Berichtsanfragen", en: "Report requests"), roles: [.statistics]),
        Link(href: "/statistics/monitoring", label: LocalizedText(de: "Monitoring veröffentlichen", en: "Release the monitoring"), roles: [.statistics]),
        Link(href: "/statistics/paper", label: LocalizedText(de: "Fragebögen auf Papier", en: "Paper questionnaires"), roles: [.statistics]),
        Link(href: "/statistics/releases", label: LocalizedText(de: "Veröffentlichungsregister", en: "Release ledger"), roles: [.statistics]),
        Link(href: "/audit", label: LocalizedText(de: "Datenschutz-Prüfung", en: "Data protection audit"), roles: [.dpo]),
        Link(href: "/account/password", label: LocalizedText(de: "Passwort ändern", en: "Change password"), roles: Set(Role.allCases)),
    ]

    static func links(for role: Role?) -> [Link] {
        guard let role else { return [] }
        return links.filter { $0.roles.contains(role) }
    }
}
