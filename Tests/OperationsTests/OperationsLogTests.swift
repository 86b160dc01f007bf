import Foundation
import Forms
import Logging
@testable import Operations
import Store
import Testing
import TestSupport
import Vault

@Suite struct OperationsLogTests {
    static let dpo = Actor(role: "dpo", user: "dora"), clerk = Actor(role: "hr", user: "clerk")

    @Test func operationsLogTheirFactsAsMetadataAndNoSecret() throws {
        let demo = try DemoFixture(hires: 600)
        let capture = LogCapture()
        let installation = try Installation.open(.init(data: demo.location.directory, forms: Repository.formsDirectory,
                                                       policy: Repository.policyDirectory, reports: Repository.root.appendingPathComponent("reports")),
                                                 passwordStrength: .minimum, logger: capture.logger)
        let code = try installation.enter(RestoreTests.raw, by: Self.clerk)
        var ids: [Data] = []
        try DataStore.open(installation.directories.location).forEachSealedResponse(period: 2025) { ids.append($0.id) }
        #expect(try installation.withdraw(code, by: Self.clerk))
        #expect(capture.lines.isEmpty, "an entry or a withdrawal logs nothing: its time would tell who")

        let passphrase = try Passphrase(DemoFixture.passphrase)
        _ = try installation.backupKeystore(to: try temporaryDirectory("keys").appendingPathComponent("k.vfkb"), passphrase: passphrase, by: Self.dpo)
        let outcome = try installation.purge(by: Self.dpo)
        let request = try InstallationTests.baselineRequest(installation)
        #expect(installation.releaseRequest(request.id, passphrase: passphrase, by: "statistics") == .released)

        func line(_ operation: String) throws -> LogCapture.Line {
            try #require(capture.lines.first { $0.metadata["operation"] == .string(operation) })
        }
        let backup = try line("keystore backed up")
        #expect(backup.level == .info && backup.metadata["backup"] == .string("K1") && backup.metadata["generation"] == .stringConvertible(1))
        let purge = try line("purge done")
        #expect(purge.message == "purge done")
        #expect(purge.metadata["periods_purged"] == .array([.stringConvertible(2020)]))
        #expect(purge.metadata["responses_deleted"] == .stringConvertible(outcome.steps.reduce(0) { $0 + $1.responses }))
        #expect(purge.metadata["as_of"] == .string(AuditDay.today()))
        let rotation = try line("master key rotated")
        #expect(rotation.metadata["generation"] == .stringConvertible(3))
        let release = try line("report released")
        #expect(release.metadata["release"] == .string(try #require(installation.request(request.id)?.releaseID)))
        #expect(release.metadata["periods"] == .array([.stringConvertible(2025)]))

        let rendered = capture.lines.map { "\($0.message) \($0.metadata)" }
        let secrets = [DemoFixture.passphrase, code.formatted, code.formatted.replacingOccurrences(of: "-", with: "")]
            + ids.flatMap { [Digest.hex([UInt8]($0)), String(decoding: $0, as: UTF8.self)] }
        for text in rendered {
            for secret in secrets { #expect(!text.contains(secret), "\(text)") }
            #expect(!text.lowercased().contains("withdr"), "\(text)")
        }
    }
}
