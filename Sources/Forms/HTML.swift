/// The HTML that released reports and audit reports are written in: one escape, one page frame.
///
/// A rendering writes its content as a fragment (what the web pages embed in their own layout) and
/// wraps it with ``document(title:language:stylesheet:body:)`` for a file that stands alone: no
/// script, no external request, its own print stylesheet.
public enum HTML {
    /// Text made safe for element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A self-contained page around `body`.
    public static func document(title: String, language: String, stylesheet: String, body: String) -> String {
        ["<!doctype html>", "<html lang=\"\(language == "en" ? "en" : "de")\"><head><meta charset=\"utf-8\">",
         "<title>\(escape(title))</title>", "<style>\(stylesheet)</style></head><body>", body, "</body></html>"]
            .joined(separator: "\n") + "\n"
    }
}
