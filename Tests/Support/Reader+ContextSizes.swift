import Disclosure

extension Reader {
    /// The reader knows how many people each context of `sizes` holds among those counted by
    /// release `current`, and that every other context holds nobody counted then. Columns only: the
    /// answers in `sizes` stay unknown to the reader.
    public mutating func know(_ sizes: ContextSizes, current: Int) {
        let now = counted(by: current)
        var rest = Set(columns(in: .all, presences: now))
        var sums: [[Int]: Int] = [:]
        for group in sizes.groups {
            let context = group.context.filter { !sizes.answerVariables.contains($0.key) }
            let own = columns(in: CellDomain(context.mapValues { [$0] }), presences: now)
            sums[own, default: 0] += group.count
            rest.subtract(own)
        }
        rows += sums.map { ($0.key, Double($0.value), Double($0.value)) }
        rows += rest.sorted().map { ([$0], 0, 0) }
    }

    /// Group disclosure that the last of `released` adds, for a reader who knows `sizes` (and
    /// `changes`): a context whose people counted now all gave one informative answer must not be
    /// proven so (the others pinned at 0), unless the releases before had proven it already.
    ///
    /// `base`, when given, holds the people counted by every release (no presence): their contexts
    /// are groups of known size too (sizes less the known changes), checked the same way.
    public static func groupDisclosures(_ released: [[ReleasedCell]], changes: PopulationChanges, sizes: ContextSizes,
                                        universe: [String: Set<String>], answers: (variable: String, informative: [String]),
                                        rules: Set<[String: String]> = [], base: ContextSizes? = nil) -> [String] {
        var before = Reader(universe: universe, changes: changes, rules: rules)
        before.know(sizes, current: changes.current)
        for cells in released.dropLast() { before.read(cells) }
        var after = before
        after.read(released.last!)
        var found: [String] = []
        for (people, presences) in [(sizes, after.counted(by: changes.current))] + (base.map { [($0, Set(["base"]))] } ?? []) {
            var given: [[String: String]: [String: Int]] = [:]
            for group in people.groups {
                let context = group.context.filter { !people.answerVariables.contains($0.key) }
                given[context, default: [:]][group.context[answers.variable] ?? "?", default: 0] += group.count
            }
            for (context, counts) in given {
                let holders = answers.informative.filter { (counts[$0] ?? 0) > 0 }
                guard holders.count == 1, let answer = holders.first else { continue }
                var domain = CellDomain(context.mapValues { [$0] })
                domain.restrict(answers.variable, to: Set(answers.informative.filter { $0 != answer }))
                let columns = after.columns(in: domain, presences: presences)
                let pinned = after.interval(of: columns), earlier = before.interval(of: columns)
                if pinned.wholeUpper <= 0 && earlier.wholeUpper > 0 {
                    found.append("release \(released.count - 1) proves that everybody of \(context) among \(presences.sorted()) gave \(answer)")
                }
            }
        }
        return found
    }
}
