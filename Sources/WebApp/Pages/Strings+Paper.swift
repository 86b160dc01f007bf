import Forms

/// The texts of the statistics unit's paper pages.
extension Strings {
    static let paper: [String: LocalizedText] = [
        "paper_title": t("Fragebögen auf Papier", "Paper questionnaires"),
        "paper_intro": t("Für neu Eingestellte ohne eigenes Gerät. Jeder Bogen trägt einen eigenen Quittungscode, auf dem Abschnitt zum Abtrennen und auf dem Bogen; die Codes werden nirgends gespeichert. Die Personalstelle gibt die Bögen in Umschlägen mit dem Einladungsbrief aus; zurück kommen sie verschlossen an die Statistikstelle.",
                         "For new hires without a device of their own. Each form carries its own receipt code, on the tear-off stub and on the form; the codes are stored nowhere. HR hands the forms out in envelopes with the invitation letter; they come back sealed to the statistics unit."),
        "paper_count": t("Anzahl der Fragebögen", "Number of questionnaires"),
        "paper_count_hint": t("Eine A4-Seite je Fragebogen, Deutsch und Englisch.", "One A4 page per questionnaire, German and English."),
        "paper_print": t("Fragebögen erstellen und drucken", "Create and print the questionnaires"),
        "paper_returned": t("Zurückgekommene Bögen", "Returned forms"),
        "paper_entry_title": t("Papierbogen erfassen", "Enter a paper form"),
        "paper_entry_intro": t("Geben Sie den Einladungscode und den Quittungscode vom Bogen ein und übertragen Sie die Kreuze. Sie sehen dabei die Antworten, wie die Personalstelle bei ihrer Erfassung; deshalb erfasst die abgeschottete Statistikstelle. Ein verbrauchter, abgelaufener oder unbekannter Code wird abgelehnt wie in der Online-Befragung.",
                               "Enter the invitation code and the receipt code from the form and copy the ticks. You see the answers while doing so, as HR does with its own entry; that is why the shielded statistics unit enters them. A used, expired or unknown code is refused as in the online survey."),
        "paper_code_hint": t("Vom Bogen, wie die Person ihn aus dem Brief abgeschrieben hat; ein Tippfehler wird erkannt.",
                             "From the form, as the person copied it from the letter; a typo is detected."),
        "paper_receipt_hint": t("Auf den Bogen gedruckt, 20 Zeichen in vier Fünfergruppen; ein Tippfehler wird erkannt. Bei einer Ablehnung leer lassen.",
                                "Printed on the form, 20 characters in four groups of five; a typo is detected. Leave it empty for a decline."),
        "paper_receipt": t("Quittungscode vom Bogen", "Receipt code from the form"),
        "paper_items": t("Angaben auf dem Bogen", "Answers on the form"),
        "paper_consent_ticked": t("Auf dem Bogen ist „Ich willige ein“ angekreuzt.", "“I consent” is ticked on the form."),
        "paper_items_hint": t("Ohne Kreuz oder bei mehreren Kreuzen zu einer Frage: „keine Angabe“.", "No tick, or several ticks for one question: “prefer not to say”."),
        "paper_store": t("Antworten speichern", "Store the answers"),
        "paper_decline": t("„Nicht teilnehmen“ angekreuzt: als Ablehnung zählen", "“Do not take part” ticked: count as a decline"),
        "paper_decline_hint": t("Es zählt nur der Einladungscode; Antworten und Quittungscode werden dann nicht gespeichert.",
                                "Only the invitation code counts; answers and receipt code are then not stored."),
        "paper_stored": t("Gespeichert, unter dem gedruckten Quittungscode.", "Stored, under the printed receipt code."),
        "paper_declined": t("Als Ablehnung gezählt.", "Counted as a decline."),
    ]
}
