import Foundation
import Forms

/// The record of processing activities (Art. 30 GDPR) from `policy/processing.yaml`.
///
/// The typed parts name controller, purpose, legal basis, persons, data and recipients. Retention
/// and the technical and organisational measures are not typed: ``measures(_:)`` derives them from
/// the configuration in force, so the record cannot drift from what the system does.
public struct ProcessingRecord: Sendable, Codable, Equatable {
    public struct Party: Sendable, Codable, Equatable {
        public let name: String
        public let address: String?
        public let contact: String
    }

    public typealias Text = LocalizedText

    public let controller: Party
    public let dataProtectionOfficer: Party
    public let purpose: Text
    public let legalBasis: [Text]
    public let dataSubjects: Text
    public let dataCategories: Text
    public let recipients: Text
    public let thirdCountryTransfers: Text

    public static func load(contentsOf url: URL) throws -> ProcessingRecord {
        try ProcessingRecord(yaml: YAMLNode.load(contentsOf: url))
    }

    public static func parse(_ text: String, file: String) throws -> ProcessingRecord {
        try ProcessingRecord(yaml: YAMLNode.parse(text, file: file))
    }

    init(yaml root: YAMLNode) throws {
        try root.rejectUnknownKeys(["version", "controller", "data_protection_officer", "purpose", "legal_basis",
                                    "data_subjects", "data_categories", "recipients", "third_country_transfers"])
        let version = try root.child("version")
        guard try version.int() == 1 else { throw version.error("unsupported version (expected 1)", "Nicht unterstützte Version (erwartet: 1).") }
        func party(_ key: String) throws -> Party {
            let node = try root.child(key)
            try node.rejectUnknownKeys(["name", "address", "contact"])
            return Party(name: try node.child("name").string(), address: try node.optionalChild("address")?.string(),
                         contact: try node.child("contact").string())
        }
        func text(_ node: YAMLNode) throws -> Text {
            let t = try node.localizedText()
            guard !t.de.isEmpty, !t.en.isEmpty else { throw node.error("text is empty", "Text ist leer.") }
            return t
        }
        controller = try party("controller")
        dataProtectionOfficer = try party("data_protection_officer")
        purpose = try text(root.child("purpose"))
        legalBasis = try root.child("legal_basis").list().map(text)
        guard !legalBasis.isEmpty else { throw try root.child("legal_basis").error("name at least one legal basis", "Mindestens eine Rechtsgrundlage angeben.") }
        dataSubjects = try text(root.child("data_subjects"))
        dataCategories = try text(root.child("data_categories"))
        recipients = try text(root.child("recipients"))
        thirdCountryTransfers = try text(root.child("third_country_transfers"))
    }

    /// What the measures are derived from.
    public struct Configuration: Sendable {
        public let kdfOpsLimit: UInt64
        public let kdfMemLimit: UInt64
        /// The keyholders of two-person unlock; nil when the statistics passphrase unlocks.
        public let keyholders: [String]?
        public let libsodiumVersion: String
        /// One line per disclosure rule in force, in English and German.
        public let disclosure: [Text]

        public init(kdfOpsLimit: UInt64, kdfMemLimit: UInt64, keyholders: [String]? = nil, libsodiumVersion: String, disclosure: [Text]) {
            self.kdfOpsLimit = kdfOpsLimit
            self.kdfMemLimit = kdfMemLimit
            self.keyholders = keyholders
            self.libsodiumVersion = libsodiumVersion
            self.disclosure = disclosure
        }
    }

    /// The technical and organisational measures (Art. 32 GDPR) as configured.
    public static func measures(_ c: Configuration, retention: RetentionPolicy) -> [Text] {
        let mib = c.kdfMemLimit / 1_048_576
        var list = [
            Text(de: "Jedes Kontext- und Antwortfeld einzeln verschlüsselt (XChaCha20-Poly1305, libsodium \(c.libsodiumVersion)), gebunden an Antwort, Feld, Formular, Version und Zeitraum; einheitlich aufgefüllt, damit die Länge nichts verrät.",
                 en: "Every context and answer field encrypted on its own (XChaCha20-Poly1305, libsodium \(c.libsodiumVersion)), bound to response, field, form, version and period; padded to one length so length reveals nothing."),
            Text(de: "Erfassung nur mit öffentlichen Schlüsseln (X25519 je Einstellungsjahr): die Personalstelle kann Erfasstes nicht lesen.",
                 en: "Entry with public keys only (X25519 per hiring year): HR cannot read what it entered."),
            c.keyholders.map { names in
                Text(de: "Geheime Schlüssel getrennt von den Daten, im Vier-Augen-Prinzip: nur je zwei der Schlüsselhalter \(names.joined(separator: ", ")) gemeinsam entsperren (Argon2id je Person, \(c.kdfOpsLimit) Durchläufe, \(mib) MiB).",
                     en: "Secret keys apart from the data, under two-person control: only two of the keyholders \(names.joined(separator: ", ")) together unlock them (Argon2id per person, \(c.kdfOpsLimit) passes, \(mib) MiB).")
            } ?? Text(de: "Geheime Schlüssel getrennt von den Daten, geschützt durch die Passphrase der Statistikstelle (Argon2id, \(c.kdfOpsLimit) Durchläufe, \(mib) MiB).",
                      en: "Secret keys apart from the data, protected by the statistics unit's passphrase (Argon2id, \(c.kdfOpsLimit) passes, \(mib) MiB)."),
            Text(de: "Keine Namen, Personalnummern, genauen Daten oder Zeitstempel; zufällige Kennungen ohne Reihenfolge; gelöschte Zeilen werden überschrieben (secure_delete).",
                 en: "No names, personnel numbers, exact dates or timestamps; random ids without order; deleted rows are overwritten (secure_delete)."),
            Text(de: "Widerruf mit Quittungscode (100 Bit Zufall, nur als Schlüssel-Hash gespeichert); die Antworten werden sofort gelöscht, nur die verschlüsselten Kontextangaben ohne Antwort bleiben bis zur Löschung des Zeitraums, damit die Geheimhaltungsprüfung die widerrufende Person auch gegen den Vergleich früherer Veröffentlichungen schützt.",
                 en: "Withdrawal with a receipt code (100 random bits, stored only as a keyed hash); the answers are deleted at once, only the encrypted context fields without answers stay until the period is erased, so that disclosure control protects the withdrawing person against comparison with earlier releases too."),
            Text(de: "Löschung: \(retention.rule("responses").keep.german) durch Vernichtung des Zeitraumschlüssels (Crypto-Shredding), Löschen der Zeilen und VACUUM.",
                 en: "Erasure: \(retention.rule("responses").keep.english) by destroying the period key (crypto-shredding), deleting the rows and vacuuming."),
            Text(de: "Manipulationssicheres Protokoll: jede Änderung und Veröffentlichung als Hash-Kette (BLAKE2b) mit Kopfdatei.",
                 en: "Tamper-evident log: every change and release in a hash chain (BLAKE2b) with a head file."),
            Text(de: "Dateien nur für das Dienstkonto lesbar (0600, Verzeichnis 0700).",
                 en: "Files readable by the service account only (0600, directory 0700)."),
        ]
        list += c.disclosure
        return list
    }
}
