import Foundation
import Forms
import Reports
import Retention

/// The policy files of a policy directory, loaded and checked together; any error names file, line
/// and key. The one loader of `retention.yaml`, `processing.yaml`, `disclosure.yaml` and the optional
/// `dpia.yaml`.
public struct Policies: Sendable {
    public let retention: RetentionPolicy
    public let processing: ProcessingRecord
    public let disclosure: DisclosurePolicyFile
    /// What people wrote into the DPIA; ``DPIAReview/empty`` without `dpia.yaml`.
    public let dpia: DPIAReview

    public static let files = ["retention.yaml", "processing.yaml", "disclosure.yaml", "dpia.yaml"]

    /// Every file of `directory`; the first broken one is an error naming it.
    public static func load(_ directory: URL) throws -> Policies {
        Policies(retention: try file("retention.yaml", in: directory) { try RetentionPolicy.load(contentsOf: $0) },
                 processing: try file("processing.yaml", in: directory) { try ProcessingRecord.load(contentsOf: $0) },
                 disclosure: try disclosure(directory), dpia: try dpia(directory))
    }

    /// The files the audit and the purge need, without `dpia.yaml` (left ``DPIAReview/empty``): a
    /// slip in the DPIA's human texts must never hold up an audit or an erasure.
    public static func withoutDPIA(_ directory: URL) throws -> Policies {
        Policies(retention: try file("retention.yaml", in: directory) { try RetentionPolicy.load(contentsOf: $0) },
                 processing: try file("processing.yaml", in: directory) { try ProcessingRecord.load(contentsOf: $0) },
                 disclosure: try disclosure(directory), dpia: .empty)
    }

    /// `dpia.yaml`, optional: an installation starts without one, and the DPIA then shows every
    /// field only people can fill in as open. Present but broken is an error like any other file's.
    public static func dpia(_ directory: URL) throws -> DPIAReview {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("dpia.yaml").path) else { return .empty }
        return try file("dpia.yaml", in: directory) { try DPIAReview.load(contentsOf: $0) }
    }

    /// `disclosure.yaml` alone: all a release needs.
    public static func disclosure(_ directory: URL) throws -> DisclosurePolicyFile {
        try file("disclosure.yaml", in: directory) { _ in try DisclosurePolicyFile.load(directory: directory) }
    }

    /// The reference shares of `reports/reference.yaml` (none when the file is absent).
    public static func reference(_ reports: URL) throws -> ReferenceShares {
        try file("reference.yaml", in: reports) { try ReferenceShares.load(contentsOf: $0) }
    }

    /// `reports/monitoring.yaml`, checked against the forms and `reports/reference.yaml`; nil when
    /// the file is absent.
    public static func monitoring(_ reports: URL, forms: [FormDefinition]) throws -> MonitoringPlan? {
        let reference = try reference(reports)
        guard FileManager.default.fileExists(atPath: reports.appendingPathComponent(MonitoringPlan.fileName).path) else { return nil }
        return try file(MonitoringPlan.fileName, in: reports) { try MonitoringPlan.load(contentsOf: $0, forms: forms, references: reference) }
    }

    /// Loads one file; an error that does not name its file yet is made to.
    static func file<T>(_ name: String, in directory: URL, _ load: (URL) throws -> T) throws -> T {
        let url = directory.appendingPathComponent(name)
        do { return try load(url) } catch { throw named(error, file: url.path) }
    }

    /// Any loading error as an `InputError` that names the file.
    public static func named(_ error: any Error, file: String) -> InputError {
        if let error = error as? InputError { return error.located(file: file, line: nil) }
        return InputError(file: file, english: "the file cannot be read", german: "Die Datei kann nicht gelesen werden.")
    }
}
