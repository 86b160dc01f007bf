import Forms

/// A blank paper questionnaire for a new hire without a device: consent text, every item with its
/// answers, a "do not take part" box and boxes for the invitation code from the letter. German and
/// English side by side, one questionnaire per A4 page, printable HTML without script.
///
/// Each questionnaire carries its own receipt code twice: on a stub at the top, which the respondent
/// tears off and keeps to withdraw later, and on the form itself, which the statistics unit types in
/// at entry. Nobody keeps a list: the codes are in the printed document only.
public struct PaperQuestionnaire: Sendable {
    /// The receipt code as printed, `XXXXX-XXXXX-XXXXX-XXXXX`.
    public let receipt: String

    public init(receipt: String) { self.receipt = receipt }

    /// One printable document, one questionnaire per page. `withdrawURL` (optional) is printed on the
    /// stub; with `stylesheetHref` the stylesheet is linked instead of inlined (for the web page).
    public static func document(_ questionnaires: [PaperQuestionnaire], form: FormDefinition, sender: InvitationLetter.Sender,
                                withdrawURL: String?, stylesheetHref: String? = nil) -> String {
        let title = "Fragebogen auf Papier / Paper questionnaire"
        let body = "<main>\n" + questionnaires.map { $0.page(form: form, sender: sender, withdrawURL: withdrawURL) }
            .joined(separator: "\n") + "\n</main>"
        guard let stylesheetHref else { return HTML.document(title: title, language: "de", stylesheet: stylesheet, body: body) }
        return ["<!doctype html>", "<html lang=\"de\"><head><meta charset=\"utf-8\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", "<title>\(HTML.escape(title))</title>",
                "<link rel=\"stylesheet\" href=\"\(HTML.escape(stylesheetHref))\"></head><body>", body, "</body></html>"]
            .joined(separator: "\n") + "\n"
    }

