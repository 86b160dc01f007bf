import Forms

/// Art. 35(7)(c): the risks to the people concerned, each with what the system does against it and,
/// as honestly, what it does not. Where a fact of the audit changes a likelihood, it is read here.
enum DPIARisks {
    typealias Text = DPIAReport.Text

    static func assess(_ inputs: DPIADraft.Inputs) -> [DPIAReport.Risk] {
        let audit = inputs.audit
        let weakKDF = audit.keystore.kdfMemLimitMiB < 64
        let brokenLog = !audit.log.intact
        return [
            .init(id: "R1",
                  title: Text(de: "Re-Identifikation über kleine Zellen und Differenzbildung", en: "Re-identification through small cells and differencing"),
                  threat: Text(de: "Wer Veröffentlichungen vergleicht und weiß, wer in welcher Einheit eingestellt wurde, könnte auf die Angaben einzelner Beschäftigter schließen.",
                               en: "Whoever compares releases and knows who was hired into which unit could infer what single employees answered."),
                  protection: Text(de: "Primär- und Sekundärsperrung, Gruppenoffenlegung, Prüfung gegen alle früheren Veröffentlichungen (Register), keine Einzeldaten aus dem System (siehe Geheimhaltung).",
                                   en: "Primary and secondary suppression, group disclosure, checks against every earlier release (ledger), no single record leaves the system (see disclosure control)."),
                  gap: Text(de: "Wissen außerhalb des Systems (z. B. wer die Angabe verweigert hat) kann die Schutzwirkung mindern; Tabellen außerhalb von Vielfalt prüft niemand.",
                            en: "Knowledge outside the system (e.g. who refused to answer) can weaken the protection; tables made outside Vielfalt are checked by no one."),
                  severity: .high, likelihood: .low, measures: ["50-purpose", "42-record"]),
            .init(id: "R2",
                  title: Text(de: "Einblick des Arbeitgebers in Antworten bei der Erfassung", en: "Employer access to answers at entry"),
                  threat: Text(de: "Die Personalstelle tippt die Antworten ein und sieht sie dabei; sie kennt die Person.",
                               en: "The HR clerk types the answers and sees them while doing so; they know the person."),
                  protection: Text(de: "Die Erfassung verschlüsselt sofort mit öffentlichen Schlüsseln; die Personalstelle kann nichts zurücklesen; es wird keine Identität gespeichert.",
                                   en: "Entry encrypts at once with public keys; HR cannot read anything back; no identity is stored."),
                  gap: Text(de: "In dieser Version gibt es nur die Erfassung durch die Personalstelle; die Selbsteingabe durch die neu eingestellte Person (Einladung) ist noch nicht gebaut. Was die Sachbearbeitung gesehen hat, schützt nur die Dienstanweisung.",
                            en: "This version offers HR entry only; self-service entry by the new hire (invitation) is not built yet. What the clerk has seen is protected only by the service instruction."),
                  severity: .high, likelihood: .medium, measures: ["50-purpose", "11-encryption"]),
            .init(id: "R3",
                  title: Text(de: "Verlust oder Offenlegung der Schlüssel", en: "Loss or disclosure of keys"),
                  threat: keyThreat(audit), protection: keyProtection(audit), gap: keyGap(audit),
                  severity: .high, likelihood: weakKDF ? .medium : .low, measures: ["11-encryption"]),
            .init(id: "R4",
                  title: Text(de: "Kopien und Sicherungen nach der Löschung", en: "Copies and backups after a purge"),
                  threat: Text(de: "Eine vor einem Löschlauf gezogene Kopie des Schlüsselverzeichnisses oder Schlüsselsicherung öffnet mit einer gleich alten Kopie der Daten den gelöschten Zeitraum weiterhin.",
                               en: "A copy of the keys directory or a keystore backup taken before a purge, with a data copy of the same age, still opens the purged period."),
                  protection: Text(de: "Schlüssel liegen getrennt von den Daten, eine Kopie des Datenverzeichnisses enthält keinen; Crypto-Shredding macht Kopien der Daten unlesbar; Schlüsselsicherungen sind mit der Passphrase versiegelt, werden mit den enthaltenen Schlüsseln erfasst und von der Prüfung gemeldet, bis ihre Vernichtung festgehalten ist; der Hauptschlüssel lässt sich erneuern.",
                                   en: "Keys lie apart from the data, a copy of the data directory holds none; crypto-shredding makes copies of the data unreadable; keystore backups are sealed under the passphrase, recorded with the keys they hold and flagged by the audit until their destruction is recorded; the master key can be rotated."),
                  gap: Text(de: "Eine nicht erfasste Dateikopie des Schlüsselverzeichnisses entgeht der Prüfung; ein Widerruf nach der letzten Schlüsselsicherung wird bei einer Wiederherstellung nur erneut angewandt, wenn das Schlüsselverzeichnis im Betrieb erhalten ist.",
                            en: "An unrecorded file copy of the keys directory escapes the audit; a withdrawal made after the last keystore backup is made again by a restore only when the keys directory in use survived."),
                  severity: .high, likelihood: .medium, measures: ["60-backups", "60-keys"]),
            .init(id: "R5",
                  title: Text(de: "Unbemerkte Änderung von Daten oder Protokoll", en: "Unnoticed change of data or log"),
                  threat: Text(de: "Wer das ganze Datenverzeichnis hält, könnte Protokoll und Kopfdatei neu schreiben und Löschungen oder Veröffentlichungen verbergen.",
                               en: "Whoever holds the whole data directory could rewrite the log and its head file and hide purges or releases."),
                  protection: Text(de: "Hash-Kette mit Kopfdatei; Anker, die die/der DSB außerhalb des Systems aufbewahrt, decken ein Neuschreiben auf.",
                                   en: "Hash chain with a head file; anchors the DPO keeps outside the system reveal a rewrite."),
                  gap: Text(de: brokenLog ? "Das Protokoll ist derzeit NICHT unversehrt (siehe Prüfbericht)." : "Ohne außerhalb aufbewahrte Anker bleibt ein vollständiges Neuschreiben unentdeckt; Zeitstempel sind nur Tage, nicht qualifiziert.",
                            en: brokenLog ? "The audit log is NOT intact now (see the audit)." : "Without anchors kept outside, a complete rewrite goes unnoticed; time stamps are days only, not qualified."),
                  severity: .medium, likelihood: brokenLog ? .high : .low, measures: ["43-integrity", "42-proof"]),
            .init(id: "R6",
                  title: Text(de: "Widerruf ohne Quittungscode nicht möglich", en: "Withdrawal impossible without the receipt code"),
                  threat: Text(de: "Wer den Quittungscode verliert, kann nicht mehr widerrufen, da keine Identität gespeichert ist.",
                               en: "Whoever loses the receipt code can no longer withdraw, since no identity is stored."),
                  protection: Text(de: "Der Code wird einmal angezeigt und kann ausgedruckt werden; spätestens mit Ablauf der Frist wird alles gelöscht.",
                                   en: "The code is shown once and can be printed; at the latest at expiry everything is erased."),
                  gap: Text(de: "Eine Wiederherstellung des Codes ist ohne Verkettung mit der Person nicht möglich; darauf muss bei der Einwilligung hingewiesen werden.",
                            en: "Recovering a code is impossible without linking it to the person; the consent must say so."),
                  severity: .medium, likelihood: .medium, measures: ["61-rectify", "60-deadlines"]),
        ]
    }

