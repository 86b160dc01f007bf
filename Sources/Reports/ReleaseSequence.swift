import Disclosure
import Forms

/// The release sequence as disclosure control needs it: which releases covered each hiring year, and
/// so which rows are changes — entered after, or withdrawn since, a release that covered their year.
///
/// Epochs number releases from 0; a row's entry epoch is the number of releases recorded before it
/// (``Store/EntryEpoch``). Rows of a year entered no later than its first release were counted by
/// every release of the year: the base, which the reader does not know row by row. Everybody else
/// is a change, whose context the reader of threat model 5 knows.
struct ReleaseSequence {
    /// The epoch of the release being made.
    let current: Int
    /// Per hiring year, the epochs of the earlier releases that covered it, ascending.
    private let earlier: [Int: [Int]]

    init(releases: [(epoch: Int, periods: [Int])], current: Int) {
        self.current = current
        var earlier: [Int: [Int]] = [:]
        for release in releases.sorted(by: { $0.epoch < $1.epoch }) {
            for year in release.periods { earlier[year, default: []].append(release.epoch) }
        }
        self.earlier = earlier
    }

    /// The years some earlier release covered.
    var releasedYears: Set<Int> { Set(earlier.keys) }

    /// Rows of `year` entered at or before this epoch were counted by every release of the year.
    func baseEpoch(_ year: Int) -> Int { earlier[year]?.first ?? current }

    /// The first release of `year` at or after `epoch`: the one that first counted a row entered then,
    /// or (for a withdrawal epoch) the first that no longer counted it.
    private func firstRelease(of year: Int, atOrAfter epoch: Int) -> Int {
        earlier[year]?.first { $0 >= epoch } ?? current
    }

    /// Which releases count a row of `year` entered at `epoch` after the first release of its year.
    func presence(year: Int, enteredAt epoch: Int) -> PopulationChanges.Presence {
        PopulationChanges.Presence(first: firstRelease(of: year, atOrAfter: epoch), end: nil)
    }

    /// Which releases counted a withdrawn row; `nil` when none did.
    func presence(of row: WithdrawnContext) -> PopulationChanges.Presence? {
        let presence = PopulationChanges.Presence(first: firstRelease(of: row.year, atOrAfter: row.entryEpoch),
                                                  end: firstRelease(of: row.year, atOrAfter: row.withdrawalEpoch))
        if let end = presence.end, end <= presence.first { return nil }
        return presence
    }

    /// The changed people of the counted tables and withdrawals, as the reader knows them.
    func changes(entered tables: [AtomTable], withdrawn: [WithdrawnContext]) -> PopulationChanges {
        var counts: [PopulationChanges.Group: Int] = [:]
        func add(_ context: [String: String], _ presence: PopulationChanges.Presence, _ count: Int = 1) {
            counts[PopulationChanges.Group(context: context, presence: presence, count: 0), default: 0] += count
        }
        for table in tables {
            for (key, count) in table.entered {
                let year = table.years[key.year]
                add(table.context(year: year, unit: key.unit, career: key.career, employment: key.employment),
                    presence(year: year, enteredAt: key.epoch), count)
            }
        }
        if let table = tables.first {
            for row in withdrawn {
                guard let presence = presence(of: row) else { continue }
                add(table.context(year: row.year, unit: row.unit, career: row.career, employment: row.employment), presence)
            }
        }
        return PopulationChanges(current: current, groups: counts.map {
            PopulationChanges.Group(context: $0.key.context, presence: $0.key.presence, count: $0.value)
        })
    }

    /// How many rows of `year` the entry epochs account for as added, and as withdrawn, after the
    /// release with epoch `release`: the rest of a change since then (rows from before epochs were
    /// kept) can only widen that release's figures (``ReleaseLedger``).
    func tracked(year: Int, since release: Int, entered tables: [AtomTable], withdrawn: [WithdrawnContext]) -> (added: Int, removed: Int) {
        var added = 0
        for table in tables {
            for (key, count) in table.entered where table.years[key.year] == year && key.epoch > release { added += count }
        }
        var removed = 0
        for row in withdrawn where row.year == year {
            if row.entryEpoch > release { added += 1 }
            if row.withdrawalEpoch > release { removed += 1 }
        }
        return (added, removed)
    }
}

extension AtomTable {
    /// How many people each context holds (``Disclosure/ContextSizes``), with their category of
    /// `indicator` for the audit's targets: every row the table counts, declines included.
    func sizes(indicator: String) -> [KnownAnswers.Group] {
        counts.indices.filter { counts[$0] > 0 }.map { atom in
            // The inverse of ``index(year:unit:career:employment:category:)``.
            var rest = atom
            func next(_ radix: Int) -> Int { defer { rest /= radix }; return rest % radix }
            let category = next(categories.count), employment = next(employments.count), career = next(careerGroups.count)
            let unit = next(units.count), year = rest
            var context = self.context(year: years[year], unit: unit, career: career, employment: employment)
            context[indicator] = categories[category]
            return KnownAnswers.Group(context: context, presence: nil, count: counts[atom])
        }
    }

    /// A row's context in the microdata's variable names, from code indices.
    func context(year: Int, unit: Int, career: Int, employment: Int) -> [String: String] {
        var context = ["year": String(year), "unit": units[unit]]
        if careerGroups.indices.contains(career) { context["career_group"] = careerGroups[career] }
        if employments.indices.contains(employment) { context["employment"] = employments[employment] }
        return context
    }
}