    func page(form: FormDefinition, sender: InvitationLetter.Sender, withdrawURL: String?) -> String {
        let e = HTML.escape
        let whereDE = withdrawURL.map { "unter <code>\(e($0))</code> oder bei der Statistikstelle" } ?? "bei der Statistikstelle"
        let whereEN = withdrawURL.map { "at <code>\(e($0))</code> or with the statistics unit" } ?? "with the statistics unit"
        let items = form.items.map { item in
            let answers = item.answers.map { answer in
                "<li><span class=\"box\" aria-hidden=\"true\"></span> \(e(answer.label.de)) / <span lang=\"en\">\(e(answer.label.en))</span></li>"
            }.joined()
            return "<li class=\"item\"><p><strong>\(e(item.question.de))</strong><br><span lang=\"en\">\(e(item.question.en))</span></p>"
                + "<ul class=\"answers\">\(answers)</ul></li>"
        }.joined(separator: "\n")
        let codeBoxes = (0..<5).map { _ in String(repeating: "<span class=\"box char\"></span>", count: 4) }
            .joined(separator: "<span class=\"dash\">–</span>")
        return """
            <article class="paper">
            <section class="stub">
            <h2>Quittung – bitte abtrennen und aufbewahren / <span lang="en">Receipt – tear off and keep</span></h2>
            <p class="code">\(e(receipt))</p>
            <p>Mit diesem Quittungscode können Sie Ihre Einwilligung jederzeit widerrufen, \(whereDE); Ihre Antworten werden \
            dann gelöscht. Niemand sonst hat diesen Code. Er gilt nur, wenn Sie den Bogen mit Antworten zurückgeben.</p>
            <p lang="en">With this receipt code you can withdraw your consent at any time, \(whereEN); your answers are then \
            deleted. Nobody else has this code. It is valid only if you return the form with answers.</p>
            </section>
            <p class="cut">✂ ------------------------------------------------------------------------------------------------</p>
            <p class="sender">\(e(sender.controller))</p>
            <h1>\(e(form.title.de)) / <span lang="en">\(e(form.title.en))</span></h1>
            <p>\(e(sender.purpose.de))</p>
            <p lang="en">\(e(sender.purpose.en))</p>
            <p><strong>So geht es:</strong> Kreuzen Sie an, was zutrifft; jede Frage ist freiwillig, ohne Kreuz gilt „keine Angabe“. \
            Stecken Sie den Bogen in den Umschlag, verschließen Sie ihn und geben Sie ihn an die Statistikstelle zurück. Die \
            Personalstelle sieht Ihre Antworten nicht. Die Statistikstelle erfasst den Bogen und vernichtet ihn danach.</p>
            <p lang="en"><strong>How it works:</strong> tick what applies; every question is optional, no tick counts as “prefer not \
            to say”. Put the form in the envelope, seal it and return it to the statistics unit. HR does not see your answers. The \
            statistics unit enters the form and then destroys it.</p>
            <dl class="codes">
            <dt>Einladungscode aus Ihrem Brief / <span lang="en">Invitation code from your letter</span></dt>
            <dd class="boxes">\(codeBoxes)</dd>
            <dt>Quittungscode / <span lang="en">Receipt code</span></dt><dd class="code">\(e(receipt))</dd>
            <dt>Fragebogen / <span lang="en">Questionnaire</span></dt><dd>\(e(form.id)), Version \(form.version)</dd>
            </dl>
            <section class="consent">
            <h2>Einwilligung / <span lang="en">Consent</span></h2>
            <p>\(e(form.consent.de))</p>
            <p lang="en">\(e(form.consent.en))</p>
            <p><span class="box" aria-hidden="true"></span> <strong>Ich willige ein.</strong> / <span lang="en">I consent.</span></p>
            </section>
            <h2>Fragen / <span lang="en">Questions</span></h2>
            <ol class="items">
            \(items)
            </ol>
            <p class="decline"><span class="box" aria-hidden="true"></span> <strong>Nicht teilnehmen</strong> / \
            <span lang="en">I do not wish to take part</span> – gezählt wird nur die Ablehnung; keine Nachteile. / \
            <span lang="en">Only the decline is counted; no consequences.</span></p>
            <p class="contact">Datenschutz / <span lang="en">Data protection</span>: \(e(sender.dataProtectionContact))</p>
            </article>
            """
    }

    public static let stylesheet = """
        @page { size: A4; margin: 15mm; }
        body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; color: #000; margin: 0; }
        .paper { max-width: 180mm; margin: 0 auto 2em; break-after: page; page-break-after: always; }
        .paper:last-child { break-after: auto; page-break-after: auto; }
        h1 { font-size: 14pt; } h2 { font-size: 11pt; margin: 3mm 0 1mm; }
        .stub { border: 1px dashed #000; padding: 2mm 4mm; }
        .cut { font-size: 8pt; overflow: hidden; white-space: nowrap; margin: 1mm 0 3mm; }
        .code { font-family: monospace; font-size: 14pt; letter-spacing: 0.08em; margin: 1mm 0; }
        .box { display: inline-block; width: 3.5mm; height: 3.5mm; border: 1px solid #000; vertical-align: middle; }
        .box.char { width: 6mm; height: 7mm; margin-right: 0.5mm; }
        .dash { display: inline-block; margin: 0 1mm; }
        .codes dt { font-weight: bold; margin-top: 2mm; } .codes dd { margin: 1mm 0 0 0; }
        .items { padding-left: 5mm; } .item { break-inside: avoid; margin-bottom: 2mm; } .item p { margin: 0; }
        .answers { list-style: none; padding: 0; margin: 1mm 0 0 0; display: flex; flex-wrap: wrap; gap: 1mm 6mm; }
        .consent, .decline { border: 1px solid #000; padding: 2mm 4mm; margin: 3mm 0; }
        .sender, .contact { font-size: 8pt; }
        """
}
