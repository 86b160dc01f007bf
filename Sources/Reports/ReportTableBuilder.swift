import Disclosure
import Forms

/// Builds a report's count table from the atoms, and its published form from the protected table.
struct ReportTableBuilder {
    let definition: ReportDefinition
    let indicator: Indicator
    let atoms: AtomTable
    let units: OrgUnits
    let cellKey: Bool

    static let total = "Total"

    /// Dimension names in table order: year (trend only), the groupings, the category.
    var names: [String] { (definition.kind == .trend ? ["year"] : []) + definition.by + [indicator.key] }

    func countTable() throws -> CountTable {
        var dimensions: [TableDimension] = []
        if definition.kind == .trend { dimensions.append(try .flat("year", leaves: atoms.years.map(String.init))) }
        for name in definition.by {
            switch name {
            case "unit":
                var children: [String: [String]] = [Self.total: units.dezernate.map { "Dezernat \($0.code)" }]
                for dezernat in units.dezernate { children["Dezernat \(dezernat.code)"] = dezernat.units }
                dimensions.append(try .hierarchical("unit", children: children))
            case "career_group": dimensions.append(try .flat(name, leaves: atoms.careerGroups))
            default: dimensions.append(try .flat(name, leaves: atoms.employments))
            }
        }
        dimensions.append(try .categories(indicator.key, codes: atoms.categories,
                                          nonInformative: ["not_determinable", AtomTable.declined]))
        var counts: [[String]: Int] = [:]
        var keySums: [[String]: UInt32] = [:]
        let trend = definition.kind == .trend
        atoms.forEachAtom { year, unit, career, employment, category, count, keySum in
            var coordinates = trend ? [String(year)] : []
            for name in definition.by {
                coordinates.append(name == "unit" ? unit : name == "career_group" ? career : employment)
            }
            coordinates.append(category)
            counts[coordinates, default: 0] += count
            keySums[coordinates, default: 0] &+= keySum
        }
        // A trend shows every year, not their sum: see ``CountTable`` on omitted totals.
        return try CountTable(dimensions: dimensions, counts: counts, cellKeySums: cellKey ? keySums : nil,
                              scope: CellDomain(["year": Set(atoms.years.map(String.init))]),
                              omittingTotalsOf: trend ? ["year"] : [])
    }

    /// Every code of every variable, so the ledger audit knows what exists beyond a table.
    func universe(allYears: Set<Int>) -> [String: Set<String>] {
        ["year": Set(allYears.map(String.init)), "unit": Set(units.codes), "career_group": Set(atoms.careerGroups),
         "employment": Set(atoms.employments), indicator.key: Set(atoms.categories)]
    }

    /// The published report; `notAnswered` holds each period's invitations expired unanswered as of
    /// the release, which are withheld here by their own rule (``PublishedReport/publishable(notAnswered:minCell:roundingBase:)``).
    func published(_ protected: ProtectedTable, form: ReportForm, policy file: DisclosurePolicyFile, day: String,
                   release: String, reference: ReferenceShares.Reference?, notAnswered: [Int: Int]) -> PublishedReport {
        let names = self.names
        let categoryName = indicator.key
        let figures = protected.cells.filter { $0.status != .omitted }.map { cell -> PublishedReport.Figure in
            var coordinates: [String: String] = [:]
            for (i, name) in names.enumerated() where name != categoryName { coordinates[name] = cell.coordinates[i] }
            return .init(coordinates: coordinates, category: cell.coordinates[names.count - 1], count: cell.published,
                         status: cell.status.rawValue)
        }
        let minCell = file.policy.minCell
        let cells = PublishedReport.cells(figures, answerCategories: indicator.categoryCodes, minCell: minCell)
        let dimensions = publishedDimensions(form: form)
        let participation = PublishedReport.participation(
            notAnswered: atoms.years.map { ($0, PublishedReport.publishable(notAnswered: notAnswered[$0] ?? 0, minCell: minCell,
                                                                           roundingBase: file.policy.roundingBase)) },
            cells: cells, dimensions: dimensions, answerCategories: indicator.categoryCodes, minCell: minCell)
        return PublishedReport(
            report: definition.name, title: definition.title, kind: definition.kind, indicator: indicator.key,
            indicatorLabel: indicator.label, categories: atoms.categories, categoryLabels: categoryLabels(),
            periods: atoms.years, dimensions: dimensions, policy: .init(
                minCell: minCell, protectionLevel: file.policy.protectionLevel, groupDisclosure: file.policy.groupDisclosure,
                roundingBase: file.policy.roundingBase, cellKey: file.policy.cellKey != nil,
                sentences: file.sentences),
            release: release, day: day, cells: cells, reference: reference, participation: participation)
    }

    private func categoryLabels() -> [String: LocalizedText] {
        var labels = Dictionary(uniqueKeysWithValues: indicator.categories.map { ($0.code, $0.label) })
        labels[AtomTable.declined] = LocalizedText(de: "Angabe abgelehnt", en: "declined to answer")
        labels["total"] = LocalizedText(de: "Insgesamt (befragt)", en: "Total (asked)")
        return labels
    }

    private func publishedDimensions(form: ReportForm) -> [PublishedReport.Dimension] {
        let totalLabel = LocalizedText(de: "Insgesamt", en: "Total")
        var result: [PublishedReport.Dimension] = []
        if definition.kind == .trend {
            let years = atoms.years.map(String.init)
            result.append(.init(name: "year", codes: years,
                                labels: Dictionary(uniqueKeysWithValues: years.map { ($0, LocalizedText(de: $0, en: $0)) }),
                                leaves: Set(years)))
        }
        for name in definition.by {
            switch name {
            case "unit":
                var codes: [String] = [], labels: [String: LocalizedText] = [Self.total: totalLabel]
                for dezernat in units.dezernate {
                    for code in dezernat.units {
                        codes.append(code)
                        labels[code] = units.unit(code).map { LocalizedText(de: "\(code) \($0.name.de)", en: "\(code) \($0.name.en)") }
                    }
                    codes.append("Dezernat \(dezernat.code)")
                    labels["Dezernat \(dezernat.code)"] = dezernat.name
                }
                result.append(.init(name: name, codes: codes + [Self.total], labels: labels, leaves: Set(units.codes)))
            default:
                let answers = form.choices(name)
                result.append(.init(name: name, codes: answers.map(\.code) + [Self.total],
                                    labels: Dictionary(uniqueKeysWithValues: answers.map { ($0.code, $0.label) } + [(Self.total, totalLabel)]),
                                    leaves: Set(answers.map(\.code))))
            }
        }
        return result
    }
}
