import ArgumentParser
import Foundation
import Forms
import Reports
import Store
import Vault

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure import throughput, the cost of opening a record and a report run (release build recommended).",
        subcommands: [BenchImport.self, BenchReport.self])
}

struct BenchImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import N synthetic responses (40 units, six years) into DIR/store; DIR/forms holds their units.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Number of synthetic responses.") var responses = 1_000_000
    @Option(help: "Directory to build the benchmark store in (must not exist).") var into: String

    func run() throws {
        try Failure.guarded {
            let directory = URL(fileURLWithPath: into)
            guard !FileManager.default.fileExists(atPath: directory.path) else {
                throw InputError(file: directory.path, english: "already exists: the benchmark builds a new store",
                                 german: "Existiert bereits: Der Benchmark legt einen neuen Speicher an.")
            }
            // The form is read before anything is created, so a wrong --forms leaves nothing behind.
            let source = URL(fileURLWithPath: store.forms).appendingPathComponent("migration-background.yaml")
            let form = try FormDefinition.load(contentsOf: source)
            let formsDirectory = directory.appendingPathComponent("forms")
            try FileManager.default.createDirectory(at: formsDirectory, withIntermediateDirectories: true)
            try Data(IntakeBenchmark.syntheticUnits(count: 40).utf8).write(to: formsDirectory.appendingPathComponent("units.yaml"))
            try FileManager.default.copyItem(at: source, to: formsDirectory.appendingPathComponent("migration-background.yaml"))
            let units = try OrgUnits.load(contentsOf: formsDirectory.appendingPathComponent("units.yaml"))
            let f = try IntakeBenchmark.run(responses: responses, directory: directory, form: form, units: units)
            print("""
                responses imported:     \(f.responses)
                import wall time:       \(String(format: "%.2f", f.importSeconds)) s = \(Int(f.importPerSecond)) responses/s on \(ProcessInfo.processInfo.activeProcessorCount) cores
                database size:          \(f.databaseBytes / 1_048_576) MiB (\(f.databaseBytes / Int64(max(f.responses, 1))) bytes/response)
                X25519 key agreement:   \(String(format: "%.1f", f.keyAgreementSeconds * 1e6)) µs (a sealed box per response would add this to every open)
                next: vielfalt bench report --data \(directory.appendingPathComponent("store").path) --forms \(formsDirectory.path)
                """)
        }
    }
}

struct BenchReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Time a report's decryption against the crypto floor, the protection of the largest table, and peak memory.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try Failure.guarded {
            let (forms, units) = try store.loadForms()
            let f = try ReportBenchmark.run(location: store.location, form: ReportForm(indicator: "migration_background", in: forms), units: units,
                                            passphrase: Passphrase(IntakeBenchmark.passphrase))
            print("""
                records:                \(f.records)
                open one record:        \(String(format: "%.2f", f.openSecondsPerRecord * 1e6)) µs (one core, records in memory)
                crypto floor:           \(String(format: "%.2f", f.floorSeconds)) s (records × open ÷ \(f.cores) cores)
                decrypt and count:      \(String(format: "%.2f", f.decryptAndCountSeconds)) s = \(String(format: "%.2f", f.decryptAndCountSeconds / f.floorSeconds)) × the floor
                protect largest table:  \(String(format: "%.2f", f.protectSeconds)) s (\(f.tableCells) cells, \(f.withheldCells) withheld)
                peak resident memory:   \(f.peakResidentBytes / 1_048_576) MiB
                """)
        }
    }
}
