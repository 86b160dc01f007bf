import ArgumentParser
import Foundation
import Forms
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Release protected baseline and trend figures (statistics unit; needs the passphrase).",
        discussion: "Every run is a release: it is recorded in the release ledger and protected against differencing with all earlier releases.",
        subcommands: [ReportBaseline.self, ReportTrend.self, ReportRunFile.self, ReportList.self])
}

/// Options every report shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "migration_background, immigration_history or foreign_national.") var indicator = "migration_background"
    @Option(help: "Grouping, comma-separated: unit, career_group, employment (at most two).") var by = "unit"
    @Option(help: "json, csv, md or html.") var format: ReportFormat = .md
    @Option(help: "de or en: language, and for CSV the dialect (de: semicolon, decimal comma, BOM).") var locale = "de"
    @Option(help: "Write to this file (mode 0600) instead of standard output.") var out: String?

    var grouping: [String] { by.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
}

extension ReportOptions {
    func release(_ definition: ReportDefinition, store: StoreOptions, passphrase: PassphraseOptions) throws {
        guard ["de", "en"].contains(locale) else {
            throw InputError(field: "locale", english: "locale must be de or en", german: "locale muss de oder en sein.")
        }
        let (forms, units) = try store.loadForms()
        let policies = try PolicyFiles(store)
        let reference = try ReferenceShares.load(contentsOf: URL(fileURLWithPath: "reports/reference.yaml"))
        let run = ReportRun(location: store.location, forms: forms, units: units, disclosure: policies.disclosure,
                            reference: reference, actor: store.actor("statistics"))
        let (report, loss) = try run.releaseMeasured(definition, passphrase: passphrase.read())
        let text = switch format {
        case .json: report.json()
        case .csv: report.csv(locale: locale)
        case .md: report.markdown(language: locale)
        case .html: report.html(language: locale)
        }
        try write(text, to: out)
        note("released as \(report.release) / veröffentlicht als \(report.release)")
        // The statistics unit's own terminal: how much the release withheld, and why.
        note("withheld / zurückgehalten: \(loss.summary)")
    }

    func definition(kind: ReportDefinition.Kind, periods: ReportDefinition.Periods, store: StoreOptions) throws -> ReportDefinition {
        let form = try ReportForm(indicator: indicator, in: store.loadForms().forms).newest
        guard let indicator = form.indicator(indicator) else {
            throw InputError(field: "indicator", english: "unknown indicator (known: \(form.indicators.map(\.key).joined(separator: ", ")))",
                             german: "Unbekanntes Merkmal (bekannt: \(form.indicators.map(\.key).joined(separator: ", "))).")
        }
        let by = grouping
        try ReportDefinition.validateGrouping(by)
        let kindText = kind == .baseline ? LocalizedText(de: "Ist-Wert", en: "Baseline") : LocalizedText(de: "Entwicklung", en: "Trend")
        return ReportDefinition(name: kind.rawValue, title: LocalizedText(de: "\(kindText.de): \(indicator.label.de)", en: "\(kindText.en): \(indicator.label.en)"),
                                kind: kind, indicator: indicator.key, by: by, periods: periods)
    }
}

struct ReportBaseline: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baseline", abstract: "The baseline (Ist-Wert) of one hiring year.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var options: ReportOptions
    @Option(help: "The hiring year (default: the latest held).") var year: Int?

    func run() throws {
        try Failure.guarded {
            let definition = try options.definition(kind: .baseline, periods: year.map { .years($0...$0) } ?? .latest, store: store)
            try options.release(definition, store: store, passphrase: passphrase)
        }
    }
}

struct ReportTrend: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trend", abstract: "The trend across hiring years.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var options: ReportOptions
    @Option(help: "First hiring year.") var from: Int?
    @Option(help: "Last hiring year.") var to: Int?

    func run() throws {
        try Failure.guarded {
            let periods: ReportDefinition.Periods
            switch (from, to) {
            case (let a?, let b?) where a <= b: periods = .years(a...b)
            case (nil, nil): periods = .all
            default: throw InputError(field: "from", english: "give both --from and --to, with from ≤ to", german: "--from und --to angeben, mit from ≤ to.")
            }
            try options.release(try options.definition(kind: .trend, periods: periods, store: store), store: store, passphrase: passphrase)
        }
    }
}

struct ReportRunFile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Release a report defined in reports/NAME.yaml.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var options: ReportOptions
    @Argument(help: "The report definition, e.g. reports/baseline.yaml.") var file: String

    func run() throws {
        try Failure.guarded {
            let forms = try store.loadForms().forms
            let definition = try ReportDefinition.load(contentsOf: URL(fileURLWithPath: file), forms: forms)
            try options.release(definition, store: store, passphrase: passphrase)
        }
    }
}

struct ReportList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The releases in the ledger (no figures).")
    @OptionGroup var store: StoreOptions

    func run() throws {
        try Failure.guarded {
            let releases = try DataStore.open(store.location).releases()
            if releases.isEmpty { print("no releases yet / noch keine Veröffentlichungen") }
            for r in releases {
                print("\(r.id)\t\(r.day)\t\(r.role) \(r.user)\t\(r.report)\t\(r.indicator)\t\(r.periods)\tcells \(r.cellCount), withheld \(r.suppressedCount)")
            }
        }
    }
}
