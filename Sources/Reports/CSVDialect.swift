import Foundation

/// The two CSV dialects of every download. `de`: semicolon, decimal comma, UTF-8 with byte-order
/// mark (opens right in German Excel); `en`: comma and decimal point. Lines end in CRLF.
struct CSVDialect {
    let german: Bool

    init(locale: String) { german = locale == "de" }

    var separator: String { german ? ";" : "," }

    /// A field, quoted when it holds the separator, a quote or a line break (either half of CRLF).
    func field(_ s: String) -> String {
        s.contains(separator) || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A share as percent with one decimal; empty when there is none.
    func percent(_ value: Double?) -> String {
        value.map { PublishedReport.decimal($0 * 100, german ? "de" : "en") } ?? ""
    }

    func row(_ fields: [String]) -> String { fields.map(field).joined(separator: separator) }

    /// The lines as one document, with the byte-order mark in German.
    func document(_ lines: [String]) -> String {
        (german ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }
}
