import ArgumentParser
import Operations
import Foundation
import Forms
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Release protected baseline, trend and monitoring figures (statistics unit; needs the passphrase or two keyholders).",
        discussion: "Every run is a release: it is recorded in the release ledger and protected against differencing with all earlier releases.",
        subcommands: [ReportBaseline.self, ReportTrend.self, ReportRunFile.self, ReportMonitoring.self, ReportList.self])
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
    /// Releases through the installation and writes the chosen rendering.
    func release(_ definition: (Installation) throws -> ReportDefinition, store: StoreOptions, unlock: UnlockOptions) throws {
        guard ["de", "en"].contains(locale) else {
            throw InputError(field: "locale", english: "locale must be de or en", german: "locale muss de oder en sein.")
        }
        let installation = try store.installation()
        let (report, loss, timings) = try installation.release(try definition(installation), unlock: unlock.read(installation), by: store.actor("statistics"))
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
        note(timings.summary)
    }

    /// The standard report of `kind` with this command's indicator and grouping.
    func standard(_ kind: ReportDefinition.Kind, periods: ReportDefinition.Periods) -> (Installation) throws -> ReportDefinition {
        { try $0.definition(kind, indicator: indicator, by: grouping, periods: periods) }
    }
}

struct ReportBaseline: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baseline", abstract: "The baseline (Ist-Wert) of one hiring year.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions
    @OptionGroup var options: ReportOptions
    @Option(help: "The hiring year (default: the latest held).") var year: Int?

    func run() throws {
        try Failure.guarded {
            try options.release(options.standard(.baseline, periods: year.map { .years($0...$0) } ?? .latest), store: store,
                                unlock: unlock)
        }
    }
}

struct ReportTrend: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trend", abstract: "The trend across hiring years.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions
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
            try options.release(options.standard(.trend, periods: periods), store: store, unlock: unlock)
        }
    }
}

struct ReportRunFile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Release a report defined in reports/NAME.yaml.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var unlock: UnlockOptions
    @OptionGroup var options: ReportOptions
    @Argument(help: "The report definition, e.g. reports/baseline.yaml.") var file: String

    func run() throws {
        try Failure.guarded {
            try options.release({ try $0.definition(file: URL(fileURLWithPath: file)) }, store: store, unlock: unlock)
        }
    }
}

struct ReportList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The releases in the ledger (no figures).")
    @OptionGroup var store: StoreOptions

    func run() throws {
        try Failure.guarded {
            let releases = try store.installation().releases()
            if releases.isEmpty { print("no releases yet / noch keine Veröffentlichungen") }
            for r in releases {
                print("\(r.id)\t\(r.day)\t\(r.role) \(r.user)\t\(r.report)\t\(r.indicator)\t\(r.periods)\tcells \(r.cellCount), withheld \(r.suppressedCount)")
            }
        }
    }
}
