import Foundation
import Forms
import Retention

/// The policy files, loaded and checked together; any error names file, line and key.
struct PolicyFiles {
    let retention: RetentionPolicy
    let processing: ProcessingRecord
    let disclosureLines: [ProcessingRecord.Text]

    init(_ store: StoreOptions) throws {
        retention = try RetentionPolicy.load(contentsOf: store.policyFile("retention.yaml"))
        processing = try ProcessingRecord.load(contentsOf: store.policyFile("processing.yaml"))
        disclosureLines = []
    }
}