    // R3 as the keystore is held: by the statistics passphrase, or by keyholders two at a time.
    private static func keyThreat(_ audit: AuditReport) -> Text {
        audit.keystore.keyholders == nil
            ? Text(de: "Wer Schlüsselspeicher und Passphrase erlangt, kann alle gehaltenen Zeiträume öffnen; eine vergessene Passphrase macht die Daten unbrauchbar.",
                   en: "Whoever obtains the keystore and its passphrase can open every period held; a forgotten passphrase makes the data unusable.")
            : Text(de: "Wer den Schlüsselspeicher und die Passphrasen zweier Schlüsselhalter erlangt, kann alle gehaltenen Zeiträume öffnen; fehlen die Passphrasen aller bis auf einen, sind die Daten unbrauchbar.",
                   en: "Whoever obtains the keystore and the passphrases of two keyholders can open every period held; with all passphrases but one lost, the data is unusable.")
    }

    private static func keyProtection(_ audit: AuditReport) -> Text {
        let k = audit.keystore
        guard let names = k.keyholders else {
            return Text(de: "Zeitraumschlüssel getrennt von den Daten, verschlüsselt mit einem aus der Passphrase abgeleiteten Schlüssel (Argon2id, \(k.kdfOpsLimit) Durchläufe, \(k.kdfMemLimitMiB) MiB).",
                        en: "Period keys apart from the data, wrapped with a key derived from the passphrase (Argon2id, \(k.kdfOpsLimit) passes, \(k.kdfMemLimitMiB) MiB).")
        }
        let list = names.joined(separator: ", ")
        return Text(de: "Zeitraumschlüssel getrennt von den Daten; der Hauptschlüssel öffnet sich nur, wenn zwei der Schlüsselhalter (\(list)) ihre Passphrasen eingeben (Vier-Augen-Prinzip; Argon2id je Person, \(k.kdfOpsLimit) Durchläufe, \(k.kdfMemLimitMiB) MiB); ein Anteil kann im Tresor der bzw. des Datenschutzbeauftragten liegen.",
                    en: "Period keys apart from the data; the master key opens only when two of the keyholders (\(list)) enter their passphrases (two-person control; Argon2id per person, \(k.kdfOpsLimit) passes, \(k.kdfMemLimitMiB) MiB); one share can lie in the data protection officer's safe.")
    }

    private static func keyGap(_ audit: AuditReport) -> Text {
        audit.keystore.keyholders == nil
            ? Text(de: "Eine schwache Passphrase schützt wenig; für eine vergessene Passphrase gibt es bewusst keine Wiederherstellung (für die Betroffenen wirkt das wie eine Löschung).",
                   en: "A weak passphrase protects little; a forgotten passphrase has, by design, no recovery (for the people concerned it acts as an erasure).")
            : Text(de: "Zwei Schlüsselhalter, die zusammenwirken, können alles öffnen; schwache Passphrasen schützen wenig. Eine vor der Umstellung gezogene Kopie des Schlüsselspeichers öffnet sich weiter mit der früheren Passphrase.",
                   en: "Two keyholders acting together can open everything; weak passphrases protect little. A copy of the keystore taken before the conversion still opens with the former passphrase.")
    }
}
