import Foundation
import Forms
import Operations
import Reports
import Store
import Testing
import TestSupport
import Vault

/// The use cases as both front ends call them: straight on the installation.
@Suite struct InstallationTests {
    static func open(hires: Int = 600) throws -> Installation {
        let demo = try DemoFixture(hires: hires)
        return try Installation.open(.init(data: demo.location.directory, forms: Repository.formsDirectory,
                                           policy: Repository.policyDirectory, reports: Repository.root.appendingPathComponent("reports")),
                                     passwordStrength: .minimum)
    }

    static func baselineRequest(_ installation: Installation) throws -> ReportRequest {
        try installation.request(ReportRequestForm(kind: "baseline", indicator: "migration_background", by: ["unit"], years: "2025",
                                                   groupingField: { _ in "by" }), by: "integration")
    }

    @Test func aRequestIsReleasedOnceAndAWrongPassphraseChangesNothingButTheLog() throws {
        let installation = try Self.open()
        let request = try Self.baselineRequest(installation)
        #expect(installation.releaseRequest(request.id, passphrase: try Passphrase("falsche-passphrase"), by: "statistics") == .wrongPassphrase)
        #expect(try installation.request(request.id)?.status == .requested)
        #expect(try installation.releases().isEmpty)
        #expect(try installation.logEntries().contains { $0.action == "release passphrase wrong" && $0.user == "statistics" })

        #expect(installation.releaseRequest(request.id, passphrase: try Passphrase(DemoFixture.passphrase), by: "statistics") == .released)
        let released = try #require(try installation.request(request.id))
        #expect(released.status == .released && released.json?.contains("\"cells\"") == true)
        // Stored once, as data; read back, it renders as the release did.
        let stored = try #require(try installation.releasedReport(request.id))
        #expect(stored.report.json() == released.json && stored.report.release == released.releaseID)
        #expect(try installation.releases().map(\.id) == [released.releaseID])
        #expect(installation.releaseRequest(request.id, passphrase: try Passphrase(DemoFixture.passphrase), by: "statistics") == .alreadyDecided)
        #expect(try installation.refuseRequest(request.id, reason: "zu spät", by: "statistics") == false)
    }

    @Test func aRefusalNeedsAReasonAndIsRecordedWithItsCause() throws {
        let installation = try Self.open()
        let request = try Self.baselineRequest(installation)
        for reason in [nil, "  ", String(repeating: "x", count: 501), "a\u{7}b"] {
            #expect(throws: InputError.self) { try installation.refuseRequest(request.id, reason: reason, by: "statistics") }
        }
        #expect(try installation.request(request.id)?.status == .requested)
        #expect(try installation.refuseRequest(request.id, reason: "Bitte nach Laufbahngruppe anfragen.", by: "statistics"))
        let refused = try #require(try installation.request(request.id))
        #expect(refused.status == .refused && refused.reasonGerman == "Bitte nach Laufbahngruppe anfragen.")
    }

    @Test func aRequestForAYearWithoutDataIsRefusedNotFailed() throws {
        let installation = try Self.open()
        let request = try installation.request(ReportRequestForm(kind: "baseline", indicator: "migration_background", by: ["unit"],
                                                                 years: "2001", groupingField: { _ in "by" }), by: "integration")
        #expect(installation.releaseRequest(request.id, passphrase: try Passphrase(DemoFixture.passphrase), by: "statistics") == .refused)
        #expect(try installation.request(request.id)?.status == .refused)
    }

    @Test func theCommandLinesReleaseIsTheSameUseCase() throws {
        let installation = try Self.open()
        let definition = try installation.definition(.baseline, indicator: "migration_background", by: ["career_group"], periods: .years(2025...2025))
        #expect(definition.title.en == "Baseline: \(try installation.reportForm(for: "migration_background").indicator.label.en)")
        let (report, loss, _) = try installation.release(definition, passphrase: try Passphrase(DemoFixture.passphrase),
                                                      by: Actor(role: "statistics", user: "cli"))
        #expect(report.periods == [2025] && !loss.summary.isEmpty)
        #expect(throws: InputError.self) {
            try installation.definition(.baseline, indicator: "religion", by: ["unit"], periods: .latest)
        }
        #expect(throws: InputError.self) {
            try installation.definition(.trend, indicator: "migration_background", by: ["salary"], periods: .all)
        }
    }

    @Test func entryAndWithdrawalGoThroughTheInstallation() throws {
        let installation = try Self.open(hires: 60)
        let clerk = Actor(role: "hr", user: "clerk")
        let raw = RawEntry(form: "migration-background", version: 1,
                           context: ["unit": "51", "hired": "2025-03", "career_group": "gehoben", "employment": "regular"],
                           answers: ["born_in_germany": "yes"])
        let before = try installation.countsByPeriod()[2025]?.responses ?? 0
        let code = try installation.enter(raw, by: clerk)
        #expect(try installation.countsByPeriod()[2025]?.responses == before + 1)
        #expect(throws: InputError.self) {
            try installation.enter(RawEntry(form: raw.form, version: 1, context: raw.context, answers: ["born_in_germany": "vielleicht"]), by: clerk)
        }
        #expect(try installation.withdraw(code, by: clerk))
        #expect(try installation.withdraw(code, by: clerk) == false)
        #expect(try installation.countsByPeriod()[2025]?.responses == before)
    }

    @Test func theAuditPurgePlanAndLogVerificationNeedNoPassphrase() throws {
        let installation = try Self.open(hires: 60)
        #expect(try installation.audit(asOf: "2026-11-20").periods.map(\.period) == Array(2020...2025))
        #expect(try installation.purgePlan(asOf: "2099-01-01").isEmpty == false)
        #expect(try installation.verifyLog(anchors: []).problem == nil)
    }

    @Test func aStoreThatIsNotThereIsNamed() throws {
        let missing = try temporaryDirectory("none").appendingPathComponent("data")
        #expect {
            _ = try Installation.open(.init(data: missing, forms: Repository.formsDirectory))
        } throws: { error in
            (error as? InputError)?.file == missing.path
        }
    }
}

