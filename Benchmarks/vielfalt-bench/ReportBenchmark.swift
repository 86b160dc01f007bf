import Foundation
import Forms
import Reports
import Store
import Vault

/// Measures a release against the crypto floor; `vielfalt-bench report` prints the figures.
///
/// The floor is measured in the same run: a sample of sealed records is read into memory first, then
/// opened one after another on one core; floor = records × cost per open ÷ cores. The release is a
/// real one (a trend by unit and career group over every year held) on the benchmark store, timed
/// by its own phases. A measurement, not a test: nothing here asserts a time.
enum ReportBenchmark {
    struct Figures: Sendable {
        let records: Int
        let openSecondsPerRecord: Double
        let cores: Int
        let timings: ReleaseTimings
        let tableCells: Int
        let withheldCells: Int
        let peakResidentBytes: Int

        var floorSeconds: Double { openSecondsPerRecord * Double(records) / Double(cores) }
    }

    static func run(location: StoreLocation, directory: FormDirectory, policy: URL, passphrase: Passphrase,
                    sample: Int = 50_000) throws -> Figures {
        let data = try DataStore.open(location), keystore = try Keystore.open(location)
        guard let form = directory.forms.first(where: { $0.indicator("migration_background") != nil }) else {
            throw BenchError("no form of \(directory.forms.map(\.id)) defines migration_background")
        }
        let periods = try data.periods()
        guard let period = periods.first else { throw BenchError("the store holds no responses") }
        let records = try data.countsByPeriod().values.reduce(0) { $0 + $1.responses + $1.declines }

        // The floor: open `sample` records held in memory, one core, no counting.
        let unlocked = try keystore.unlock(passphrase)
        let secret = try keystore.secretKey(forPeriod: period, unlocked: unlocked)
        var openers: [Data: BatchOpener] = [:]
        for batch in try data.batches(period: period) {
            openers[batch.id] = try BatchOpener(period: period, periodSecret: secret, ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey)))
        }
        var rows: [SealedRow] = []
        try data.forEachSealedChunk(.response, period: period) { chunk in if rows.count < sample { rows += chunk.prefix(sample - rows.count) } }
        let prepared = try rows.map { (id: try ResponseID(bytes: [UInt8]($0.id)), sealed: [UInt8]($0.sealed), batch: $0.batchID) }
        rows = []
        let floorStart = Date()
        for row in prepared {
            guard let opener = openers[row.batch] else { throw BenchError("a row without its entry batch") }
            try opener.open(row.sealed, fieldNames: form.sealedFieldNames,
                            binding: RecordBinding(responseID: row.id, formID: form.id, formVersion: form.version, period: period)) { _, _ in }
        }
        let perOpen = Date().timeIntervalSince(floorStart) / Double(max(prepared.count, 1))

        // A release of the largest table: years × units × career groups × categories.
        let run = ReportRun(data: data, keystore: keystore, forms: directory.forms, units: directory.units,
                            disclosure: try DisclosurePolicyFile.load(directory: policy), actor: Actor(role: "statistics", user: "bench"))
        let definition = try ReportDefinition.standard(.trend, indicator: ReportForm(indicator: "migration_background", in: directory.forms).indicator,
                                                       by: ["unit", "career_group"], periods: .all)
        let (report, _, timings) = try run.releaseMeasured(definition, passphrase: passphrase)
        return Figures(records: records, openSecondsPerRecord: perOpen, cores: ProcessInfo.processInfo.activeProcessorCount,
                       timings: timings, tableCells: report.cells.count,
                       withheldCells: report.cells.filter { $0.count == nil }.count, peakResidentBytes: peakResidentKiB() * 1024)
    }

}
