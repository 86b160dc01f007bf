/// # Disclosure
///
/// Statistical disclosure control for Vielfalt's count tables: pure functions, no I/O.
///
/// Build a ``CountTable`` from leaf counts (the module computes every margin), choose a
/// ``DisclosurePolicy`` and call ``protect(_:policy:earlier:)``. The result, a ``ProtectedTable``,
/// says for every cell whether it is published (and as what) or suppressed (and why). The steps and
/// vocabulary follow sdcTable and tau-ARGUS:
///
/// - `primarySuppression`: counts in `1..<minCell` are not published; true zeros are.
/// - group disclosure: where every determinable answer of a group is the same informative category,
///   the group's category detail is suppressed (see `SuppressionPlan.groupDisclosure()`).
/// - `secondarySuppression`: more cells are hidden until no suppressed cell can be narrowed below the
///   `protectionLevel` from published cells and margins. ``IntervalAudit`` proves it with GLPK.
/// - `linkedTables`: pass the release ledger's ``ReleasedCell``s as `earlier`, and the audit runs
///   over all releases at once (atoms = the common refinement of their ``CellDomain``s), so that
///   differencing across releases cannot undo suppression.
/// - Options: ``Rounding`` to a base; the Cell Key Method (``CellKey``, ``PerturbationTable``).
/// - Percentages only through ``ProtectedTable/share(category:of:)``.
///
/// ## Topics
/// - Model: ``Hierarchy``, ``Dimension``, ``CountTable``, ``CellDomain``
/// - Policy and result: ``DisclosurePolicy``, ``ProtectedTable``, ``ProtectedCell``, ``CellStatus``,
///   ``SuppressionReason``, ``DisclosureError``
/// - Proof and ledger: ``IntervalAudit``, ``FeasibleInterval``, ``AuditedCell``, ``ReleasedCell``
/// - Options: ``Rounding``, ``CellKey``, ``PerturbationTable``
public enum DisclosureModule {
    /// The version of the disclosure rules, recorded with every release.
    public static let rulesVersion = "1"
}
