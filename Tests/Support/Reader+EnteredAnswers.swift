import Disclosure

extension Reader {
    /// The variable that tells the reader's columns apart by who entered the answers: `hr` or `alone`.
    /// Published cells never name it, so their rows sum over both.
    public static let enteredBy = "entered_by"

    /// The reader is the one who entered `known`: it knows, per context, answer and presence, how
    /// many people it entered, and that it entered nobody else; and per context and presence how
    /// many answered alone.
    public mutating func know(_ known: KnownAnswers) {
        for (side, groups) in [("hr", known.groups), ("alone", known.answeredAlone)] {
            var rest = Set(columns(in: CellDomain([Self.enteredBy: [side]]), presences: Set(presences)))
            var sums: [[Int]: Int] = [:]
            for group in groups {
                var domain = CellDomain(group.context.mapValues { [$0] })
                domain.restrict(Self.enteredBy, to: [side])
                let own = columns(in: domain, presences: [group.presence?.description ?? "base"])
                sums[own, default: 0] += group.count
                rest.subtract(own)
            }
            rows += sums.map { ($0.key, Double($0.value), Double($0.value)) }
            rows += rest.sorted().map { ([$0], 0, 0) }
        }
    }

    /// What the last of `released` tells the reader who entered `known` about the people who
    /// answered alone, beyond what the releases before it told: every column of theirs (one context,
    /// answer and presence) and their part of every released cell that splits by answer must not be pinned to a small
    /// count (``FeasibleInterval/exposesSmallCount(minCell:protectionLevel:)``). `universe` must
    /// list ``enteredBy`` with `hr` and `alone`; `answerVariables` are the indicators. Empty when
    /// the release is safe.
    public static func exposuresOfAnswersGivenAlone(_ released: [[ReleasedCell]], known: KnownAnswers, changes: PopulationChanges,
                                                    universe: [String: Set<String>], answerVariables: Set<String>,
                                                    minCell: Int = 5, level: Int = 5) -> [String] {
        var before = Reader(universe: universe, changes: changes)
        before.know(known)
        for cells in released.dropLast() { before.read(cells) }
        var after = before
        after.read(released.last!)
        var found: [String] = []
        func check(_ columns: [Int], _ what: @autoclosure () -> String) {
            guard !columns.isEmpty else { return }
            let now = after.interval(of: columns)
            guard now.exposesSmallCount(minCell: minCell, protectionLevel: level) else { return }
            let earlier = before.interval(of: columns)
            if !now.covers(earlier) { found.append("release \(released.count - 1) narrows \(what()) from \(earlier) to \(now)") }
        }
        let alone = Set(after.columns(in: CellDomain([enteredBy: ["alone"]]), presences: Set(after.presences)))
        for column in alone.sorted() {
            check([column], "those who answered alone in column \(column)")
        }
        // Cells that split by answer: how many answered alone in a unit is participation, not an answer.
        let answerCodes = universe.filter { $0.key != enteredBy }
        for cells in released {
            for cell in cells where cell.domain.restrictions.contains(where: { variable, codes in
                answerVariables.contains(variable) && codes != answerCodes[variable] }) {
                let columns = after.columns(in: cell.domain, presences: after.counted(by: cell.release)).filter(alone.contains)
                check(columns, "those who answered alone in \(cell.domain) of release \(cell.release ?? -1)")
            }
        }
        return found
    }
}
