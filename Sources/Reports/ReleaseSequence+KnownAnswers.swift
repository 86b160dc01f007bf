import Disclosure
import Forms

extension ReleaseSequence {
    /// What HR knows when the counted rows mix answers HR typed with answers given alone
    /// (``Disclosure/KnownAnswers``): the answers it typed, per context, every indicator's category
    /// and presence, and how many answered alone per context and presence. `.none` when the rows do
    /// not mix: then HR has nobody's answer left to learn, or nothing to subtract.
    ///
    /// The answers of withdrawn rows HR typed are deleted, but HR still knows them; the audit cannot,
    /// so their years are returned to be withheld by answer (``Disclosure/PopulationChanges/unmodelled``).
    func knownToHR(tables: [AtomTable], withdrawn: [WithdrawnContext], form: ReportForm) -> (known: KnownAnswers, unmodelled: Set<Int>) {
        var byHR: [KnownAnswers.Group: Int] = [:], alone: [KnownAnswers.Group: Int] = [:], unmodelled = Set<Int>()
        let categories = Self.categoriesByVersion(form)
        // Base rows carry epoch 0 in these counts (``ChunkJob``): no presence.
        func typedPresence(_ year: Int, _ epoch: Int) -> PopulationChanges.Presence? {
            epoch == 0 ? nil : self.presence(year: year, enteredAt: epoch)
        }
        for table in tables {
            for (key, count) in table.typedByHR {
                let year = table.years[key.context.year]
                var context = table.context(year: year, unit: key.context.unit, career: key.context.career, employment: key.context.employment)
                let version = categories[key.version]
                context.merge(key.answers.map { version?.answers[$0] ?? [:] } ?? version?.declined ?? [:]) { $1 }
                byHR[.init(context: context, presence: typedPresence(year, key.context.epoch), count: 0), default: 0] += count
            }
            for (key, count) in table.typedAlone {
                let year = table.years[key.year]
                let context = table.context(year: year, unit: key.unit, career: key.career, employment: key.employment)
                alone[.init(context: context, presence: typedPresence(year, key.epoch), count: 0), default: 0] += count
            }
        }
        if let table = tables.first {
            for row in withdrawn {
                guard let presence = presence(of: row) else { continue }   // never counted by any release
                let context = table.context(year: row.year, unit: row.unit, career: row.career, employment: row.employment)
                switch row.source ?? .hr {
                case .respondent: alone[.init(context: context, presence: presence, count: 0), default: 0] += 1
                case .hr:
                    byHR[.init(context: context, presence: presence, count: 0), default: 0] += 1
                    unmodelled.insert(row.year)
                }
            }
        }
        guard !byHR.isEmpty, !alone.isEmpty else { return (.none, []) }
        func groups(_ counts: [KnownAnswers.Group: Int]) -> [KnownAnswers.Group] {
            counts.map { .init(context: $0.key.context, presence: $0.key.presence, count: $0.value) }
        }
        return (KnownAnswers(groups: groups(byHR), answeredAlone: groups(alone)), unmodelled)
    }

    /// Per form version, every indicator's category for each answer combination, in
    /// ``RecordDecoder/categoryTable`` order, and a decline's: declined for every indicator at once.
    private static func categoriesByVersion(_ form: ReportForm) -> [Int: (answers: [[String: String]], declined: [String: String])] {
        var result: [Int: (answers: [[String: String]], declined: [String: String])] = [:]
        for version in form.versions {
            var answers: [[String: String]] = []
            version.forEachAnswerCombination { combination in
                answers.append(Dictionary(uniqueKeysWithValues: version.indicators.map { ($0.key, $0.derive(combination)) }))
            }
            result[version.version] = (answers, Dictionary(uniqueKeysWithValues: version.indicators.map { ($0.key, AtomTable.declined) }))
        }
        return result
    }
}
