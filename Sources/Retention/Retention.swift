/// Retention keeps Vielfalt to what its policy allows, for as long as it allows, and shows it.
///
/// ``RetentionPolicy`` reads `policy/retention.yaml`; ``ProcessingRecord`` reads the Art. 30 record
/// from `policy/processing.yaml` and fills in retention and technical measures from the actual
/// configuration. ``RetentionAudit`` (read only, no passphrase) reports per period what is held, when
/// it expires and whether anything expired is still there, the state of keys and the audit log, and a
/// verdict. ``Purge`` crypto-shreds expired periods: it destroys the period key first, then deletes
/// the rows and vacuums, so that an interrupted purge never leaves readable data behind.
///
/// ## Topics
/// - ``RetentionPolicy``, ``RetentionRule``, ``RetentionDuration``
/// - ``ProcessingRecord``
/// - ``RetentionAudit``, ``AuditReport``, ``Finding``
/// - ``Purge``
public enum Retention {}
