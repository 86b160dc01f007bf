import Foundation
import Forms
import Reports
import Retention

/// The admin's checks of the files an installation reads: each file on its own, so that one broken
/// file does not hide the state of the others. Nothing needs an open store.
public enum FileCheck {
    /// Each policy file: nil when it loads, else its error (file, line and key when known).
    public static func policies(_ directory: URL) -> [(file: String, error: InputError?)] {
        Policies.files.map { name in
            do {
                switch name {
                case "retention.yaml": _ = try Policies.file(name, in: directory) { try RetentionPolicy.load(contentsOf: $0) }
                case "processing.yaml": _ = try Policies.file(name, in: directory) { try ProcessingRecord.load(contentsOf: $0) }
                case "dpia.yaml": _ = try Policies.dpia(directory)
                default: _ = try Policies.disclosure(directory)
                }
                return (name, nil)
            } catch {
                return (name, Policies.named(error, file: directory.appendingPathComponent(name).path))
            }
        }
    }

    /// Each form file of a forms directory: its definition, or its error.
    public static func forms(_ directory: URL) -> [(file: String, result: Result<FormDefinition, InputError>)] {
        FormDirectory.formFileNames(in: directory).map { name in
            let url = directory.appendingPathComponent(name)
            do { return (name, .success(try FormDefinition.load(contentsOf: url))) } catch {
                return (name, .failure(Policies.named(error, file: url.path)))
            }
        }
    }
}
