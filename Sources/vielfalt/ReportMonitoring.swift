import ArgumentParser
import Forms
import Operations
import Reports

struct ReportMonitoring: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitoring",
        abstract: "Release the monitoring of reports/monitoring.yaml: each goal's figures, status and gaps.",
        discussion: "Each goal's table is released through disclosure control and recorded in the release ledger like any other report; the monitoring is made of those tables alone and stored for the integration office's dashboard.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions
    @Option(help: "json, csv, md or html (html: the printable A4 report for the council).") var format: ReportFormat = .md
    @Option(help: "de or en: language, and for CSV the dialect (de: semicolon, decimal comma, BOM).") var locale = "de"
    @Option(help: "Write to this file (mode 0600) instead of standard output.") var out: String?
    @Option(name: .customLong("reports"), help: "The reports directory with monitoring.yaml and reference.yaml.") var reportsDirectory = "reports"

    func run() throws {
        try Failure.guarded {
            guard ["de", "en"].contains(locale) else {
                throw InputError(field: "locale", english: "locale must be de or en", german: "locale muss de oder en sein.")
            }
            let installation = try Installation.open(store.directories(reports: reportsDirectory))
            let (monitoring, id) = try installation.releaseMonitoring(unlock: unlock.read(installation), by: store.actor("statistics"))
            let text = switch format {
            case .json: monitoring.json()
            case .csv: monitoring.csv(locale: locale)
            case .md: monitoring.markdown(language: locale)
            case .html: monitoring.html(language: locale)
            }
            try write(text, to: out)
            let new = monitoring.newReleases
            note("monitoring \(id) released from \(new.count) release(s) / Monitoring \(id) aus \(new.count) Veröffentlichung(en) freigegeben: \(new.joined(separator: ", "))")
        }
    }
}
