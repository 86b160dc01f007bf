import Foundation
import Testing
import TestSupport

/// Two-person unlock on the command line: naming the keyholders, listing them, and a release that
/// needs two of them.
@Suite struct KeyholderCommandTests {
    let cli = CommandLineRunner()
    let data: String
    let files: [String]
    static let passphrases = ["Annas lange Passphrase", "Bens lange Passphrase", "Passphrase im Tresor der DSB"]

    init() throws {
        let directory = try temporaryDirectory("keyholders")
        data = directory.appendingPathComponent("data").path
        let made = try cli.run(["demo", "--data", data, "--hires", "240", "--no-monitoring"])
        precondition(made.status == 0, made.stderr)
        files = try Self.passphrases.enumerated().map { index, passphrase in
            let file = directory.appendingPathComponent("holder\(index)").path
            try Data((passphrase + "\n").utf8).write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    func release(_ arguments: [String], _ environment: [String: String]) throws -> CommandLineRunner.Outcome {
        try cli.run(["report", "baseline", "--data", data, "--format", "csv"] + arguments, environment: environment)
    }

    @Test func twoKeyholdersReleaseAndOneIsRefused() throws {
        let set = try cli.run(["keystore", "holders", "set", "Anna", "Ben", "Tresor DSB", "--data", data]
                              + files.flatMap { ["--holder-passphrase-file", $0] }, environment: ["VIELFALT_PASSPHRASE": "vielfalt-demo"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "keyholders set, any two unlock / Schlüsselhalter benannt, je zwei entsperren: Anna, Ben, Tresor DSB\n")
        let list = try cli.run(["keystore", "holders", "--data", data])
        #expect(list.stdout.hasSuffix(":\nAnna\nBen\nTresor DSB\n"))

        let one = try release(["--holder", "Anna"], ["VIELFALT_PASSPHRASE": Self.passphrases[0]])
        #expect(one.status == 2)
        #expect(one.stderr == "error: field 'second-holder': two keyholders must unlock: the second keyholder's name is missing (--second-holder)\n")
        let old = try release(["--passphrase-file", files[0]], ["VIELFALT_HOLDER": "Anna", "VIELFALT_SECOND_HOLDER": "Anna",
                                                               "VIELFALT_SECOND_PASSPHRASE": Self.passphrases[0]])
        #expect(old.status == 2)
        #expect(old.stderr.hasPrefix("error: 'Anna' was given as both keyholders"))
        let wrong = try release(["--holder", "Anna", "--second-holder", "Ben"],
                                ["VIELFALT_PASSPHRASE": Self.passphrases[0], "VIELFALT_SECOND_PASSPHRASE": "nicht Bens Passphrase"])
        #expect(wrong.status == 3)
        #expect(wrong.stderr == "error: wrong passphrase of the second keyholder, 'Ben': the keystore was not unlocked, nothing was decrypted\n")
        #expect(try cli.run(["report", "list", "--data", data]).stdout.hasPrefix("no releases yet"))

        let released = try release(["--holder", "Tresor DSB", "--second-holder", "Ben"],
                                   ["VIELFALT_PASSPHRASE": Self.passphrases[2], "VIELFALT_SECOND_PASSPHRASE": Self.passphrases[1]])
        #expect(released.status == 0, "\(released.stderr)")
        #expect(released.stderr.hasPrefix("released as R"))
        #expect(try cli.run(["report", "list", "--data", data]).stdout.split(separator: "\n").count == 1)

        let audit = try cli.run(["audit", "--data", data, "--format", "json"])
        #expect(audit.stdout.contains("any two of the 3 keyholders together (Anna, Ben, Tresor DSB)"))
        for secret in Self.passphrases { #expect(!audit.stdout.contains(secret)) }
        let log = try cli.run(["log", "show", "--data", data])
        #expect(log.stdout.contains("keystore keyholders set\tkeyholders=Anna, Ben, Tresor DSB"))
        for secret in Self.passphrases { #expect(!log.stdout.contains(secret)) }
    }

    @Test func thePassphraseCannotBeChangedOnceKeyholdersHoldTheKey() throws {
        let set = try cli.run(["keystore", "holders", "set", "Anna", "Ben", "--data", data, "--holder-passphrase-file", files[0],
                               "--holder-passphrase-file", files[1]], environment: ["VIELFALT_PASSPHRASE": "vielfalt-demo"])
        #expect(set.status == 0, "\(set.stderr)")
        let change = try cli.run(["keystore", "passphrase", "--data", data, "--new-passphrase-file", files[2]],
                                 environment: ["VIELFALT_PASSPHRASE": "vielfalt-demo"])
        #expect(change.status == 2)
        #expect(change.stderr.contains("vielfalt keystore holders set NAME NAME"))
        let own = try cli.run(["keystore", "passphrase", "--data", data, "--holder", "Anna", "--new-passphrase-file", files[2]],
                              environment: ["VIELFALT_PASSPHRASE": Self.passphrases[0]])
        #expect(own.status == 0, "\(own.stderr)")
        let verify = try cli.run(["keystore", "verify", "--data", data], environment: ["VIELFALT_HOLDER": "Ben", "VIELFALT_SECOND_HOLDER": "Anna",
                                 "VIELFALT_PASSPHRASE": Self.passphrases[1], "VIELFALT_SECOND_PASSPHRASE": Self.passphrases[2]])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(try cli.run(["log", "show", "--data", data]).stdout.contains("keyholder passphrase changed\tkeyholder=Anna"))
        let tooFew = try cli.run(["keystore", "holders", "set", "Anna", "--data", data], environment: ["VIELFALT_PASSPHRASE": "vielfalt-demo"])
        #expect(tooFew.status == 2)
        #expect(tooFew.stderr == "error: two-person unlock needs at least 2 keyholders\n")
    }

    @Test func aKeystoreBackupForKeyholdersIsRestoredWithTwoOfThem() throws {
        let set = try cli.run(["keystore", "holders", "set", "Anna", "Ben", "--data", data, "--holder-passphrase-file", files[0],
                               "--holder-passphrase-file", files[1]], environment: ["VIELFALT_PASSPHRASE": "vielfalt-demo"])
        #expect(set.status == 0, "\(set.stderr)")
        let two = ["VIELFALT_HOLDER": "Anna", "VIELFALT_SECOND_HOLDER": "Ben",
                   "VIELFALT_PASSPHRASE": Self.passphrases[0], "VIELFALT_SECOND_PASSPHRASE": Self.passphrases[1]]
        let backups = URL(fileURLWithPath: data).deletingLastPathComponent().appendingPathComponent("backups").path
        let keys = backups + "/keystore.vfkb"
        #expect(try cli.run(["backup", "--data", data, "--out", backups + "/data"]).status == 0)
        let one = try cli.run(["keystore", "backup", "--data", data, "--out", keys], environment: ["VIELFALT_PASSPHRASE": "vielfalt-demo", "VIELFALT_HOLDER": "Anna"])
        #expect(one.status == 2 && !FileManager.default.fileExists(atPath: keys))
        let made = try cli.run(["keystore", "backup", "--data", data, "--out", keys], environment: two)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("keystore backup K1 written"))

        let target = URL(fileURLWithPath: backups).deletingLastPathComponent().appendingPathComponent("restored").path
        let restore = ["restore", "--from-data", backups + "/data", "--from-keystore", keys, "--data", target + "/data", "--keys", target + "/keys"]
        let single = try cli.run(restore, environment: ["VIELFALT_PASSPHRASE": "vielfalt-demo"])
        #expect(single.status == 2)
        #expect(single.stderr.hasPrefix("error: this keystore is held by keyholders (two-person unlock)"))
        #expect(!FileManager.default.fileExists(atPath: target + "/keys/keystore.sqlite"))
        let restored = try cli.run(restore, environment: two)
        #expect(restored.status == 0, "\(restored.stderr)")
        let list = try cli.run(["keystore", "holders", "--data", target + "/data", "--keys", target + "/keys"])
        #expect(list.stdout.hasSuffix(":\nAnna\nBen\n"))
    }
}
