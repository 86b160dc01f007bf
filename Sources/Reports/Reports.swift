/// Reports turns sealed responses into released aggregates, and nothing else.
///
/// A ``ReportRequest`` (from `reports/*.yaml` or the command line) names an indicator, the grouping
/// and the hiring years. ``ReportRun`` unlocks the period keys with the statistics passphrase,
/// decrypts the responses in memory on every core, record by record (memory flat in their number),
/// derives the indicator and counts into an ``AtomTable``. From it a `CountTable` is built and
/// protected by the Disclosure module against every earlier release in the ledger; the result is a
/// ``PublishedReport``: cells with counts or "." / "–", recorded in the ledger before it is returned.
/// No function of this module returns a single record.
///
/// ## Topics
/// - ``ReportDefinition``, ``ReportRequest``, ``DisclosurePolicyFile``, ``ReferenceShares``
/// - ``ReportRun``, ``AtomTable``, ``PublishedReport``
/// - Rendering: ``PublishedReport/json()``, ``PublishedReport/csv(locale:)``, ``PublishedReport/markdown(language:)``,
///   ``PublishedReport/html(language:)``
public enum Reports {}
