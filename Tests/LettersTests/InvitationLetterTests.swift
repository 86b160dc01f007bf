import Forms
import Testing
@testable import Letters

@Suite struct InvitationLetterTests {
    static let sender = InvitationLetter.Sender(controller: "Stadt <Beispiel>", dataProtectionContact: "datenschutz@example.org",
                                                purpose: LocalizedText(de: "Zweck auf Deutsch", en: "Purpose in English"))

    @Test func aBatchIsOneDocumentWithOneA4PagePerLetter() {
        let letters = [InvitationLetter(code: "7K3Q-M2XW-9RTB-4HNP-ZC5E", lastDay: "2027-01-26"),
                       InvitationLetter(code: "0000-0000-0000-0000-001Y", lastDay: "2027-01-26")]
        let html = InvitationLetter.document(letters, surveyURL: "https://vielfalt.example/survey", sender: Self.sender)
        #expect(html.components(separatedBy: "<article class=\"letter\">").count == 3)
        #expect(html.components(separatedBy: "<svg ").count == 3)
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("7K3Q-M2XW-9RTB-4HNP-ZC5E") && html.contains("0000-0000-0000-0000-001Y"))
        #expect(html.contains("Zweck auf Deutsch") && html.contains("Purpose in English") && html.contains("<section lang=\"en\">"))
        #expect(html.contains("Stadt &lt;Beispiel&gt;") && !html.contains("<Beispiel>"))
        #expect(html.contains("Die Teilnahme ist freiwillig") && html.contains("Taking part is voluntary"))
        #expect(html.contains("Die Personalstelle sieht Ihre Antworten nicht") && html.contains("HR does not see your answers"))
        #expect(!html.contains("<script"))
    }

    @Test func theLinkCarriesTheCodeAsAQuery() {
        #expect(InvitationLetter.link(surveyURL: "https://x.example/survey", code: "AB") == "https://x.example/survey?code=AB")
        #expect(InvitationLetter.link(surveyURL: "https://x.example/survey?lang=en", code: "AB") == "https://x.example/survey?lang=en&code=AB")
    }
}
