import Disclosure
import Foundation
import Forms
import Store
import Vault

/// Measures a report run against the crypto floor; `vielfalt bench report` prints the figures.
///
/// The floor is measured in the same run: a sample of sealed records is read into memory first, then
/// opened one after another on one core; floor = records × cost per open ÷ cores. A measurement,
/// not a test: nothing here asserts a time.
public enum ReportBenchmark {
    public struct Figures: Sendable {
        public let records: Int
        public let openSecondsPerRecord: Double
        public let cores: Int
        public let decryptAndCountSeconds: Double
        public let protectSeconds: Double
        public let tableCells: Int
        public let withheldCells: Int
        public let peakResidentBytes: Int

        public var floorSeconds: Double { openSecondsPerRecord * Double(records) / Double(cores) }
    }

    /// - Parameter form: the records of the floor are opened as its newest version.
    public static func run(location: StoreLocation, form reportForm: ReportForm, units: OrgUnits, passphrase: Passphrase,
                           sample: Int = 50_000) throws -> Figures {
        let data = try DataStore.open(location), keystore = try Keystore.open(location)
        let decryptor = try ReportDecryptor(form: reportForm, units: units)
        let unlocked = try keystore.unlock(passphrase)
        let periods = try data.periods()
        let form = reportForm.newest, indicator = reportForm.indicator
        let records = try data.countsByPeriod().values.reduce(0) { $0 + $1.responses + $1.declines }

        // The floor: open `sample` records held in memory, one core, no counting.
        let period = periods[0]
        let secret = try keystore.secretKey(forPeriod: period, unlocked: unlocked)
        var openers: [Data: BatchOpener] = [:]
        for batch in try data.batches(period: period) {
            openers[batch.id] = try BatchOpener(period: period, periodSecret: secret, ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey)))
        }
        var rows: [SealedRow] = []
        try data.forEachSealedChunk(.response, period: period) { chunk in if rows.count < sample { rows += chunk.prefix(sample - rows.count) } }
        let prepared = try rows.map { (ResponseID: try ResponseID(bytes: [UInt8]($0.id)), sealed: [UInt8]($0.sealed), batch: $0.batchID) }
        let floorStart = Date()
        for row in prepared {
            try openers[row.batch]!.open(row.sealed, fieldNames: form.sealedFieldNames,
                                         binding: RecordBinding(responseID: row.ResponseID, formID: form.id, formVersion: form.version, period: period)) { _, _ in }
        }
        let perOpen = Date().timeIntervalSince(floorStart) / Double(max(prepared.count, 1))
        rows = []

        // The report's decryption and counting, as a release runs it.
        let start = Date()
        let atoms = try decryptor.aggregate(data: data, keystore: keystore, unlocked: unlocked, periods: periods,
                                            template: decryptor.template(years: periods), withRecordKeys: false)
        let decryptSeconds = Date().timeIntervalSince(start)

        // Protection of the largest table: years × units × career groups × categories.
        let definition = ReportDefinition(name: "bench", title: LocalizedText(de: "", en: ""), kind: .trend,
                                          indicator: indicator.key, by: ["unit", "career_group"], periods: .all)
        let table = try ReportTableBuilder(definition: definition, indicator: indicator, atoms: atoms, units: units, cellKey: false).countTable()
        let protectStart = Date()
        let protected = try protect(table, policy: DisclosurePolicy())
        let protectSeconds = Date().timeIntervalSince(protectStart)

        return Figures(records: records, openSecondsPerRecord: perOpen, cores: ProcessInfo.processInfo.activeProcessorCount,
                       decryptAndCountSeconds: decryptSeconds, protectSeconds: protectSeconds, tableCells: protected.cells.count,
                       withheldCells: protected.suppressedCells.count, peakResidentBytes: peakResidentBytes())
    }

    /// VmHWM from /proc/self/status: the most resident memory this process ever had.
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }
}
