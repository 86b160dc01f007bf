/// A text in German and English; German first, as the administration's working language.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let de: String
    public let en: String

    public init(de: String, en: String) {
        self.de = de
        self.en = en
    }

    /// The text in `language` (`de` or `en`); anything else gets German.
    public func text(_ language: String) -> String { language == "en" ? en : de }
}
