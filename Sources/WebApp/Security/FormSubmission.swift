import Foundation
import Forms

/// A POSTed `application/x-www-form-urlencoded` body, or the reason it was refused.
///
/// A refused body is kept (not thrown) so that the questionnaire can show the form again with a
/// clear message; handlers reach the fields only through ``fields()``, which throws the refusal, so
/// nothing can act on a refused body by mistake.
public enum FormSubmission: Sendable {
    case fields(FormFields)
    case refused(InputError, status: Int)

    /// The fields, or the refusal as an error.
    public func fields() throws -> FormFields {
        switch self {
        case .fields(let fields): return fields
        case .refused(let error, _): throw error
        }
    }
}

/// Decoded form fields. A name given twice is refused: no field of ours takes several values.
public struct FormFields: Sendable {
    public let values: [String: String]

    public subscript(name: String) -> String? { values[name] }

    public init(values: [String: String]) { self.values = values }

    /// Parses an urlencoded body: `+` is a space, `%XX` a byte, the result must be UTF-8.
    public static func parse(_ body: String) throws -> FormFields {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw InputError(english: "the form data is not correctly encoded", german: "Die Formulardaten sind nicht korrekt kodiert.")
            }
            guard values[name] == nil else {
                throw InputError(field: name, english: "the field was sent twice", german: "Das Feld wurde doppelt gesendet.")
            }
            values[name] = value
        }
        return FormFields(values: values)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
