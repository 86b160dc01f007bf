/// How a cell appears in a release.
public enum CellStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Published as its true count.
    case published
    /// Not published (printed as "."); see ``SuppressionReason``.
    case suppressed
    /// A true zero, published as 0 (printed as "–").
    case zero
    /// Published rounded to the policy's base.
    case rounded
    /// Published with Cell Key noise added.
    case perturbed
    /// Not part of the release: the total of a dimension the table omits (``CountTable/isOmitted(_:)``).
    /// Reports leave it out entirely.
    case omitted
}

/// Why a cell is suppressed.
public enum SuppressionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fewer than `minCell` respondents but more than zero.
    case primary
    /// Suppressed so that a primary cell cannot be recomputed from published cells and margins.
    case secondary
    /// Category detail of a group whose respondents all fall into one informative category.
    case groupDisclosure = "group_disclosure"
    /// Suppressed in an earlier release for the same population (release ledger).
    case ledger
}

/// One cell of a protected table: its coordinates, what is published and why.
public struct ProtectedCell: Sendable, Hashable {
    /// Node codes in dimension order.
    public let coordinates: [String]
    /// The population the cell counts; the key of the release ledger.
    public let domain: CellDomain
    /// Whether every coordinate is a leaf.
    public let isLeaf: Bool
    public let status: CellStatus
    /// Set exactly when `status` is `.suppressed`.
    public let reason: SuppressionReason?
    /// The number to print; `nil` when suppressed.
    public let published: Int?
    /// The true count. Confidential: for checks inside the package, never for rendering.
    package let confidentialCount: Int
    /// What a reader learns about the true count from `published` (exact unless rounded or
    /// perturbed); `nil` when suppressed.
    public let knownRange: ClosedRange<Int>?

    /// The cell as printed by German statistical convention: "." when suppressed ("geheim zu
    /// halten"), "–" for a true zero, otherwise the published number.
    public var displayText: String {
        switch status {
        case .suppressed: return "."
        case .zero: return "–"
        case .omitted: return ""
        case .published, .rounded, .perturbed: return published.map(String.init) ?? "."
        }
    }

    /// This cell as a release-ledger entry.
    public var released: ReleasedCell {
        ReleasedCell(domain: domain, status: status, value: published, knownRange: knownRange, reason: reason)
    }
}

/// The result of disclosure control: every cell of a ``CountTable`` with its publication decision.
///
/// Render `published` (or "." / "–" by `status`), record ``releasedCells`` in the release ledger, and
/// compute shares only through ``share(category:of:)``.
public struct ProtectedTable: Sendable {
    /// The table with its true counts: for checks inside the package, never for rendering.
    package let table: CountTable
    public let policy: DisclosurePolicy
    /// Every cell, margins included, grand total first.
    public let cells: [ProtectedCell]

    /// The cell at `coordinates` (node codes in dimension order).
    public subscript(coordinates: [String]) -> ProtectedCell? {
        table.cellIndex(of: coordinates).map { cells[$0] }
    }

    /// The cell at named coordinates (dimension name → node code; a missing dimension means its root).
    /// Names that are not dimensions of the table give `nil`.
    public subscript(named coordinates: [String: String]) -> ProtectedCell? {
        guard coordinates.keys.allSatisfy({ name in table.dimensions.contains { $0.name == name } }) else { return nil }
        return self[table.dimensions.map { coordinates[$0.name] ?? $0.hierarchy.root }]
    }

    /// All suppressed cells.
    public var suppressedCells: [ProtectedCell] { cells.filter { $0.status == .suppressed } }

    /// The entries to append to the release ledger when this table is released.
    public var releasedCells: [ReleasedCell] { cells.filter { $0.status != .omitted }.map(\.released) }
}

/// A cell of an earlier release as the release ledger keeps it: the population it counts and what
/// was published about it.
///
/// `reason` and `release` stay inside the ledger: the published report carries neither (a reason
/// tells a reader about the withheld count; see DESIGN.md, threat model 5).
public struct ReleasedCell: Sendable, Hashable, Codable {
    public var domain: CellDomain
    public var status: CellStatus
    /// The published number; `nil` when suppressed.
    public var value: Int?
    /// The true counts consistent with `value` (a single value unless rounded or perturbed).
    public var knownRange: ClosedRange<Int>?
    /// Why the cell was withheld; `nil` when published or when the ledger predates reasons.
    public var reason: SuppressionReason?
    /// The release's place in the release sequence (its epoch), which says which people it counted
    /// (see ``PopulationChanges``); `nil` for cells whose release is not known, counted as before every
    /// change.
    public var release: Int?

    /// - Parameter knownRange: defaults to exactly `value`; always `nil` for a suppressed cell, whose
    ///   `value` is ignored.
    public init(domain: CellDomain, status: CellStatus, value: Int?, knownRange: ClosedRange<Int>? = nil,
                reason: SuppressionReason? = nil, release: Int? = nil) {
        self.domain = domain
        self.status = status
        self.value = status == .suppressed ? nil : value
        self.knownRange = status == .suppressed ? nil : knownRange ?? value.map { $0...$0 }
        self.reason = status == .suppressed ? reason : nil
        self.release = release
    }
}
