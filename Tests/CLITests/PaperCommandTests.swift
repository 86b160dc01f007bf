import Foundation
import Testing
import TestSupport

/// `vielfalt invitation paper` and `paper-entry`: the statistics unit prints paper questionnaires and
/// enters returned ones; the codes come from standard input, never from the arguments.
@Suite struct PaperCommandTests {
    let cli = CommandLineRunner()
    let data: String

    init() throws {
        data = try temporaryDirectory("cli").appendingPathComponent("data").path
        let created = try cli.run(["init", "--data", data, "--kdf", "interactive"], environment: InvitationCommandTests.secret)
        precondition(created.status == 0, created.stderr)
    }

    var files: [URL] { RawBytes.databaseFiles(URL(fileURLWithPath: data + "/vielfalt.sqlite")).filter { !$0.path.hasSuffix("-shm") } }

    /// Prints one questionnaire and issues one invitation; returns the invitation code and the receipt.
    func returnedForm() throws -> (code: String, receipt: String) {
        let out = try temporaryDirectory("paper").appendingPathComponent("paper.html").path
        let printed = try cli.run(["invitation", "paper", "--data", data, "--count", "1", "--out", out,
                                   "--withdraw-url", "https://vielfalt.example/withdraw"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        let receipt = try #require(html.firstMatch(of: /<p class="code">([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3})<\/p>/)).1
        #expect(!printed.stdout.contains(String(receipt)) && !printed.stderr.contains(String(receipt)))
        let again = try cli.run(["invitation", "paper", "--data", data, "--count", "1", "--out", out])
        #expect(again.status == 2 && again.stderr.contains("does it exist already?"), "never overwrites")
        let issued = try cli.run(["invitation", "issue", "--data", data, "--unit", "51", "--hired", "2026-10", "--career-group", "gehoben",
                                  "--employment", "regular"])
        return (issued.stdout.trimmingCharacters(in: .newlines), String(receipt))
    }

    @Test func aReturnedFormIsEnteredWithTheCodesFromStandardInput() throws {
        let form = try returnedForm()
        let entered = try cli.run(["invitation", "paper-entry", "--data", data, "--answer", "born_in_germany=no", "--consent", "1"],
                                  stdin: Data("\(form.code)\n\(form.receipt)\n".utf8))
        #expect(entered.status == 0, "\(entered.stderr)")
        #expect(entered.stdout.contains("Destroy the paper form now (MighEV § 4(2))"))
        #expect(entered.stdout.contains("Vernichten Sie den Papierbogen jetzt (§ 4 Abs. 2 MighEV)"))
        #expect(!entered.stdout.contains(form.receipt) && !entered.stdout.contains(form.code))
        #expect(try RawBytes.findings([form.code, form.receipt, form.receipt.replacingOccurrences(of: "-", with: "")], in: files).isEmpty)
        let used = try cli.run(["invitation", "paper-entry", "--data", data, "--decline"], stdin: Data("\(form.code)\n".utf8))
        #expect(used.status == 2 && used.stderr == "error: field 'code': This code is not valid (unknown, already used or expired).\n")
        let withdrawn = try cli.run(["entry", "withdraw", "--data", data], stdin: Data("\(form.receipt)\n".utf8))
        #expect(withdrawn.status == 0, "the stub's code withdraws the response")
    }

    @Test(arguments: [
        (["--answer", "born_in_germany=vielleicht", "--consent", "1"], false, "born_in_germany"),
        (["--answer", "born_in_germany", "--consent", "1"], false, "answer"),
        (["--answer", "born_in_germany=no"], false, "consent"),
        (["--decline", "--consent", "1"], false, "consent"),
        (["--answer", "born_in_germany=no", "--consent", "1"], true, "receipt"),
    ] as [([String], Bool, String)])
    func aBadEntryExitsWith2NamingTheFieldAndStoresNothing(_ arguments: [String], _ mistypeReceipt: Bool, _ field: String) throws {
        let form = try returnedForm()
        let before = try RawBytes.fingerprint(files)
        let receipt = mistypeReceipt ? (form.receipt.first == "7" ? "8" : "7") + form.receipt.dropFirst() : form.receipt
        let outcome = try cli.run(["invitation", "paper-entry", "--data", data] + arguments, stdin: Data("\(form.code)\n\(receipt)\n".utf8))
        #expect(outcome.status == 2 && outcome.stderr.contains("field '\(field)'"), "\(outcome.stderr)")
        #expect(try RawBytes.fingerprint(files) == before)
    }
}
