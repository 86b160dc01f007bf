import Forms

/// The letter a new hire receives at onboarding: what the survey is for, that it is voluntary, how
/// the answers are protected, where to answer, the code to type and a QR code of the address with
/// the code. German first, English below, one A4 page per letter; printable HTML without script.
///
/// The letter carries no name and no context: HR hands it over, and what HR entered (unit, month,
/// career group, employment) stays sealed in the invitation.
public struct InvitationLetter: Sendable {
    /// The code as printed, `XXXX-XXXX-XXXX-XXXX-XXXX`.
    public let code: String
    /// The last day the code is accepted, `YYYY-MM-DD`.
    public let lastDay: String

    public init(code: String, lastDay: String) {
        self.code = code
        self.lastDay = lastDay
    }

    /// Who sends the letters and what the survey is for, from the record of processing activities.
    public struct Sender: Sendable {
        public let controller: String
        public let dataProtectionContact: String
        public let purpose: LocalizedText

        public init(controller: String, dataProtectionContact: String, purpose: LocalizedText) {
            self.controller = controller
            self.dataProtectionContact = dataProtectionContact
            self.purpose = purpose
        }
    }

    /// The address the QR code opens: the survey page with the code filled in (not submitted).
    public static func link(surveyURL: String, code: String) -> String {
        surveyURL + (surveyURL.contains("?") ? "&" : "?") + "code=" + code
    }

    /// One printable document, one letter per page. With `stylesheetHref` the stylesheet is linked
    /// instead of inlined: a page served under a Content-Security-Policy without inline styles.
    public static func document(_ letters: [InvitationLetter], surveyURL: String, sender: Sender, stylesheetHref: String? = nil) -> String {
        let title = "Einladung zur Befragung / Invitation to the survey"
        // In one main landmark, so that a screen reader finds where the letters begin.
        let body = "<main>\n" + letters.map { $0.page(surveyURL: surveyURL, sender: sender) }.joined(separator: "\n") + "\n</main>"
        guard let stylesheetHref else { return HTML.document(title: title, language: "de", stylesheet: stylesheet, body: body) }
        return ["<!doctype html>", "<html lang=\"de\"><head><meta charset=\"utf-8\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", "<title>\(HTML.escape(title))</title>",
                "<link rel=\"stylesheet\" href=\"\(HTML.escape(stylesheetHref))\"></head><body>", body, "</body></html>"]
            .joined(separator: "\n") + "\n"
    }

    func page(surveyURL: String, sender: Sender) -> String {
        let e = HTML.escape
        let link = Self.link(surveyURL: surveyURL, code: code)
        let qr = QRCode(link)?.svg(size: "40mm", label: "QR-Code: \(surveyURL)") ?? ""
        return """
            <article class="letter">
            <p class="sender">\(e(sender.controller))</p>
            <h1>Einladung zur freiwilligen Befragung zur Vielfalt</h1>
            <p>\(e(sender.purpose.de))</p>
            <p><strong>Die Teilnahme ist freiwillig.</strong> Jede Frage können Sie mit „keine Angabe“ beantworten, und Sie \
            können die Teilnahme im Fragebogen ablehnen. Wer nicht teilnimmt, hat keinen Nachteil.</p>
            <p><strong>Die Personalstelle sieht Ihre Antworten nicht.</strong> Sie antworten selbst, auf Ihrem Gerät oder am \
            Kiosk. Ihre Antworten werden ohne Namen verschlüsselt gespeichert; der Code verfällt mit der Antwort, danach lässt \
            sich Ihre Antwort nicht mehr mit dieser Einladung verbinden. Veröffentlicht werden nur geprüfte Summen. Nach dem \
            Absenden erhalten Sie einen Quittungscode, mit dem Sie Ihre Einwilligung jederzeit widerrufen können.</p>
            <div class="access">
            <div>\(qr)</div>
            <dl>
            <dt>Adresse / Address</dt><dd><code>\(e(surveyURL))</code></dd>
            <dt>Ihr Code / Your code</dt><dd><code class="code">\(e(code))</code></dd>
            <dt>Gültig bis / Valid until</dt><dd>\(e(lastDay))</dd>
            </dl>
            </div>
            <section lang="en">
            <h2>Invitation to the voluntary diversity survey</h2>
            <p>\(e(sender.purpose.en))</p>
            <p><strong>Taking part is voluntary.</strong> Every question offers “prefer not to say”, and you can decline in the \
            questionnaire. Not taking part has no consequences.</p>
            <p><strong>HR does not see your answers.</strong> You answer yourself, on your own device or at a kiosk. Your \
            answers are stored encrypted and without your name; the code expires with your answer, and afterwards your answer \
            can no longer be linked to this invitation. Only checked totals are published. After submitting you get a receipt \
            code with which you can withdraw your consent at any time.</p>
            </section>
            <p class="contact">Datenschutz / Data protection: \(e(sender.dataProtectionContact))</p>
            </article>
            """
    }

    public static let stylesheet = """
        @page { size: A4; margin: 20mm; }
        body { font-family: sans-serif; font-size: 11pt; line-height: 1.4; color: #000; margin: 0; }
        .letter { max-width: 170mm; margin: 0 auto 2em; break-after: page; page-break-after: always; }
        .letter:last-child { break-after: auto; page-break-after: auto; }
        h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.5em; }
        .access { display: flex; gap: 8mm; align-items: center; border: 1px solid #000; padding: 4mm; margin: 4mm 0; }
        .access dl { margin: 0; } .access dt { font-weight: bold; } .access dd { margin: 0 0 2mm 0; }
        .code { font-size: 15pt; letter-spacing: 0.08em; }
        .sender, .contact { font-size: 9pt; }
        """
}
