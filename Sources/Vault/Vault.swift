/// Vault holds every secret of Vielfalt and is the only module that calls libsodium.
///
/// The entry side encrypts with public keys only: an ``EntryBatch`` agrees an ephemeral key with a
/// period's ``PublicKey`` and seals each field of a response with XChaCha20-Poly1305. The statistics
/// unit opens the keystore with its ``Passphrase`` (Argon2id), or with two of its keyholders
/// (``KeyholderEnvelope``, two-person unlock), unwraps the period ``SecretKey`` and derives the same
/// ``DataKey`` for each batch in ``BatchOpener``.
///
/// Secrets live in ``SecureBytes``: locked in memory where the system allows, wiped with
/// `sodium_memzero` when released, never printed. Callers never handle the raw bytes of a secret.
///
/// ## Topics
/// - ``Passphrase``, ``WrappingKey``, ``KeyDerivationStrength``
/// - ``KeystoreUnlock``, ``KeyholderName``, ``HolderPassphrase``, ``KeyholderEnvelope``, ``Keyholder``, ``KeyholderPair``, ``KeyholderError``
/// - ``PassphraseSealedFile``, ``KeyholderSealedFile``
/// - ``PublicKey``, ``SecretKey``, ``KeyPair``, ``DataKey``
/// - ``EntryBatch``, ``BatchOpener``, ``RecordSealer``
/// - ``ReceiptCode``, ``ReceiptKey``, ``ResponseID``
public enum Vault {
    /// The libsodium version linked at run time, for the processing record and diagnostics.
    public static var libraryVersion: String {
        Sodium.ensureReady()
        return String(cString: sodium_version_string())
    }
}

import CSodium
