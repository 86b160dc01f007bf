import Foundation

/// The JSON of the data protection officer's documents: pretty, keys sorted and in snake case, so
/// that the same state gives the same bytes (golden files, diffs between two audits).
enum StableJSON {
    static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
