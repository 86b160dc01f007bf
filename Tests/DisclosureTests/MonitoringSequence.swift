import Disclosure

/// A random monitoring sequence as the attack tests replay it: four releases (baselines of one year
/// and trends over both, two indicators derived from the same answers, random groupings), with late
/// entries into either year and withdrawals between them.
///
/// Each release is protected against all earlier ones and the reader's knowledge of who changed;
/// `check` then sees what a reader holds: everything released so far, the known changes, the
/// indicator of this release, the universe and the derivation rules.
enum MonitoringSequence {
    struct Release {
        let number: Int
        let released: [[ReleasedCell]]
        let changes: PopulationChanges
        let indicator: String
        let universe: [String: Set<String>]
        let rules: Set<[String: String]>
        /// How many people each context holds now, which every reader knows (with this release's
        /// indicator for the audit).
        let sizes: ContextSizes
        /// The same sizes with each indicator's answers, for checking group disclosure of either.
        let sizesByIndicator: [String: ContextSizes]
    }

    static func run(seed: Int, _ check: (Release) throws -> Void) throws {
        var generator = SplitMix64(seed: UInt64(seed) &+ 7100)
        let combinations = DerivationRulesTests.allowed.filter { $0["mh"] != "declined" }.sorted { $0.description < $1.description }
        struct Hire { let year: String, unit: String, career: String, answers: [String: String], entered: Int; var withdrawn: Int? }
        func hire(entered: Int) -> Hire {
            Hire(year: ["2024", "2025"].randomElement(using: &generator)!, unit: ["10", "11", "20", "21"].randomElement(using: &generator)!,
                 career: ["A", "B"].randomElement(using: &generator)!, answers: combinations.randomElement(using: &generator)!, entered: entered)
        }
        var hires = (0..<Int.random(in: 40...80, using: &generator)).map { _ in hire(entered: 0) }
        let universe: [String: Set<String>] = ["year": ["2024", "2025"], "unit": ["10", "11", "20", "21"], "career_group": ["A", "B"],
                                               "mh": ["yes", "no", "nd"], "fn": ["yes", "no", "nd"]]
        let rules = Set(combinations)
        var released: [[ReleasedCell]] = [], covering: [String: [Int]] = [:]
        for release in 0..<4 {
            if release > 0 {
                for _ in 0..<Int.random(in: 0...2, using: &generator) { hires.append(hire(entered: release)) }
                if Bool.random(using: &generator), let index = hires.indices.filter({ hires[$0].withdrawn == nil }).randomElement(using: &generator) {
                    hires[index].withdrawn = release
                }
            }
            let years: [String] = Bool.random(using: &generator) ? ["2024", "2025"] : [["2024", "2025"].randomElement(using: &generator)!]
            let indicator = ["mh", "fn"].randomElement(using: &generator)!
            let grouping = ChangeAttackTests.groupings.randomElement(using: &generator)!
            // Who changed, as the reader knows it: presences in the releases that covered each year.
            func first(_ year: String, atOrAfter epoch: Int) -> Int { (covering[year] ?? []).first { $0 >= epoch } ?? release }
            var groups: [PopulationChanges.Group: Int] = [:]
            for hire in hires {
                let start = first(hire.year, atOrAfter: hire.entered)
                let end = hire.withdrawn.map { first(hire.year, atOrAfter: $0) }
                if hire.withdrawn == nil && hire.entered <= (covering[hire.year]?.first ?? release) { continue }
                if let end, end <= start { continue }
                let context = ["year": hire.year, "unit": hire.unit, "career_group": hire.career]
                groups[.init(context: context, presence: .init(first: start, end: end), count: 0), default: 0] += 1
            }
            let changes = PopulationChanges(current: release, groups: groups.map { .init(context: $0.key.context, presence: $0.key.presence, count: $0.value) })
            var dimensions: [TableDimension] = years.count > 1 ? [try .flat("year", leaves: years)] : []
            for name in grouping { dimensions.append(name == "unit" ? try units() : try .flat("career_group", leaves: ["A", "B"])) }
            dimensions.append(try .categories(indicator, codes: ["yes", "no", "nd"], nonInformative: ["nd"]))
            var counts: [[String]: Int] = [:]
            for hire in hires where hire.withdrawn == nil && years.contains(hire.year) {
                let coordinates = (years.count > 1 ? [hire.year] : []) + grouping.map { $0 == "unit" ? hire.unit : hire.career }
                counts[coordinates + [hire.answers[indicator]!], default: 0] += 1
            }
            let table = try CountTable(dimensions: dimensions, counts: counts, scope: CellDomain(["year": Set(years)]))
            func sizes(_ indicator: String) -> ContextSizes {
                var sizes: [[String: String]: Int] = [:]
                for hire in hires where hire.withdrawn == nil {
                    sizes[["year": hire.year, "unit": hire.unit, "career_group": hire.career, indicator: hire.answers[indicator]!], default: 0] += 1
                }
                return ContextSizes(groups: sizes.map { .init(context: $0.key, presence: nil, count: $0.value) }, answerVariables: ["mh", "fn"])
            }
            let known = sizes(indicator)
            let protected = try protect(table, earlier: released.flatMap { $0 }, universe: universe, changes: changes,
                                        rules: DerivationRules(allowed: rules), sizes: known)
            released.append(protected.releasedCells.map { var cell = $0; cell.release = release; return cell })
            for year in years { covering[year, default: []].append(release) }
            try check(Release(number: release, released: released, changes: changes, indicator: indicator, universe: universe, rules: rules,
                                  sizes: known, sizesByIndicator: ["mh": sizes("mh"), "fn": sizes("fn")]))
        }
    }
}
