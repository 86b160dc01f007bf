// Disclosure — statistical disclosure control for Vielfalt's count tables.
//
// Pure functions on count tables, no I/O. Build a `CountTable` from leaf counts (the module
// computes every margin), choose a `DisclosurePolicy` and call `protect(_:policy:earlier:universe:)`. The
// result, a `ProtectedTable`, says for every cell whether it is published (and as what) or
// suppressed (and why). Steps and vocabulary follow sdcTable and tau-ARGUS:
//
// - primarySuppression: counts in 1..<minCell are not published; true zeros are (status `zero`).
// - Group disclosure: where every determinable answer of a group is the same informative category,
//   the group's category detail is suppressed (`SuppressionPlan.groupDisclosure()` states the rule).
// - secondarySuppression: more cells are hidden until no suppressed cell can be narrowed below the
//   protectionLevel from published cells and margins. `IntervalAudit` proves it with GLPK linear
//   programs (`LinearProgram` is the only GLPK caller; calls are serialised, GLPK is not
//   thread-safe).
// - linkedTables: pass the release ledger's `ReleasedCell`s as `earlier`, and the audit runs over
//   all releases at once (atoms = the common refinement of their `CellDomain`s), so differencing
//   across releases can neither recover a suppressed cell nor expose a small unpublished group.
//   `PopulationChanges` adds the people who joined or left between releases as atoms of their own,
//   with what the reader knows of them; `DerivationRules` adds which indicator categories one person
//   can combine. A release may never narrow what earlier releases left open, and never refuses: at
//   worst it withholds every cell.
// - Options: `Rounding` to a base; the Cell Key Method (`CellKey`, `PerturbationTable`; the shipped
//   table is policy/perturbation-table.csv).
// - Percentages only through `ProtectedTable.share(category:of:)`.
//
// Files: model (Hierarchy, TableDimension, CountTable, CountTable+Additivity, CellDomain);
// policy and result (DisclosurePolicy, DisclosureError, ProtectedTable, Protect, InformationLoss);
// suppression (SuppressionPlan, PrimarySuppression, SecondarySuppression, SuppressionCleanup);
// proof (FeasibleInterval, AttackerModel, IntervalAudit, LinearProgram, DomainAtoms, LinkedTables,
// PopulationChanges, DerivationRules); options (Rounding, Percentages, CellKeyMethod,
// PerturbationTable).
