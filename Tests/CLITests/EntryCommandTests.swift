import Foundation
import Testing
import TestSupport

/// The command line as HR and the statistics unit use it: output, messages and exit codes.
@Suite struct EntryCommandTests {
    let cli = CommandLineRunner()
    let data: String
    static let secret = ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"]

    init() throws {
        data = try temporaryDirectory("cli").appendingPathComponent("data").path
        let created = try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: Self.secret)
        precondition(created.status == 0, created.stderr)
    }

    var files: [URL] {
        RawBytes.databaseFiles(URL(fileURLWithPath: data + "/vielfalt.sqlite")) + RawBytes.databaseFiles(URL(fileURLWithPath: data + "-keys/keystore.sqlite"))
    }

    @Test func entryAddPrintsTheReceiptCodeAndNothingElse() throws {
        let outcome = try cli.run(["entry", "add", "--data", data, "--json", "-"], stdin: Data(Repository.exampleJSON.utf8))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.range(of: #"^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}\n$"#, options: .regularExpression) != nil)
        let withdrawn = try cli.run(["entry", "withdraw", "--data", data, outcome.stdout.lowercased().trimmingCharacters(in: .newlines)])
        #expect(withdrawn.status == 0)
        #expect(withdrawn.stdout.hasPrefix("withdrawn"))
        let again = try cli.run(["entry", "withdraw", "--data", data, outcome.stdout.trimmingCharacters(in: .newlines)])
        #expect(again.status == 1)
        #expect(again.stdout.hasPrefix("unknown receipt code"))
    }

    @Test func withdrawReadsTheCodeFromStandardInput() throws {
        let outcome = try cli.run(["entry", "add", "--data", data, "--json", "-"], stdin: Data(Repository.exampleJSON.utf8))
        let withdrawn = try cli.run(["entry", "withdraw", "--data", data], stdin: Data(outcome.stdout.utf8))
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(withdrawn.stdout.hasPrefix("withdrawn"))
    }

    @Test func badInputExitsWith2NamingFileAndFieldAndChangesNothing() throws {
        let before = try RawBytes.fingerprint(files)
        let bad = try temporaryFile("entry.json", Array(Repository.exampleJSON.replacingOccurrences(of: "\"51\"", with: "\"5100\"").utf8))
        let outcome = try cli.run(["entry", "add", "--data", data, "--json", bad.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: \(bad.path), field 'unit': unknown org unit (see forms/units.yaml)\n")
        #expect(outcome.stdout.isEmpty)
        #expect(try RawBytes.fingerprint(files) == before)
    }

    @Test func aBadImportLineExitsWith2AndStoresNothing() throws {
        let lines = [Repository.exampleJSON, Repository.exampleJSON.replacingOccurrences(of: "\"version\":1", with: "\"version\":1,\"version\":2")]
        let file = try temporaryFile("hires.jsonl", Array(lines.joined(separator: "\n").utf8))
        let before = try RawBytes.fingerprint(files)
        let outcome = try cli.run(["entry", "import", "--data", data, file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: hires.jsonl:2, field 'version': malformed JSON: key appears twice\n")
        #expect(try RawBytes.fingerprint(files) == before)
    }

    @Test func aRefusedImportLeavesNoReceiptsFileSoTheCorrectedRunCanWriteIt() throws {
        let bad = try temporaryFile("bad.jsonl", Array((Repository.exampleJSON + "\n{").utf8))
        let receipts = bad.deletingLastPathComponent().appendingPathComponent("receipts.txt")
        #expect(try cli.run(["entry", "import", "--data", data, bad.path, "--receipts", receipts.path]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: receipts.path))
        let good = try temporaryFile("good.jsonl", Array(Repository.exampleJSON.utf8))
        let retried = try cli.run(["entry", "import", "--data", data, good.path, "--receipts", receipts.path])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try String(contentsOf: receipts, encoding: .utf8).hasPrefix("1;"))
    }

    @Test func importWritesAPrivateReceiptsFile() throws {
        let file = try temporaryFile("hires.csv", Array("""
            form;version;unit;hired;career_group;employment;citizenship
            migration-background;1;37;2025-02;mittel;trainee;german_by_birth
            migration-background;1;37;2025-05;mittel;regular;

            """.utf8))
        let receipts = file.deletingLastPathComponent().appendingPathComponent("receipts.txt")
        let outcome = try cli.run(["entry", "import", "--data", data, file.path, "--receipts", receipts.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "2 responses stored / 2 Antworten gespeichert\n")
        let lines = try String(contentsOf: receipts, encoding: .utf8).split(separator: "\n")
        #expect(lines.map { $0.prefix(2) } == ["1;", "2;"])
        #expect(try FileManager.default.attributesOfItem(atPath: receipts.path)[.posixPermissions] as? Int == 0o600)
        let refused = try cli.run(["entry", "import", "--data", data, file.path, "--receipts", receipts.path])
        #expect(refused.status == 2)
    }

    @Test func wrongPassphraseExitsWith3AndChangesNothing() throws {
        let before = try RawBytes.fingerprint(files)
        let outcome = try cli.run(["keystore", "verify", "--data", data], environment: ["VIELFALT_PASSPHRASE": "falsch"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr == "error: wrong passphrase: the keystore could not be unlocked\n")
        #expect(try RawBytes.fingerprint(files) == before)
        #expect(try cli.run(["keystore", "verify", "--data", data], environment: Self.secret).status == 0)
    }

    @Test func aTamperedPeriodKeyExitsWith3() throws {
        _ = try cli.run(["entry", "add", "--data", data, "--json", "-"], stdin: Data(Repository.exampleJSON.utf8))
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", """
            import sqlite3; c = sqlite3.connect('\(data)-keys/keystore.sqlite')
            s = bytearray(c.execute('select sealed_secret from period_key').fetchone()[0]); s[40] ^= 1
            c.execute('update period_key set sealed_secret = ?', (bytes(s),)); c.commit()
            """]
        try sqlite.run()
        sqlite.waitUntilExit()
        let outcome = try cli.run(["keystore", "verify", "--data", data], environment: Self.secret)
        #expect(outcome.status == 3)
        #expect(outcome.stderr == "error: the keystore was tampered with: the sealed secret of period 2025 does not open or does not belong to its public key; nothing was released\n")
    }

    @Test func initRefusesToOverwriteAndDeclineNeedsKnownCodes() throws {
        let again = try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: Self.secret)
        #expect(again.status == 2)
        #expect(again.stderr.contains("refusing to overwrite"))
        let decline = try cli.run(["entry", "decline", "--data", data, "--unit", "51", "--hired", "2025-06",
                                   "--career-group", "E9a", "--employment", "regular"])
        #expect(decline.status == 2)
        #expect(decline.stderr == "error: field 'career_group': unknown code (allowed: einfach, mittel, gehoben, hoeher)\n")
        let ok = try cli.run(["entry", "decline", "--data", data, "--unit", "51", "--hired", "2025-06",
                              "--career-group", "gehoben", "--employment", "regular"])
        #expect(ok.status == 0)
        #expect(ok.stdout.isEmpty)
    }

    @Test func malformedReceiptCodesExitWith2() throws {
        let outcome = try cli.run(["entry", "withdraw", "--data", data, "not-a-code"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("not a receipt code"))
    }
}
