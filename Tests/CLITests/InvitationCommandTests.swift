import Foundation
import Testing
import TestSupport

/// `vielfalt invitation`: HR issues invitations and prints letters; the codes are printed once.
@Suite struct InvitationCommandTests {
    let cli = CommandLineRunner()
    let data: String
    static let secret = ["VIELFALT_PASSPHRASE": "Statistikstelle geheim"]
    static let codePattern = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}"

    init() throws {
        data = try temporaryDirectory("cli").appendingPathComponent("data").path
        let created = try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: Self.secret)
        precondition(created.status == 0, created.stderr)
    }

    var files: [URL] { RawBytes.databaseFiles(URL(fileURLWithPath: data + "/vielfalt.sqlite")) }

    @Test func oneInvitationPrintsItsCodeAndWritesItsLetter() throws {
        let letters = try temporaryDirectory("letters").appendingPathComponent("letter.html").path
        let outcome = try cli.run(["invitation", "issue", "--data", data, "--unit", "51", "--hired", "2026-10", "--career-group", "gehoben",
                                   "--employment", "regular", "--letters", letters, "--survey-url", "https://vielfalt.example/survey"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.range(of: "^\(Self.codePattern)\n$", options: .regularExpression) != nil)
        let code = outcome.stdout.trimmingCharacters(in: .newlines)
        let html = try String(contentsOfFile: letters, encoding: .utf8)
        #expect(html.contains(code) && html.contains("https://vielfalt.example/survey") && html.contains("<svg "))
        #expect(try FileManager.default.attributesOfItem(atPath: letters)[.posixPermissions] as? Int == 0o600)
        #expect(try RawBytes.findings([code, code.replacingOccurrences(of: "-", with: "")], in: files).isEmpty)
    }

    @Test func aBatchPrintsOneNumberedCodePerRow() throws {
        let batch = try temporaryFile("cohort.csv", Array("unit;hired;career_group;employment\n51;2026-10;gehoben;regular\n32;2026-11;mittel;trainee\n".utf8))
        let outcome = try cli.run(["invitation", "issue", "--data", data, "--batch", batch.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("1;") && lines[1].hasPrefix("2;"))
    }

    @Test func aBadBatchRowExitsWith2NamingLineAndColumnAndStoresNothing() throws {
        let letters = try temporaryDirectory("letters").appendingPathComponent("letters.html").path
        let batch = try temporaryFile("cohort.csv", Array("unit,hired,career_group,employment\n51,2026-10,gehoben,regular\n51,2026-10,gehoben,temporary\n".utf8))
        let before = try RawBytes.fingerprint(files)
        let outcome = try cli.run(["invitation", "issue", "--data", data, "--batch", batch.path, "--letters", letters,
                                   "--survey-url", "https://vielfalt.example/survey"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: cohort.csv:3, field 'employment': unknown code (allowed: regular, trainee)\n")
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: letters), "a refused batch leaves no letters")
        #expect(try RawBytes.fingerprint(files) == before)
    }

    @Test func lettersNeedTheSurveyAddressAndBothWaysAtOnceAreRefused() throws {
        let letters = try temporaryDirectory("letters").appendingPathComponent("l.html").path
        let before = try RawBytes.fingerprint(files)
        let noURL = try cli.run(["invitation", "issue", "--data", data, "--unit", "51", "--hired", "2026-10", "--career-group", "gehoben",
                                 "--employment", "regular", "--letters", letters])
        #expect(noURL.status == 2 && noURL.stderr.contains("survey-url"))
        let badURL = try cli.run(["invitation", "issue", "--data", data, "--unit", "51", "--hired", "2026-10", "--career-group", "gehoben",
                                  "--employment", "regular", "--letters", letters, "--survey-url", "javascript:alert(1)"])
        #expect(badURL.status == 2 && badURL.stderr.contains("survey-url"))
        #expect(!FileManager.default.fileExists(atPath: letters))
        #expect(try RawBytes.fingerprint(files) == before, "no invitation is issued whose letter cannot be written")
        let both = try cli.run(["invitation", "issue", "--data", data, "--unit", "51", "--batch", "x.csv"])
        #expect(both.status == 2 && both.stderr.contains("--batch"))
        #expect(try cli.run(["invitation", "expire", "--data", data]).stdout.hasPrefix("0 invitation(s) expired"))
        #expect(try cli.run(["invitation", "expire", "--data", data, "--as-of", "2999-01-01"]).status == 2)
    }
}
