import Foundation
import Forms
import Store
import Vault

/// `vielfalt-bench import` and `vielfalt-bench report`: the entry path and one release, measured.
enum MeasureCommands {
    static let usage = """
        usage: vielfalt-bench import --into DIR [--responses N] [--forms DIR]
               vielfalt-bench report --data DIR/store --forms DIR/forms [--policy DIR]
        """

    /// Imports N synthetic responses (40 units, six years) into DIR/store; DIR/forms holds their units.
    static func importEntries(_ arguments: [String]) throws {
        var options = try flags(arguments, allowed: ["--into", "--responses", "--forms"])
        guard let into = options["--into"] else { throw BenchError("--into is required\n\(usage)") }
        let responses = try options.removeValue(forKey: "--responses").map { text -> Int in
            guard let n = Int(text), n > 0 else { throw BenchError("--responses needs a positive number") }
            return n
        } ?? 1_000_000
        let directory = URL(fileURLWithPath: into)
        guard !FileManager.default.fileExists(atPath: directory.path) else {
            throw InputError(file: directory.path, english: "already exists: the benchmark builds a new store",
                             german: "Existiert bereits: Der Benchmark legt einen neuen Speicher an.")
        }
        // The form is read before anything is created, so a wrong --forms leaves nothing behind.
        let source = URL(fileURLWithPath: options["--forms"] ?? "forms").appendingPathComponent("migration-background.yaml")
        let form = try FormDefinition.load(contentsOf: source)
        let formsDirectory = directory.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: formsDirectory, withIntermediateDirectories: true)
        try Data(ImportBenchmark.syntheticUnits(count: 40).utf8).write(to: formsDirectory.appendingPathComponent("units.yaml"))
        try FileManager.default.copyItem(at: source, to: formsDirectory.appendingPathComponent("migration-background.yaml"))
        let units = try OrgUnits.load(contentsOf: formsDirectory.appendingPathComponent("units.yaml"))
        let f = try ImportBenchmark.run(responses: responses, directory: directory, form: form, units: units)
        say("""
            responses imported:     \(f.responses)
            import wall time:       \(String(format: "%.2f", f.importSeconds)) s = \(Int(f.importPerSecond)) responses/s on \(ProcessInfo.processInfo.activeProcessorCount) cores
            database size:          \(f.databaseBytes / 1_048_576) MiB (\(f.databaseBytes / Int64(max(f.responses, 1))) bytes/response)
            X25519 key agreement:   \(String(format: "%.1f", f.keyAgreementSeconds * 1e6)) µs (a sealed box per response would add this to every open)
            next: vielfalt-bench report --data \(directory.appendingPathComponent("store").path) --forms \(formsDirectory.path)
            """)
    }

    /// Times a release's decryption against the crypto floor, its protection, and peak memory.
    static func report(_ arguments: [String]) throws {
        let options = try flags(arguments, allowed: ["--data", "--forms", "--policy"])
        guard let data = options["--data"], let forms = options["--forms"] else { throw BenchError("--data and --forms are required\n\(usage)") }
        let f = try ReportBenchmark.run(location: StoreLocation(directory: URL(fileURLWithPath: data)),
                                        directory: try FormDirectory.load(URL(fileURLWithPath: forms)),
                                        policy: URL(fileURLWithPath: options["--policy"] ?? "policy"),
                                        passphrase: Passphrase(ImportBenchmark.passphrase))
        say("""
            records:                \(f.records)
            open one record:        \(String(format: "%.2f", f.openSecondsPerRecord * 1e6)) µs (one core, records in memory)
            crypto floor:           \(String(format: "%.2f", f.floorSeconds)) s (records × open ÷ \(f.cores) cores)
            decrypt and count:      \(String(format: "%.2f", f.timings.counting)) s = \(String(format: "%.2f", f.timings.counting / f.floorSeconds)) × the floor
            protect largest table:  \(String(format: "%.2f", f.timings.protecting)) s (\(f.tableCells) cells, \(f.withheldCells) withheld)
            peak resident memory:   \(f.peakResidentBytes / 1_048_576) MiB
            """)
    }

    /// `--name value` pairs; an unknown flag or a missing value is an error.
    private static func flags(_ arguments: [String], allowed: Set<String>) throws -> [String: String] {
        var result: [String: String] = [:]
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard allowed.contains(name), let value = rest.popFirst() else { throw BenchError("unknown option or missing value: \(name)\n\(usage)") }
            result[name] = value
        }
        return result
    }
}
