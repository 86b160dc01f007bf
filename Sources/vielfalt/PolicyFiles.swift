import Foundation
import Forms
import Reports
import Retention

/// The policy files, loaded and checked together; any error names file, line and key.
struct PolicyFiles {
    let retention: RetentionPolicy
    let processing: ProcessingRecord
    let disclosure: DisclosurePolicyFile

    init(_ store: StoreOptions) throws {
        retention = try RetentionPolicy.load(contentsOf: store.policyFile("retention.yaml"))
        processing = try ProcessingRecord.load(contentsOf: store.policyFile("processing.yaml"))
        disclosure = try DisclosurePolicyFile.load(directory: URL(fileURLWithPath: store.policy))
    }

    var disclosureLines: [LocalizedText] { disclosure.sentences }
}
