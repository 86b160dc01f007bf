import Forms

/// The texts of the monitoring pages.
extension Strings {
    static let monitoring: [String: LocalizedText] = [
        "monitoring_nav": t("Monitoring", "Monitoring"),
        "monitoring_title": t("Monitoring der Zielerreichung", "Monitoring of the goals"),
        "monitoring_none": t("Noch kein Monitoring veröffentlicht. Die Statistikstelle veröffentlicht es mit „vielfalt report monitoring“ oder auf ihrer Seite „Monitoring veröffentlichen“; die Ziele stehen in reports/monitoring.yaml.",
                             "No monitoring released yet. The statistics unit releases it with “vielfalt report monitoring” or on its page “Release the monitoring”; the goals are in reports/monitoring.yaml."),
        "monitoring_downloads": t("Herunterladen und drucken", "Download and print"),
        "monitoring_print": t("Druckfassung für den Ausschuss (A4)", "Printable report for the council (A4)"),
        "monitoring_release_title": t("Zugrunde liegende Veröffentlichung", "Underlying release"),
        "monitoring_back": t("Zurück zum Monitoring", "Back to the monitoring"),
        "monitoring_released_by": t("Veröffentlicht am", "Released on"),
        "monitoring_statistics_title": t("Monitoring veröffentlichen", "Release the monitoring"),
        "monitoring_statistics_intro": t("Veröffentlicht für jedes Ziel aus reports/monitoring.yaml seine Zeitreihe, geprüft gegen alle früheren Veröffentlichungen und im Veröffentlichungsregister verzeichnet; das Integrationsbüro sieht danach das Monitoring.",
                                         "Releases, for every goal of reports/monitoring.yaml, its series, checked against every earlier release and recorded in the release ledger; the integration office then sees the monitoring."),
        "monitoring_statistics_last": t("Zuletzt veröffentlicht", "Last released"),
        "monitoring_statistics_submit": t("Monitoring veröffentlichen", "Release the monitoring"),
        "monitoring_was_released": t("Das Monitoring ist veröffentlicht.", "The monitoring is released."),
    ]
}
