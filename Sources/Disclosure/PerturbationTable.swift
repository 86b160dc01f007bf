/// The published table of the Cell Key Method: for each original count, which noise with which
/// probability.
///
/// Loaded from CSV text with the columns `i,v,p` (header required; blank lines and lines starting
/// with `#` are skipped): `i` is an original count, `v` a noise value, `p` its probability. Rows must
/// exist for every count from 1 to the largest `i`, and the largest `i` stands for all larger counts.
/// Zeros are never perturbed (a cell without records has no record keys).
///
/// For each `i` the probabilities are laid end to end on `[0, 1)` in the order of the rows; a cell's
/// noise is the `v` whose interval contains its ``CellKey``. The same cell therefore gets the same
/// noise in every table.
///
/// ```swift
/// let table = try PerturbationTable(csv: text, smallestPublishedCount: 3)
/// table.noise(forCount: 1, key: CellKey(recordKeySum: 0x8000_0000))
/// ```
public struct PerturbationTable: Sendable, Hashable {
    /// One row of the table.
    public struct Row: Sendable, Hashable {
        public let count: Int
        public let noise: Int
        public let probability: Double
        /// Upper end of the row's interval of cell keys (cumulative probability).
        public let cumulative: Double
    }

    /// Rows grouped by count, `rowsByCount[i - 1]` holding those of count `i`.
    public let rowsByCount: [[Row]]

    /// Parses and validates the table.
    ///
    /// - Parameter smallestPublishedCount: `js` of the Cell Key Method: when given, no count may be
    ///   perturbed into `1..<js`.
    /// - Throws: ``DisclosureError/invalidPerturbationTable(line:_:)`` for a bad header or row, a
    ///   count without rows, probabilities outside `(0, 1]` or not summing to 1, a negative perturbed
    ///   value, or a perturbed value in `1..<js`.
    public init(csv: String, smallestPublishedCount: Int? = nil) throws {
        var raw: [Int: [(noise: Int, probability: Double, line: Int)]] = [:]
        var sawHeader = false
        for (offset, text) in csv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = Self.trimmed(text)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmed)
            if !sawHeader {
                guard fields == ["i", "v", "p"] else {
                    throw DisclosureError.invalidPerturbationTable(line: line, "expected the header i,v,p")
                }
                sawHeader = true
                continue
            }
            guard fields.count == 3, let count = Int(fields[0]), let noise = Int(fields[1]),
                  let probability = Double(fields[2]) else {
                throw DisclosureError.invalidPerturbationTable(line: line, "expected integer i, integer v, number p")
            }
            guard count >= 1 else {
                throw DisclosureError.invalidPerturbationTable(line: line, "i must be at least 1 (zeros are never perturbed)")
            }
            guard probability > 0 && probability <= 1 else {
                throw DisclosureError.invalidPerturbationTable(line: line, "p must lie in (0, 1]")
            }
            guard count + noise >= 0 else {
                throw DisclosureError.invalidPerturbationTable(line: line, "count \(count) with noise \(noise) is negative")
            }
            if let js = smallestPublishedCount, (1..<max(js, 1)).contains(count + noise) {
                throw DisclosureError.invalidPerturbationTable(
                    line: line, "count \(count) with noise \(noise) would publish \(count + noise), below \(js)")
            }
            raw[count, default: []].append((noise, probability, line))
        }
        guard let largest = raw.keys.max() else {
            throw DisclosureError.invalidPerturbationTable(line: nil, "the table has no rows")
        }
        var rowsByCount: [[Row]] = []
        for count in 1...largest {
            guard let entries = raw[count] else {
                throw DisclosureError.invalidPerturbationTable(line: nil, "no rows for i = \(count)")
            }
            var cumulative = 0.0
            var rows: [Row] = []
            for entry in entries {
                cumulative += entry.probability
                rows.append(Row(count: count, noise: entry.noise, probability: entry.probability, cumulative: cumulative))
            }
            guard abs(cumulative - 1) < 1e-9 else {
                throw DisclosureError.invalidPerturbationTable(
                    line: entries.last!.line, "probabilities for i = \(count) sum to \(cumulative), not 1")
            }
            rowsByCount.append(rows)
        }
        self.rowsByCount = rowsByCount
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The largest count with its own rows; larger counts use its rows.
    public var largestCount: Int { rowsByCount.count }

    /// The smallest and largest noise in the table.
    public var noiseRange: ClosedRange<Int> {
        let all = rowsByCount.joined().map(\.noise)
        return all.min()!...all.max()!
    }

    /// The noise for a cell with true `count` and cell key `key` (0 for a zero count).
    public func noise(forCount count: Int, key: CellKey) -> Int {
        guard count > 0 else { return 0 }
        let rows = rowsByCount[min(count, largestCount) - 1]
        return rows.first { key.value < $0.cumulative }?.noise ?? rows.last!.noise
    }
}