/// Creating a store: everything is checked before anything is made.
@Suite struct InstallationCreateTests {
    static func directories() throws -> Installation.Directories {
        .init(data: try temporaryDirectory("create").appendingPathComponent("data"), forms: Repository.formsDirectory,
              policy: Repository.policyDirectory)
    }

    @Test func aWeakPassphraseOrAShortAdminPasswordCreatesNothing() throws {
        let directories = try Self.directories()
        #expect(throws: InputError.self) {
            _ = try Installation.create(directories, passphrase: try Passphrase("vielfalt-demo"), strength: .interactive, administrator: nil)
        }
        #expect(throws: InputError.self) {
            _ = try Installation.create(directories, passphrase: try Passphrase("ein langer Satz als Passphrase"), strength: .interactive,
                                        administrator: ("admin", try Password("kurz")))
        }
        #expect(throws: InputError.self) {
            _ = try Installation.create(directories, passphrase: try Passphrase("ein langer Satz als Passphrase"), strength: .interactive,
                                        administrator: ("Admin Name", try Password("ein langes Passwort")))
        }
        #expect(!FileManager.default.fileExists(atPath: directories.data.path))
    }

    @Test func theFingerprintReturnedIsTheOneTheKeystoreHas() throws {
        let directories = try Self.directories()
        let fingerprint = try Installation.create(directories, passphrase: try Passphrase("ein langer Satz als Passphrase"),
                                                  strength: .interactive, administrator: ("admin", try Password("ein langes Passwort")))
        let installation = try Installation.open(directories, passwordStrength: .minimum)
        try installation.checkFingerprint(fingerprint.uppercased())
        #expect(throws: StoreError.self) { try installation.checkFingerprint(String(repeating: "0", count: fingerprint.count)) }
        #expect(try installation.users.list().map(\.name) == ["admin"])
        #expect(try installation.verifyKeystore(try Passphrase("ein langer Satz als Passphrase")).destroyed.isEmpty)
        #expect(throws: StoreError.self) {
            _ = try Installation.create(directories, passphrase: try Passphrase("ein langer Satz als Passphrase"), strength: .interactive,
                                        administrator: nil)
        }
    }

    @Test func passphraseChangeAndRotationAreCheckedAndAudited() throws {
        let directories = try Self.directories()
        let first = try Passphrase("ein langer Satz als Passphrase"), second = try Passphrase("ein zweiter langer Satz hier")
        _ = try Installation.create(directories, passphrase: first, strength: .interactive, administrator: nil)
        let installation = try Installation.open(directories, passwordStrength: .minimum)
        let actor = Actor(role: "statistics", user: "erika")
        #expect(throws: InputError.self) { try installation.changePassphrase(current: first, new: try Passphrase("vielfalt-demo"), by: actor) }
        try installation.changePassphrase(current: first, new: second, by: actor)
        #expect(throws: VaultError.wrongPassphrase) { _ = try installation.verifyKeystore(first) }
        let rotated = try installation.rotateMasterKey(second, by: actor)
        try installation.checkFingerprint(rotated.fingerprint)
        // The DPO's audit names the generation and the schema each file is at.
        let keystore = try installation.audit(asOf: "2026-11-25").keystore
        #expect(keystore.generation == 2 && keystore.masterKeyFingerprint == rotated.fingerprint)
        #expect(keystore.schema == ["v8 answer sources", "v6 release marks"])
        let log = try installation.logEntries().map { "\($0.user) \($0.action) \($0.detail)" }
        #expect(log.contains("erika keystore passphrase changed "))
        #expect(log.contains("erika master key rotated generation=2"))
    }
}
