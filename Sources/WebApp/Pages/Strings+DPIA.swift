import Forms

extension Strings {
    /// The texts of the DPO's page with the draft DPIA and its SDM table.
    static let dpia: [String: LocalizedText] = [
        "dpia_title": t("Datenschutz-Folgenabschätzung (Entwurf)", "Data protection impact assessment (draft)"),
        "dpia_link": t("DSFA-Entwurf mit SDM-Tabelle anzeigen", "Show the draft DPIA with its SDM table"),
        "dpia_intro": t("Aus dem laufenden System erzeugt. Was nur Menschen schreiben können (Stellungnahmen, Restrisiko, Freigabe), steht in policy/dpia.yaml; leere Felder sind als offen markiert. Als Datei: vielfalt audit --dpia --format html.",
                        "Made from the live system. What only people can write (opinions, residual risk, sign-off) belongs in policy/dpia.yaml; empty fields are marked open. As a file: vielfalt audit --dpia --format html."),
        "dpia_show": t("DSFA anzeigen", "Show the DPIA"),
    ]
}
