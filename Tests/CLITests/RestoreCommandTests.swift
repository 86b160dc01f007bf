import Foundation
import Testing
import TestSupport

/// `vielfalt restore` as an operator runs it after losing the data directory but not the keys.
@Suite struct RestoreCommandTests {
    let cli = CommandLineRunner()
    static let secret = ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"]

    @Test func theKeysInUseBringTheWithdrawalBackAndTheRestoreLogsOnlyItsCount() throws {
        let root = try temporaryDirectory("restore-cli")
        let data = root.appendingPathComponent("data").path
        let created = try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: Self.secret)
        try #require(created.status == 0, "\(created.stderr)")
        _ = try cli.run(["entry", "add", "--data", data, "--json", "-"], stdin: Data(Repository.exampleJSON.utf8))
        let added = try cli.run(["entry", "add", "--data", data, "--json", "-"], stdin: Data(Repository.exampleJSON.utf8))
        let code = added.stdout.trimmingCharacters(in: .newlines)
        #expect(try cli.run(["backup", "--data", data, "--out", root.appendingPathComponent("night").path]).status == 0)
        let keystore = try cli.run(["keystore", "backup", "--data", data, "--out", root.appendingPathComponent("keys.vfkb").path], environment: Self.secret)
        #expect(keystore.status == 0, "\(keystore.stderr)")
        #expect(try cli.run(["entry", "withdraw", "--data", data, code]).status == 0)

        let restored = root.appendingPathComponent("restored").path
        let outcome = try cli.run(["restore", "--from-data", root.appendingPathComponent("night").path,
                                   "--from-keystore", root.appendingPathComponent("keys.vfkb").path,
                                   "--data", restored, "--live-keys", data + "-keys"],
                                  environment: Self.secret.merging(["VIELFALT_LOG_LEVEL": "info"]) { $1 })
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("withdrawn again / erneut widerrufen: 1\n"))
        #expect(outcome.stderr.contains("operation=store restored"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("withdrawals_reapplied=1"))
        #expect(!outcome.stderr.contains(code) && !outcome.stderr.contains("Statistikstelle geheim"))
        // The code is gone with its response in the restored store.
        #expect(try cli.run(["entry", "withdraw", "--data", restored, code]).status == 1)
        // Without VIELFALT_LOG_LEVEL a command prints its result only.
        let quiet = try cli.run(["backup", "--data", restored, "--out", root.appendingPathComponent("again").path])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test func aLiveKeysDirectoryWithoutAKeystoreRestoresNothing() throws {
        let root = try temporaryDirectory("restore-cli")
        let data = root.appendingPathComponent("data").path
        #expect(try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: Self.secret).status == 0)
        #expect(try cli.run(["backup", "--data", data, "--out", root.appendingPathComponent("night").path]).status == 0)
        #expect(try cli.run(["keystore", "backup", "--data", data, "--out", root.appendingPathComponent("keys.vfkb").path],
                            environment: Self.secret).status == 0)
        let outcome = try cli.run(["restore", "--from-data", root.appendingPathComponent("night").path,
                                   "--from-keystore", root.appendingPathComponent("keys.vfkb").path,
                                   "--data", root.appendingPathComponent("restored").path, "--live-keys", root.path],
                                  environment: Self.secret)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: \(root.path), field 'live-keys': no keystore.sqlite here: give the keys directory the installation used until now (its --keys)\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("restored").path + "-keys/keystore.sqlite"))
    }

    @Test func anUnknownLogLevelIsAnErrorNamingTheVariable() throws {
        let outcome = try cli.run(["policy", "check"], environment: ["VIELFALT_LOG_LEVEL": "loud"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: field 'VIELFALT_LOG_LEVEL': unknown log level 'loud' (allowed: trace, debug, info, notice, warning, error, critical)\n")
    }

    @Test func aDataBackupOlderThanTheLastReleaseIsRefusedAndWithoutTheKeysInUseTheRestoreWarns() throws {
        let root = try temporaryDirectory("restore-cli")
        let data = root.appendingPathComponent("data").path
        let demo = ["VIELFALT_PASSPHRASE": "vielfalt-demo"]
        #expect(try cli.run(["demo", "--data", data, "--hires", "200"]).status == 0)
        let night = root.appendingPathComponent("night").path, keys = root.appendingPathComponent("keys.vfkb").path
        #expect(try cli.run(["backup", "--data", data, "--out", night]).status == 0)
        #expect(try cli.run(["keystore", "backup", "--data", data, "--out", keys], environment: demo).status == 0)
        let released = try cli.run(["report", "baseline", "--data", data, "--by", "unit", "--format", "csv"], environment: demo)
        try #require(released.status == 0, "\(released.stderr)")
        let release = try #require(released.stderr.split(separator: "\n").first { $0.hasPrefix("released as R") }?.split(separator: " ")[2])

        let refused = root.appendingPathComponent("refused").path
        let outcome = try cli.run(["restore", "--from-data", night, "--from-keystore", keys, "--data", refused, "--live-keys", data + "-keys"],
                                  environment: demo)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("error: \(night), field 'from-data': the data backup's release ledger lacks 1 release(s) made since (\(release))"),
                "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: refused))

        let blind = try cli.run(["restore", "--from-data", night, "--from-keystore", keys, "--data", root.appendingPathComponent("blind").path],
                                environment: demo)
        #expect(blind.status == 0, "\(blind.stderr)")
        #expect(blind.stderr.contains("warning: without --live-keys, releases made after the keystore backup are unknown"))
        #expect(blind.stderr.contains("Warnung: Ohne --live-keys"))
    }
}
