import Forms
import Testing
@testable import Letters

@Suite struct PaperQuestionnaireTests {
    static let form = """
        id: tiny
        version: 3
        title: {de: "Titel <b>", en: "Title <b>"}
        consent: {de: "Ich willige ein & so", en: "I consent & so"}
        context:
          - {key: unit, kind: unit, label: {de: "Einheit", en: "Unit"}}
          - {key: hired, kind: month, label: {de: "Monat", en: "Month"}}
        items:
          - key: q
            question: {de: "Frage \\"<script>\\"", en: "Question"}
            answers:
              - {code: "yes", de: "Ja", en: "Yes"}
              - {code: no_answer, de: "keine Angabe", en: "prefer not to say"}
        """

    @Test func eachQuestionnaireIsOnePageWithItsReceiptTwiceAndEverythingEscaped() throws {
        let form = try FormDefinition.parse(Self.form, file: "tiny.yaml")
        let papers = [PaperQuestionnaire(receipt: "AAAAA-BBBBB-CCCCC-DDDDD"), PaperQuestionnaire(receipt: "EEEEE-FFFFF-GGGGG-HHHHH")]
        let html = PaperQuestionnaire.document(papers, form: form, sender: InvitationLetterTests.sender, withdrawURL: nil)
        #expect(html.components(separatedBy: "<article class=\"paper\">").count == 3)
        #expect(html.components(separatedBy: "AAAAA-BBBBB-CCCCC-DDDDD").count == 3 && html.components(separatedBy: "EEEEE-FFFFF-GGGGG-HHHHH").count == 3)
        #expect(html.contains("Frage &quot;&lt;script&gt;&quot;") && !html.contains("<script") && html.contains("Titel &lt;b&gt;"))
        #expect(html.contains("Ich willige ein &amp; so") && html.contains("tiny, Version 3") && html.contains("keine Angabe"))
        #expect(html.contains("bei der Statistikstelle") && !html.contains("<code>http"), "without an address the stub names the unit")
        #expect(html.contains("@page { size: A4"))
        let linked = PaperQuestionnaire.document(papers, form: form, sender: InvitationLetterTests.sender, withdrawURL: "https://x.example/withdraw",
                                                 stylesheetHref: "/static/paper.css")
        #expect(!linked.contains("<style>") && linked.contains("href=\"/static/paper.css\"") && linked.contains("<code>https://x.example/withdraw</code>"))
    }
}
