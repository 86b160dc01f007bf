import Foundation
import Testing
import TestSupport

@Suite struct DemoAndFormsCommandTests {
    let cli = CommandLineRunner()

    @Test func theDemoIsReproducibleFromItsSeed() throws {
        let a = try temporaryDirectory("demo").path + "/a", b = try temporaryDirectory("demo").path + "/b"
        let first = try cli.run(["demo", "--data", a, "--seed", "7", "--hires", "600"])
        let second = try cli.run(["demo", "--data", b, "--seed", "7", "--hires", "600"])
        #expect(first.status == 0, "\(first.stderr)")
        let summary = { (s: String) in s.replacingOccurrences(of: a, with: "DIR").replacingOccurrences(of: b, with: "DIR") }
        #expect(summary(first.stdout) == summary(second.stdout))
        #expect(first.stdout.contains("demo passphrase / Demo-Passphrase: vielfalt-demo"))
        let total = try #require(first.stdout.firstMatch(of: /(\d+) responses and (\d+) declines/))
        #expect(Int(total.1)! + Int(total.2)! == 600)
        // Its monitoring is released at once, so that the dashboard shows something.
        #expect(first.stdout.contains("monitoring released / Monitoring veröffentlicht: R"))
        #expect(try cli.run(["report", "list", "--data", a]).stdout.contains("\tmonitoring-neueinstellungen\t"))
    }

