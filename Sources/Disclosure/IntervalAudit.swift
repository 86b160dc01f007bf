/// A suppressed cell and the interval an attacker can narrow its true count to.
public struct AuditedCell: Sendable, Hashable {
    /// Coordinates in the audited table; empty for a cell audited from ledger entries.
    public let coordinates: [String]
    public let domain: CellDomain
    public let interval: FeasibleInterval
}

/// The attacker's view: the feasible interval of every suppressed cell, by linear programming.
///
/// An attacker knows every published figure and that counts are non-negative. For each suppressed
/// cell the audit minimises and maximises its value subject to those facts (GLPK's simplex). A cell is
/// protected when `upper − lower ≥ protectionLevel` — sdcTable's interval protection. Use it to prove
/// a release safe: tests and reports call it on the result of ``protect(_:policy:earlier:universe:)``.
///
/// ```swift
/// let protected = try protect(table)
/// for cell in try IntervalAudit.intervals(of: protected) {
///     assert(cell.interval.protects(protected.policy.protectionLevel))
/// }
/// ```
///
/// Rounded or perturbed cells are treated as if their true counts had been published, which only
/// makes the audit stricter.
public enum IntervalAudit {
    /// Intervals of every suppressed cell of `table`, for an attacker who sees only this table.
    public static func intervals(of table: ProtectedTable) throws -> [AuditedCell] {
        var plan = SuppressionPlan(table: table.table)
        for (index, cell) in table.cells.enumerated() where cell.status == .suppressed {
            plan.suppress(index, cell.reason ?? .secondary)
        }
        let targets = plan.suppressed
        let intervals = try TableAuditor().intervals(of: targets.map(AuditTarget.cell), plan: plan)
        return zip(targets, intervals).map { cell, interval in
            AuditedCell(coordinates: table.cells[cell].coordinates, domain: table.cells[cell].domain,
                        interval: interval)
        }
    }

    /// Intervals of every suppressed cell among `releases` (the cells of several releases over the same
    /// microdata), for an attacker who combines all of them. Atoms are the common refinement of the
    /// cells' domains; published cells constrain their atoms to their ``ReleasedCell/knownRange``.
    ///
    /// `universe` gives full code lists of variables, as for ``protect(_:policy:earlier:universe:)``.
    public static func intervals(of releases: [ReleasedCell],
                                 universe: [String: Set<String>] = [:]) throws -> [AuditedCell] {
        let atoms = DomainAtoms(domains: releases.map(\.domain), universe: universe)
        var model = AttackerModel(atomCount: atoms.atomCount)
        for (index, cell) in releases.enumerated() {
            if let range = cell.knownRange { model.add(atoms: atoms.atoms[index], lower: range.lowerBound, upper: range.upperBound) }
        }
        let targets = releases.indices.filter { releases[$0].knownRange == nil }
        let intervals = try model.intervals(of: targets.map { atoms.atoms[$0] })
        return zip(targets, intervals).map { index, interval in
            AuditedCell(coordinates: [], domain: releases[index].domain, interval: interval)
        }
    }
}

/// A piece of the population that no release shows but differencing of releases narrows down.
public struct ExposedGroup: Sendable, Hashable {
    /// Reads like `career_group ∈ {B}, unit ∈ {10}` (`unit ∉ {…}` for codes no release listed).
    public let description: String
    public let interval: FeasibleInterval
}

extension IntervalAudit {
    /// The differencing check over linked releases: every atom of the common refinement of the
    /// releases' domains whose interval exposes a small count (see
    /// ``FeasibleInterval/exposesSmallCount(minCell:protectionLevel:)``). Empty for safe releases.
    public static func differencingRisks(in releases: [ReleasedCell], policy: DisclosurePolicy = DisclosurePolicy(),
                                         universe: [String: Set<String>] = [:]) throws -> [ExposedGroup] {
        let atoms = DomainAtoms(domains: releases.map(\.domain), universe: universe)
        var model = AttackerModel(atomCount: atoms.atomCount)
        for (index, cell) in releases.enumerated() {
            if let range = cell.knownRange { model.add(atoms: atoms.atoms[index], lower: range.lowerBound, upper: range.upperBound) }
        }
        let intervals = try model.intervals(of: (0..<atoms.atomCount).map { [$0] })
        return intervals.indices.compactMap { atom in
            intervals[atom].exposesSmallCount(minCell: policy.minCell, protectionLevel: policy.protectionLevel)
                ? ExposedGroup(description: atoms.describe(atom: atom), interval: intervals[atom]) : nil
        }
    }
}

/// The single-table audit: atoms are the suppressed leaf cells; every published cell that contains
/// one gives the constraint "its suppressed leaves sum to its count minus its published leaves".
struct TableAuditor: SuppressionAuditor {
    /// Passed to ``AttackerModel/intervals(of:provingWidth:)``: `nil` for exact intervals.
    var provingWidth: Int? = nil
    var extraTargets: [AuditTarget] { [] }
    var linksReleases: Bool { false }
    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int] { [] }
    func describe(_ target: AuditTarget) -> String { "" }
    func screeningTargets(publishing cells: [Int]) -> [AuditTarget] { [] }
    /// Without earlier releases a reader knows nothing but that counts are non-negative.
    func earlierOnlyIntervals(of targets: [AuditTarget]) throws -> [FeasibleInterval] {
        targets.map { _ in FeasibleInterval(lower: 0, upper: .infinity) }
    }

    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval] {
        let table = plan.table
        var atomOfLeaf = [Int](repeating: -1, count: table.leafCellCount)
        var leafCount = [Int]()
        for cell in plan.suppressed where table.isLeafCell(cell) {
            atomOfLeaf[table.leaves(under: cell)[0]] = leafCount.count
            leafCount.append(table.counts[cell])
        }
        func suppressedAtoms(under cell: Int) -> [Int] {
            table.leaves(under: cell).compactMap { atomOfLeaf[$0] >= 0 ? atomOfLeaf[$0] : nil }
        }
        var model = AttackerModel(atomCount: leafCount.count)
        if !leafCount.isEmpty {
            for cell in 0..<table.cellCount where !plan.isSuppressed(cell) && !table.isLeafCell(cell) {
                let atoms = suppressedAtoms(under: cell)
                guard !atoms.isEmpty else { continue }
                let hidden = atoms.reduce(0) { $0 + leafCount[$1] }
                model.add(atoms: atoms, lower: hidden, upper: hidden)
            }
        }
        let cells = targets.map { target -> Int in
            guard case .cell(let cell) = target else { preconditionFailure("single-table audit") }
            return cell
        }
        let atomsOfTargets = cells.map(suppressedAtoms(under:))
        let intervals = try model.intervals(of: atomsOfTargets, provingWidth: provingWidth)
        return zip(cells, zip(atomsOfTargets, intervals)).map { cell, pair in
            // The attacker knows the published leaves under the cell exactly.
            let known = Double(table.counts[cell] - pair.0.reduce(0) { $0 + leafCount[$1] })
            return FeasibleInterval(lower: pair.1.lower + known, upper: pair.1.upper + known)
        }
    }
}
