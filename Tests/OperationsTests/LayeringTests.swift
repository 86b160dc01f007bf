import Foundation
import Testing
import TestSupport

/// The module map of the README, checked on the sources: dependencies point one way, and only
/// Store knows which database engine keeps the data.
@Suite struct LayeringTests {
    static func sources(of module: String) throws -> [(name: String, text: String)] {
        let directory = Repository.root.appendingPathComponent("Sources/\(module)")
        let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try files.map { ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test(arguments: ["Vault", "Forms", "Disclosure", "Reports", "Retention", "Operations", "WebApp", "vielfalt", "Demo"])
    func noModuleButStoreImportsTheDatabaseEngine(_ module: String) throws {
        for file in try Self.sources(of: module) {
            #expect(!file.text.contains("import GRDB"), "\(module)/\(file.name) imports GRDB")
        }
    }

    @Test func storeImportsTheEngineOnlyInternally() throws {
        for file in try Self.sources(of: "Store") where file.text.contains("import GRDB") {
            #expect(file.text.contains("internal import GRDB"), "Store/\(file.name) imports GRDB publicly")
        }
    }

    /// The front ends translate; the use cases are the installation's. A front end that opens a
    /// store, runs a report or a purge itself writes a use case a second time.
    @Test(arguments: ["WebApp", "vielfalt"])
    func frontEndsDoNotRunUseCasesThemselves(_ module: String) throws {
        let forbidden = ["DataStore.open", "Keystore.open", "Intake(", "ReportRun(", "RetentionAudit.run", "Purge.run", "Purge.plan",
                         "Refusals.record", "UserStore.open(directory: configuration"]
        for file in try Self.sources(of: module) {
            for call in forbidden { #expect(!file.text.contains(call), "\(module)/\(file.name) calls \(call)") }
        }
    }
}
