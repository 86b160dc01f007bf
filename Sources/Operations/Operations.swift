/// Operations holds every use case of Vielfalt once: the command line and the web application only
/// translate input into calls on an ``Installation`` and its answers into text, pages or JSON.
///
/// An ``Installation`` is opened once per process. It holds the one connection to each store file
/// (`vielfalt.sqlite`, `keystore.sqlite`, `users.sqlite`), the compiled forms and where the policy
/// and report files are; policy files are read at each use, so that a corrected file counts at once.
///
/// | area | methods |
/// | --- | --- |
/// | entry (HR) | ``Installation/enter(_:by:)``, ``Installation/decline(_:by:)``, ``Installation/importEntries(from:by:onReceipt:)``, ``Installation/withdraw(_:by:)`` |
/// | reports (statistics unit, integration office) | ``Installation/definition(_:indicator:by:periods:)``, ``Installation/release(_:unlock:by:)``, ``Installation/request(_:by:)``, ``Installation/releaseRequest(_:unlock:by:)``, ``Installation/refuseRequest(_:reason:by:)``, ``Installation/releases()`` |
/// | retention and audit (DPO) | ``Installation/audit(asOf:)``, ``Installation/purgePlan(asOf:)``, ``Installation/purge(asOf:by:)``, ``Installation/verifyLog(anchors:)`` |
/// | keys (statistics unit) | `verifyKeystore`, `rotateMasterKey`, ``Installation/changePassphrase(current:new:by:)``, ``Installation/setKeyholders(_:unlock:by:)``, ``Installation/keyholders()``, ``Installation/backupKeystore(to:unlock:by:)`` |
/// | backup and restore (admin, DPO) | ``Installation/backupData(into:by:)``, ``Installation/restore(data:keystore:unlock:into:liveKeys:by:logger:)`` (withdrawals and purges made again) |
/// | users (admin) | ``Installation/users`` |
///
/// What each use case did is logged through swift-log as ``LogFact`` metadata: counts, periods,
/// days and the ids of releases and backups, never a secret or a single entry or withdrawal.
///
/// Every use case that opens the keystore takes a ``Vault/KeystoreUnlock``: the statistics
/// passphrase, or two keyholders when the keystore is held by them (the `passphrase:` variants are
/// the first case spelt out).
///
/// Releases, refusals and purges read and then write the ledger, the keystore and the request
/// queue; the installation runs them one at a time, whichever front end asked.
public enum Operations {}
