import Foundation
import Forms

extension PublishedReport {
    /// Reads back a report written by ``json()``: what is stored of a release, from which its
    /// pages, downloads and API answers are rendered on demand.
    ///
    /// Shares and response rates are not read but computed again from the counts by the rule of the
    /// release itself, so a report read back renders exactly as released; so are a participation
    /// line's figures, from its stored not-answered count. A document written before `labels`
    /// existed reads with its codes as labels, one written before `participation` with no
    /// participation lines: no figure is lost.
    public init(json text: String) throws {
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw Self.unreadable }
        try self.init(object: root)
    }

    /// The same from the parsed document, for a report stored inside another (``MonitoringReport``).
    init(object root: [String: Any]) throws {
        let labels = root["labels"] as? [String: Any] ?? [:]
        let dimensionLabels = labels["dimensions"] as? [String: [String: Any]] ?? [:]
        guard let report = root["report"] as? String, let kindText = root["kind"] as? String,
              let kind = ReportDefinition.Kind(rawValue: kindText), let indicator = root["indicator"] as? String,
              let categories = root["categories"] as? [String], let periods = root["periods"] as? [Int],
              let names = root["dimensions"] as? [String], let policy = root["policy"] as? [String: Any],
              let release = root["release"] as? String, let day = root["day"] as? String,
              let rawCells = root["cells"] as? [[String: Any]],
              let minCell = policy["min_cell"] as? Int, let protectionLevel = policy["protection_level"] as? Int,
              let groupDisclosure = policy["group_disclosure"] as? Bool, let cellKey = policy["cell_key"] as? Bool
        else { throw Self.unreadable }
        var figures: [Figure] = []
        for cell in rawCells {
            guard let category = cell["category"] as? String, let status = cell["status"] as? String else { throw Self.unreadable }
            var coordinates: [String: String] = [:]
            for name in names {
                guard let code = cell[name] as? String else { throw Self.unreadable }
                coordinates[name] = code
            }
            figures.append(Figure(coordinates: coordinates, category: category, count: cell["count"] as? Int, status: status))
        }
        // Only the not-answered count is read: the rest of a line follows from the cells.
        var notAnswered: [(period: Int, count: Int?)] = []
        for line in root["participation"] as? [[String: Any]] ?? [] {
            guard let period = line["period"] as? Int else { throw Self.unreadable }
            notAnswered.append((period, line["not_answered"] as? Int))
        }
        let dimensions = names.map { name -> Dimension in
            let details = dimensionLabels[name] ?? [:]
            var seen = Set<String>()
            // An older document: codes in the order the cells name them, the margin last as released.
            let named = figures.compactMap { seen.insert($0.coordinates[name] ?? "").inserted ? $0.coordinates[name] : nil }
            let codes = details["codes"] as? [String] ?? (named.filter { $0 != "Total" } + named.filter { $0 == "Total" })
            let leaves = details["leaves"] as? [String] ?? codes.filter { $0 != "Total" }
            return Dimension(name: name, codes: codes, labels: Self.localized(details["labels"]) ?? Self.codesAsLabels(codes), leaves: Set(leaves))
        }
        let answerCategories = categories.filter { $0 != AtomTable.declined }
        let cells = Self.cells(figures, answerCategories: answerCategories, minCell: minCell)
        self.init(report: report, title: Self.text(root["title"]) ?? LocalizedText(de: report, en: report), kind: kind,
                  indicator: indicator, indicatorLabel: Self.text(labels["indicator"]) ?? LocalizedText(de: indicator, en: indicator),
                  categories: categories,
                  categoryLabels: Self.localized(labels["categories"]) ?? Self.codesAsLabels(categories + ["total"]),
                  periods: periods, dimensions: dimensions,
                  policy: Policy(minCell: minCell, protectionLevel: protectionLevel, groupDisclosure: groupDisclosure,
                                 roundingBase: policy["rounding_base"] as? Int, cellKey: cellKey,
                                 sentences: (policy["sentences"] as? [Any] ?? []).compactMap(Self.text)),
                  release: release, day: day,
                  cells: cells, reference: Self.reference(root["reference"]),
                  participation: Self.participation(notAnswered: notAnswered, cells: cells, dimensions: dimensions,
                                                    answerCategories: answerCategories, minCell: minCell))
    }

    static let unreadable = InputError(english: "a stored report cannot be read: it is not a report as Vielfalt writes it",
                                       german: "Ein gespeicherter Bericht ist nicht lesbar: Er ist kein Bericht, wie Vielfalt ihn schreibt.")

    static func text(_ value: Any?) -> LocalizedText? {
        guard let object = value as? [String: Any], let de = object["de"] as? String, let en = object["en"] as? String else { return nil }
        return LocalizedText(de: de, en: en)
    }

    private static func localized(_ value: Any?) -> [String: LocalizedText]? {
        guard let object = value as? [String: Any] else { return nil }
        return object.compactMapValues(text)
    }

    private static func codesAsLabels(_ codes: [String]) -> [String: LocalizedText] {
        Dictionary(codes.map { ($0, LocalizedText(de: $0, en: $0)) }) { first, _ in first }
    }

    static func reference(_ value: Any?) -> ReferenceShares.Reference? {
        guard let object = value as? [String: Any], let share = object["share"] as? Double, let en = object["label"] as? String,
              let source = object["source"] as? String else { return nil }
        return ReferenceShares.Reference(share: share, label: LocalizedText(de: object["label_de"] as? String ?? en, en: en), source: source,
                                         year: object["year"] as? Int)
    }
}
