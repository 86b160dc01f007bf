/// The rules a release must satisfy, with the defaults of `policy/disclosure.yaml`.
///
/// A plain value: build it with the defaults and change what the policy file says, then call
/// ``validate()`` before use (``protect(_:policy:earlier:universe:)`` validates too).
///
/// ```swift
/// var policy = DisclosurePolicy()          // minCell 5, protectionLevel 5, group disclosure on
/// policy.roundingBase = 5
/// try policy.validate()
/// ```
public struct DisclosurePolicy: Sendable, Hashable {
    /// Primary suppression threshold: a count in `1..<minCell` is never published.
    public var minCell: Int
    /// Minimum width of every suppressed cell's feasible interval (sdcTable's interval protection).
    public var protectionLevel: Int
    /// The threshold for the part of a cell that answered alone, against the reader who entered the
    /// rest (``KnownAnswers``): that reader subtracts exactly, so neither rounding nor the Cell Key
    /// Method's noise (`minCell` 1) lowers it below the protection level.
    var aloneMinCell: Int { Self.aloneMinCell(minCell: minCell, protectionLevel: protectionLevel) }

    static func aloneMinCell(minCell: Int, protectionLevel: Int) -> Int { max(minCell, protectionLevel) }
    /// Group disclosure: whether to suppress the category detail of groups that all answered alike.
    ///
    /// The rule: for every non-empty group (a cell whose category coordinate is the category root),
    /// if exactly one informative category holds respondents — every respondent whose answer is
    /// determinable gave that answer, and there is at least one — all category cells of the group,
    /// zeros included, are suppressed (reason `group_disclosure`); the group total is kept.
    public var groupDisclosure: Bool
    /// Round published counts to a multiple of this base (conventional rounding, half up); `nil` = off.
    public var roundingBase: Int?
    /// Perturb published counts with the Cell Key Method using this table; `nil` = off.
    public var cellKey: PerturbationTable?

    /// - Parameter protectionLevel: defaults to `minCell`.
    public init(minCell: Int = 5, protectionLevel: Int? = nil, groupDisclosure: Bool = true,
                roundingBase: Int? = nil, cellKey: PerturbationTable? = nil) {
        self.minCell = minCell
        self.protectionLevel = protectionLevel ?? minCell
        self.groupDisclosure = groupDisclosure
        self.roundingBase = roundingBase
        self.cellKey = cellKey
    }

    /// Checks that the policy makes sense.
    ///
    /// - Throws: ``DisclosureError/invalidPolicy(_:)`` when `minCell` or `protectionLevel` is below 1,
    ///   the rounding base is below 2, or rounding and the Cell Key Method are both switched on.
    public func validate() throws {
        guard minCell >= 1 else {
            throw DisclosureError.invalidPolicy("min_cell must be at least 1, got \(minCell)")
        }
        guard protectionLevel >= 1 else {
            throw DisclosureError.invalidPolicy("protection_level must be at least 1, got \(protectionLevel)")
        }
        if let roundingBase, roundingBase < 2 {
            throw DisclosureError.invalidPolicy("rounding base must be at least 2, got \(roundingBase)")
        }
        if roundingBase != nil && cellKey != nil {
            throw DisclosureError.invalidPolicy("choose rounding or the cell key method, not both")
        }
    }
}
