import ArgumentParser
import Foundation
import Store

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure import throughput and the per-record open cost on synthetic data.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Number of synthetic responses to import.") var responses: Int = 1_000_000

    func run() throws {
        try Failure.guarded {
            let (forms, units) = try store.loadForms()
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vielfalt-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let f = try IntakeBenchmark.run(responses: responses, directory: directory,
                                            form: forms.first { $0.id == "migration-background" }!, units: units)
            let cores = ProcessInfo.processInfo.activeProcessorCount
            print("""
                responses imported:        \(f.responses)
                import wall time:          \(String(format: "%.2f", f.importSeconds)) s (\(Int(f.importPerSecond)) responses/s, \(cores) cores)
                database size:             \(f.databaseBytes / 1_048_576) MiB (\(f.databaseBytes / Int64(max(f.responses, 1))) bytes/response)
                open one record (batch):   \(String(format: "%.2f", f.openSecondsPerRecord * 1e6)) µs (\(f.openedRecords) records, one core)
                X25519 key agreement:      \(String(format: "%.2f", f.keyAgreementSeconds * 1e6)) µs (what a sealed box per response would add to each open)
                crypto floor, 1,000,000:   \(String(format: "%.2f", f.openSecondsPerRecord * 1_000_000 / Double(cores))) s with batches, \
                \(String(format: "%.2f", (f.openSecondsPerRecord + f.keyAgreementSeconds) * 1_000_000 / Double(cores))) s with a sealed box per response
                """)
        }
    }
}
