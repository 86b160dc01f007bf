/// Store keeps Vielfalt's two SQLite files and nothing readable in them.
///
/// `vielfalt.sqlite` (``DataStore``) holds sealed responses, sealed declines and their entry
/// batches: random ids, the hiring year (the retention period) and ciphertext. `keystore.sqlite`
/// (``Keystore``) holds the period public keys, their sealed secrets and the master key, wrapped under
/// the passphrase or, with two-person unlock, for every pair of keyholders. Both are created 0600 in a 0700 directory, run in WAL mode with `secure_delete`, and change
/// schema only through named migrations.
///
/// ``Intake`` is the write-only entry path: it validates, seals to the period's public key and
/// inserts, and it withdraws by receipt code. It holds no secret that decrypts.
///
/// ## Topics
/// - ``StoreLocation``, ``DataStore``, ``Keystore``, ``Intake``
/// - ``SealedResponse``, ``SealedDecline``, ``EntryBatchRecord``, ``PeriodKeyRecord``
/// - ``StoreError``
public enum Store {}
