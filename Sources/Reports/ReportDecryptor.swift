import Foundation
import Forms
import Store
import Vault

/// Opens every sealed row of the requested periods in memory and counts it into an ``AtomTable``.
///
/// Rows stream from the database in chunks; each chunk is opened on every core while the next is
/// read. Plaintext never leaves the decoding closure: only atom numbers and record keys come out.
struct ReportDecryptor {
    /// Rows of other forms belong to other questionnaires and are not opened.
    let formID: String
    let axes: AtomAxes
    /// A record decoder per version of the report form, keyed `form#version`; declines under their
    /// binding form id.
    let decoders: [String: RecordDecoder]

    /// Builds every version's decoder first, so that a version the report cannot count is an error
    /// before anything is decrypted.
    init(form: ReportForm, units: OrgUnits) throws {
        formID = form.id
        axes = AtomAxes(form: form, units: units)
        var decoders: [String: RecordDecoder] = [:]
        for version in form.versions {
            let decoder = try RecordDecoder(codebook: Codebook(form: version, units: units), indicatorKey: form.indicator.key, axes: axes)
            decoders["\(version.id)#\(version.version)"] = decoder
            decoders["\(SealedDecline.bindingFormID(version.id))#\(version.version)"] = decoder
        }
        self.decoders = decoders
    }

    /// An empty atom table for `years`.
    func template(years: [Int], baseEpochs: [Int]? = nil) -> AtomTable {
        AtomTable(years: years, axes: axes, baseEpochs: baseEpochs)
    }

    /// - Parameters:
    ///   - withRecordKeys: compute record keys (only the Cell Key Method needs them).
    ///   - sources: also count who typed each row into ``AtomTable/typedByHR`` and
    ///     ``AtomTable/typedAlone``.
    func aggregate(data: DataStore, keystore: Keystore, unlocked: UnlockedKeystore, periods: [Int],
                   template: AtomTable, withRecordKeys: Bool = true, sources: Bool = false) throws -> AtomTable {
        var atoms = template
        let recordKeys = unlocked.recordKeys()
        for (yearIndex, period) in template.years.enumerated() where periods.contains(period) {
            let batches = try self.batches(data: data, keystore: keystore, unlocked: unlocked, period: period, sources: sources)
            let openers = batches.mapValues(\.opener), epochs = batches.mapValues(\.epoch)
            for table in [DataStore.SealedTable.response, .decline] {
                let job = ChunkJob(formID: formID, openers: openers, epochs: epochs, sources: sources ? batches.compactMapValues(\.source) : nil,
                                   decoders: decoders, recordKeys: withRecordKeys ? recordKeys : nil,
                                   atoms: template, yearIndex: yearIndex, period: period, declines: table == .decline)
                var pending: BackgroundMap<AtomTable>?
                try data.forEachSealedChunk(table, period: period) { chunk in
                    let next = BackgroundMap(Self.split(chunk)) { try job.count($0) }
                    if let previous = pending { for partial in previous.wait() { atoms.merge(try partial.get()) } }
                    pending = next
                }
                if let previous = pending { for partial in previous.wait() { atoms.merge(try partial.get()) } }
            }
        }
        return atoms
    }

    /// Every entry batch of a period: the key to open its rows, its entry epoch and, when `sources`
    /// (the run models HR as a reader: one more opening per batch), who typed it.
    func batches(data: DataStore, keystore: Keystore, unlocked: UnlockedKeystore, period: Int,
                 sources: Bool = false) throws -> [Data: (opener: BatchOpener, epoch: Int, source: AnswerSource?)] {
        let secret = try keystore.secretKey(forPeriod: period, unlocked: unlocked)
        var result: [Data: (opener: BatchOpener, epoch: Int, source: AnswerSource?)] = [:]
        for batch in try data.batches(period: period) {
            let opener = try BatchOpener(period: period, periodSecret: secret,
                                         ephemeralPublicKey: PublicKey(bytes: [UInt8](batch.ephemeralPublicKey)))
            result[batch.id] = (opener, try EntryEpoch.open(batch, with: opener), sources ? try AnswerSource.open(batch, with: opener) : nil)
        }
        return result
    }

    /// One slice per core, so each worker counts into its own table.
    static func split(_ rows: [SealedRow]) -> [ArraySlice<SealedRow>] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = (rows.count + workers - 1) / workers
        return stride(from: 0, to: rows.count, by: max(size, 1)).map { rows[$0..<min($0 + size, rows.count)] }
    }
}

/// What a worker needs to count a slice of rows; read-only, shared by all workers.
struct ChunkJob: Sendable {
    let formID: String
    let openers: [Data: BatchOpener]
    /// The entry epoch of each batch.
    let epochs: [Data: Int]
    /// Who typed each batch, when the run counts it.
    let sources: [Data: AnswerSource]?
    let decoders: [String: RecordDecoder]
    let recordKeys: RecordKeys?
    let atoms: AtomTable
    let yearIndex: Int
    let period: Int
    let declines: Bool

    func count(_ rows: ArraySlice<SealedRow>) throws -> AtomTable {
        var counted = atoms
        let declinedCategory = atoms.categories.count - 1
        // Rows of one form and version follow each other: look the decoder up only when they change.
        var current: (formID: String, version: Int, binding: String, decoder: RecordDecoder, fields: [String])?
        for row in rows where row.formID == formID {
            let epoch = epochs[row.batchID] ?? 0
            let source = sources.map { $0[row.batchID] ?? .hr }
            if current == nil || current!.formID != row.formID || current!.version != row.formVersion {
                let binding = declines ? SealedDecline.bindingFormID(row.formID) : row.formID
                guard let decoder = decoders["\(binding)#\(row.formVersion)"] else {
                    throw VaultError.malformed(what: "a row of unknown form \(row.formID) version \(row.formVersion)")
                }
                let fields = declines ? decoder.contextFieldNames : decoder.fieldNames
                current = (row.formID, row.formVersion, binding, decoder, fields)
            }
            let bindingForm = current!.binding, decoder = current!.decoder, fieldNames = current!.fields
            guard let opener = openers[row.batchID] else { throw VaultError.malformed(what: "a row without its entry batch") }
            let id = try ResponseID(bytes: [UInt8](row.id))
            var unit = 0, career = 0, employment = 0, answers = 0
            try opener.open(row.sealed, fieldNames: fieldNames,
                            binding: RecordBinding(responseID: id, formID: bindingForm, formVersion: row.formVersion, period: period)) { field, bytes in
                let role = decoder.roles[field]
                if role == .unused { return }
                let code = try decoder.value(bytes, field: field)
                switch role {
                case .unit: unit = code
                case .career: career = code
                case .employment: employment = code
                case .item(let item): answers = answers * decoder.itemRadix[item] + code
                case .unused: break
                }
            }
            let category = declines ? declinedCategory : Int(decoder.categoryTable[answers])
            let isLate = epoch > counted.baseEpochs[yearIndex]
            let context = AtomTable.Entered(year: yearIndex, unit: unit, career: career, employment: employment, epoch: isLate ? epoch : 0)
            if isLate { counted.entered[context, default: 0] += 1 }
            switch source {
            case .hr?: counted.typedByHR[.init(context: context, version: row.formVersion, answers: declines ? nil : answers), default: 0] += 1
            case .respondent?: counted.typedAlone[context, default: 0] += 1
            case nil: break
            }
            counted.add(counted.index(year: yearIndex, unit: unit, career: career, employment: employment, category: category),
                        recordKey: recordKeys?.key(for: id) ?? 0)
        }
        return counted
    }
}
