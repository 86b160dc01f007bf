import CGLPK
import Disclosure
import Foundation

/// An attacker written apart from the audit it checks: one LP column per person-sized atom (every
/// code combination of the universe, times each presence), a row per published figure and per fact
/// the reader knows about the people who joined or left, and GLPK for the bounds. It shares no code
/// with `DomainAtoms`, `AttackerModel` or `LinkedAuditor`.
public struct Reader {
    let variables: [String]
    let codes: [[String]]
    /// `base`, then every presence of `changes`.
    let presences: [String]
    let changes: PopulationChanges
    var rows: [(columns: [Int], lower: Double, upper: Double)] = []

    /// - Parameter rules: the combinations of categories one person can have (variable → code);
    ///   empty when anything goes.
    public init(universe: [String: Set<String>], changes: PopulationChanges, rules: Set<[String: String]> = []) {
        variables = universe.keys.sorted()
        codes = variables.map { universe[$0]!.sorted() }
        self.changes = changes
        presences = ["base"] + Set(changes.groups.map(\.presence.description)).sorted()
        knowChanges()
        if !rules.isEmpty {
            let ruled = Set(rules.flatMap(\.keys))
            for column in 0..<columnCount where !rules.contains(where: { rule in ruled.allSatisfy { rule[$0] == code(of: column, $0) } }) {
                rows.append(([column], 0, 0))
            }
        }
    }

    var columnCount: Int { codes.reduce(presences.count) { $0 * $1.count } }

    /// Code of `variable` and presence of a column.
    func code(of column: Int, _ variable: String) -> String {
        var rest = column / presences.count
        for index in variables.indices.reversed() {
            if variables[index] == variable { return codes[index][rest % codes[index].count] }
            rest /= codes[index].count
        }
        preconditionFailure("unknown variable \(variable)")
    }

    func presence(of column: Int) -> String { presences[column % presences.count] }

    /// The columns in `domain` whose presence is one of `presences`. Variables outside the universe
    /// are summed over: no release splits them, so the finer knowledge tells the reader no more.
    public func columns(in domain: CellDomain, presences allowed: Set<String>) -> [Int] {
        let restrictions = domain.restrictions.filter { variables.contains($0.key) }
        return (0..<columnCount).filter { column in
            allowed.contains(presence(of: column))
                && restrictions.allSatisfy { variable, codes in codes.contains(code(of: column, variable)) }
        }
    }

    /// Which presences a release with this epoch counted.
    public func counted(by release: Int?) -> Set<String> {
        var result: Set<String> = ["base"]
        for group in changes.groups where release.map(group.presence.counted(by:)) ?? false {
            result.insert(group.presence.description)
        }
        return result
    }

    /// The reader knows from elsewhere how many people of the base `domain` holds.
    public mutating func know(_ count: Int, in domain: CellDomain) {
        rows.append((columns(in: domain, presences: ["base"]), Double(count), Double(count)))
    }

    /// Every published cell of a release becomes a row.
    public mutating func read(_ cells: [ReleasedCell]) {
        for cell in cells {
            guard let range = cell.knownRange else { continue }
            rows.append((columns(in: cell.domain, presences: counted(by: cell.release)), Double(range.lowerBound), Double(range.upperBound)))
        }
    }

    /// The reader knows how many changed people each context holds, per presence, and that no one
    /// else changed.
    private mutating func knowChanges() {
        for presence in presences.dropFirst() {
            var rest = Set(columns(in: .all, presences: [presence]))
            for group in changes.groups where group.presence.description == presence {
                let own = columns(in: CellDomain(group.context.mapValues { [$0] }), presences: [presence])
                rows.append((own, Double(group.count), Double(group.count)))
                rest.subtract(own)
            }
            for column in rest.sorted() { rows.append(([column], 0, 0)) }
        }
    }

