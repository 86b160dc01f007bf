import Foundation
import Forms
import Logging
@testable import Operations
import Store
import Testing
import TestSupport
import Vault

/// Every line an installation logs, with its metadata, for tests of what a log may reveal.
final class OperationsLogCapture: @unchecked Sendable {
    struct Line { let level: Logger.Level; let message: String; let metadata: Logger.Metadata }
    private let lock = NSLock()
    private var stored: [Line] = []
    var lines: [Line] { lock.withLock { stored } }
    var logger: Logger { Logger(label: "test") { _ in Handler(capture: self) } }

    struct Handler: LogHandler {
        let capture: OperationsLogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let line = Line(level: event.level, message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 })
            capture.lock.withLock { capture.stored.append(line) }
        }
    }
}

@Suite struct OperationsLogTests {
    static let dpo = Actor(role: "dpo", user: "dora"), clerk = Actor(role: "hr", user: "clerk")

    @Test func operationsLogTheirFactsAsMetadataAndNoSecret() throws {
        let demo = try DemoFixture(hires: 600)
        let capture = OperationsLogCapture()
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

        func line(_ operation: String) throws -> OperationsLogCapture.Line {
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
