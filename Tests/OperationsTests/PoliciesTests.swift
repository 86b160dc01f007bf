import Foundation
import Forms
import Operations
import Testing
import TestSupport

/// The one loader of the policy directory: every file, and errors that name the file.
@Suite struct PoliciesTests {
    @Test func theShippedPoliciesLoad() throws {
        let policies = try Policies.load(Repository.policyDirectory)
        #expect(policies.disclosure.policy.minCell > 0)
        #expect(FileCheck.policies(Repository.policyDirectory).allSatisfy { $0.error == nil })
    }

    @Test func aBrokenFileIsNamedAndTheOthersStillCheck() throws {
        let directory = try temporaryDirectory("policy")
        for name in Policies.files {
            try FileManager.default.copyItem(at: Repository.policyDirectory.appendingPathComponent(name),
                                             to: directory.appendingPathComponent(name))
        }
        for extra in try FileManager.default.contentsOfDirectory(atPath: Repository.policyDirectory.path) where !Policies.files.contains(extra) {
            try FileManager.default.copyItem(at: Repository.policyDirectory.appendingPathComponent(extra), to: directory.appendingPathComponent(extra))
        }
        try Data("version: 1\nkeep: [\n".utf8).write(to: directory.appendingPathComponent("retention.yaml"))
        #expect {
            _ = try Policies.load(directory)
        } throws: { error in
            (error as? InputError)?.file?.hasSuffix("retention.yaml") == true
        }
        let checked = FileCheck.policies(directory)
        #expect(checked.map(\.file) == Policies.files)
        #expect(checked[0].error?.file?.hasSuffix("retention.yaml") == true)
        #expect(checked[1].error == nil && checked[2].error == nil)
    }

    @Test func aMissingReferenceFileMeansNoReference() throws {
        #expect(try Policies.reference(try temporaryDirectory("reports")).byIndicator.isEmpty)
    }
}