    /// The smallest and largest value of the sum of `target` over all non-negative solutions.
    public func interval(of target: [Int]) -> FeasibleInterval {
        let problem = glp_create_prob()!
        defer { glp_delete_prob(problem) }
        _ = glp_term_out(GLP_OFF)
        glp_add_cols(problem, Int32(columnCount))
        for column in 0..<columnCount { glp_set_col_bnds(problem, Int32(column + 1), GLP_LO, 0, 0) }
        if !rows.isEmpty { glp_add_rows(problem, Int32(rows.count)) }
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (index, row) in rows.enumerated() {
            glp_set_row_bnds(problem, Int32(index + 1), row.lower == row.upper ? GLP_FX : GLP_DB, row.lower, row.upper)
            for column in row.columns { ia.append(Int32(index + 1)); ja.append(Int32(column + 1)); ar.append(1) }
        }
        glp_load_matrix(problem, Int32(ia.count - 1), ia, ja, ar)
        for column in target { glp_set_obj_coef(problem, Int32(column + 1), 1) }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        func optimum(_ direction: Int32) -> Double {
            glp_set_obj_dir(problem, direction)
            glp_std_basis(problem)
            _ = glp_simplex(problem, &parameters)
            switch glp_get_status(problem) {
            case GLP_OPT: return glp_get_obj_val(problem)
            case GLP_UNBND: return .infinity
            default: preconditionFailure("the published figures admit no solution")
            }
        }
        return FeasibleInterval(lower: optimum(GLP_MIN), upper: optimum(GLP_MAX))
    }
}

extension Reader {
    /// What the last of `released` exposes that the releases before it did not, for a reader who
    /// knows `changes` (and `sizes`): every changed group's count per answer of `answers` must stay `level` wide,
    /// every withheld cell of every release must keep its rule, unless the earlier releases had
    /// already narrowed it as far. Empty when the release is safe.
    public static func exposures(_ released: [[ReleasedCell]], changes: PopulationChanges, universe: [String: Set<String>],
                                 answers: (variable: String, codes: [String]), rules: Set<[String: String]> = [],
                                 sizes: ContextSizes = .none, level: Int = 5) -> [String] {
        var before = Reader(universe: universe, changes: changes, rules: rules)
        if !sizes.isEmpty { before.know(sizes, current: changes.current) }
        for cells in released.dropLast() { before.read(cells) }
        var after = before
        after.read(released.last!)
        var found: [String] = []
        func check(_ columns: [Int], rule: (FeasibleInterval) -> Bool, _ what: @autoclosure () -> String) {
            let now = after.interval(of: columns)
            guard !rule(now) else { return }
            let earlier = before.interval(of: columns)
            if !now.covers(earlier) { found.append("release \(released.count - 1) narrows \(what()) from \(earlier) to \(now)") }
        }
        // Every change a reader can compute: each presence alone, and between every two releases the
        // people who joined and those who left; within every changed context and every released cell.
        let presences = Set(changes.groups.map(\.presence))
        var sets = Set(presences.map { Set([$0]) })
        let epochs = Set(released.flatMap { $0.compactMap(\.release) } + [changes.current]).sorted()
        for (index, earlier) in epochs.enumerated() {
            for later in epochs[(index + 1)...] {
                sets.insert(presences.filter { !$0.counted(by: earlier) && $0.counted(by: later) })
                sets.insert(presences.filter { $0.counted(by: earlier) && !$0.counted(by: later) })
            }
        }
        let answerCells = released.flatMap { $0 }.map(\.domain).filter { $0.restrictions[answers.variable] != nil }
        for set in sets where !set.isEmpty {
            let names = Set(set.map(\.description))
            let contexts = Set(changes.groups.filter { set.contains($0.presence) }.map(\.context))
            var domains = Set(answerCells)
            for context in contexts {
                for answer in answers.codes {
                    var domain = CellDomain(context.mapValues { [$0] })
                    domain.restrict(answers.variable, to: [answer])
                    domains.insert(domain)
                }
            }
            for domain in domains {
                let columns = after.columns(in: domain, presences: names)
                let people = changes.groups.filter { set.contains($0.presence) }.filter { group in
                    domain.restrictions.allSatisfy { variable, codes in group.context[variable].map(codes.contains) ?? true }
                }
                guard !people.isEmpty else { continue }
                check(columns, rule: { $0.protects(level) }, "\(domain) among the people of \(names.sorted())")
            }
        }
        for cells in released {
            for cell in cells where cell.knownRange == nil {
                let rule: (FeasibleInterval) -> Bool = cell.reason == .secondary ? { $0.protectsWithheld(level) } : { $0.protects(level) }
                check(after.columns(in: cell.domain, presences: after.counted(by: cell.release)), rule: rule,
                      "withheld \(cell.domain) of release \(cell.release ?? -1)")
            }
        }
        return found
    }
}