    @Test func benchImportNamesAMissingFormAndLeavesNothingBehind() throws {
        let parent = try temporaryDirectory("bench")
        let target = parent.appendingPathComponent("store").path
        let bench = CommandLineRunner(program: "vielfalt-bench")
        let missing = try bench.run(["import", "--responses", "10", "--into", target, "--forms", parent.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: \(parent.path)/migration-background.yaml:"))
        #expect(!missing.stderr.contains("NSCocoaErrorDomain"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let existing = try bench.run(["import", "--responses", "10", "--into", parent.path])
        #expect(existing.status == 2)
        #expect(existing.stderr.contains("already exists"))
    }

    @Test func formsValidateNamesLineAndKey() throws {
        let text = try String(contentsOf: Repository.formsDirectory.appendingPathComponent("migration-background.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "otherwise: not_determinable\n  - key: immigration_history", with: "otherwise: maybe\n  - key: immigration_history")
        let file = try temporaryFile("broken.yaml", Array(text.utf8))
        let outcome = try cli.run(["forms", "validate", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("error: broken.yaml:"))
        #expect(outcome.stderr.contains("field 'indicators[0]': result 'maybe' is not one of the indicator's categories"))
        let good = try cli.run(["forms", "validate", "forms/migration-background.yaml"])
        #expect(good.stdout == "ok: migration-background version 1, 4 context fields, 6 items, 3 indicators\n")
    }

    @Test func formsShowPrintsEveryItemWithNoAnswer() throws {
        let outcome = try cli.run(["forms", "show", "migration-background", "--language", "en"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.components(separatedBy: "no_answer  Prefer not to say").count == 7)
    }
}

@Suite struct InitCommandTests {
    let cli = CommandLineRunner()

    @Test func initCreatesTheFirstAdministrator() throws {
        let dir = try temporaryDirectory("init")
        let data = dir.appendingPathComponent("data").path
        let password = try temporaryFile("admin.txt", Array("a long admin password\n".utf8))
        let made = try cli.run(["init", "--data", data, "--kdf", "interactive", "--admin", "chef", "--admin-password-file", password.path],
                               environment: ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("first administrator / erste Administration: chef"))
        #expect(try cli.run(["user", "list", "--data", data]).stdout == "chef\tadmin\tactive\n")
        let short = try temporaryFile("short.txt", Array("short\n".utf8))
        let refused = try cli.run(["init", "--data", dir.appendingPathComponent("other").path, "--kdf", "interactive",
                                   "--admin-password-file", short.path], environment: ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: field 'admin-password': the password must have 12 to 128 characters\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("other").path))
    }

    @Test func initPrintsTheFingerprintThatKeystoreVerifyChecks() throws {
        let data = try temporaryDirectory("init").appendingPathComponent("data").path
        let secret = ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"]
        let made = try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: secret)
        let prefix = "master key fingerprint / Fingerabdruck des Hauptschlüssels: "
        #expect(made.stdout.hasPrefix(prefix))
        #expect(made.stderr.hasPrefix("created a new store: data in \(data), keys in \(data)-keys"))
        #expect(FileManager.default.fileExists(atPath: data + "-keys/keystore.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: data + "/keystore.sqlite"))
        let fingerprint = String(made.stdout.dropFirst(prefix.count).prefix { $0 != "\n" })
        #expect(fingerprint.count == 79)
        let good = try cli.run(["keystore", "verify", "--data", data, "--fingerprint", fingerprint], environment: secret)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasSuffix("; fingerprint matches / Fingerabdruck stimmt\n"))
        let other = String(fingerprint.reversed())
        let bad = try cli.run(["keystore", "verify", "--data", data, "--fingerprint", other], environment: secret)
        #expect(bad.status == 3)
        #expect(bad.stderr == "error: the keystore was tampered with: the master public key does not have the fingerprint given; nothing was released\n")
    }

    @Test func backupsFromTheCommandLine() throws {
        let parent = try temporaryDirectory("backups")
        let data = parent.appendingPathComponent("data").path
        let secret = ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"]
        #expect(try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: secret).status == 0)
        let copy = parent.appendingPathComponent("copy").path
        let backedUp = try cli.run(["backup", "--data", data, "--out", copy])
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        #expect(FileManager.default.fileExists(atPath: copy + "/vielfalt.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: copy + "/keystore.sqlite"))
        let sealed = parent.appendingPathComponent("keystore.vfkb").path
        let keys = try cli.run(["keystore", "backup", "--data", data, "--out", sealed], environment: secret)
        #expect(keys.stdout.hasPrefix("keystore backup K1 written to"), "\(keys.stderr)")
        let unknown = try cli.run(["keystore", "backup", "destroyed", "--data", data, "K2"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no keystore backup 'K2'"))
        let destroyed = try cli.run(["keystore", "backup", "destroyed", "--data", data, "K1"])
        #expect(destroyed.status == 0, "\(destroyed.stderr)")
    }

    @Test func passphraseChangeAndRotationFromTheCommandLine() throws {
        let parent = try temporaryDirectory("rotate")
        let data = parent.appendingPathComponent("data").path
        let old = ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"], new = ["VIELFALT_PASSPHRASE": "eine neue lange Passphrase"]
        #expect(try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: old).status == 0)
        let newFile = parent.appendingPathComponent("new.txt")
        try Data("eine neue lange Passphrase\n".utf8).write(to: newFile)
        let changed = try cli.run(["keystore", "passphrase", "--data", data, "--new-passphrase-file", newFile.path], environment: old)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(try cli.run(["keystore", "verify", "--data", data], environment: old).status == 3)
        let rotated = try cli.run(["keystore", "rotate", "--data", data], environment: new)
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let prefix = "master key fingerprint / Fingerabdruck des Hauptschlüssels: "
        let line = try #require(rotated.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) })
        let verified = try cli.run(["keystore", "verify", "--data", data, "--fingerprint", String(line.dropFirst(prefix.count))], environment: new)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(rotated.stdout.hasPrefix("master key rotated, generation 2"))
    }

    @Test(arguments: [
        ("kurz-geheim", "error: field 'passphrase': the passphrase must have at least 12 characters\n"),
        ("ääääää-ääää", "error: field 'passphrase': the passphrase must have at least 12 characters\n"),
        ("abababababababab", "error: field 'passphrase': the passphrase must use at least 5 different characters\n"),
        ("Vielfalt-Demo!", "error: field 'passphrase': this passphrase is too common (a demo, example or keyboard pattern): choose another\n"),
        ("Passwort1234", "error: field 'passphrase': this passphrase is too common (a demo, example or keyboard pattern): choose another\n"),
    ])
    func initRefusesAWeakPassphrase(passphrase: String, message: String) throws {
        let dir = try temporaryDirectory("init")
        let refused = try cli.run(["init", "--data", dir.appendingPathComponent("data").path, "--kdf", "interactive"],
                                  environment: ["VIELFALT_PASSPHRASE": passphrase])
        #expect(refused.status == 2)
        #expect(refused.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("data").path))
    }
}
