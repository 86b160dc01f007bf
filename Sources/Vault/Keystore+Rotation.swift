/// Changing what protects the keystore: the passphrase alone, or the master key itself.
///
/// Both keep the strength of Argon2id as it is and draw a fresh salt, so nothing derived from the
/// old passphrase opens the new envelope.
extension KeystoreEnvelope {
    /// The same master secret, wrapped under `passphrase`: the old passphrase no longer opens it.
    public func rewrapped(_ unlocked: UnlockedKeystore, under passphrase: Passphrase) throws -> KeystoreEnvelope {
        let master = KeyPair(publicKey: unlocked.masterPublicKey, secretKey: unlocked.master)
        return try Self.wrapping(master, under: passphrase, parameters: parameters.renewed())
    }

    /// A new master key pair under `passphrase`, with this envelope's strength. The caller seals
    /// every period secret still held to the new ``masterPublicKey`` (``resealed(_:publicKey:period:from:)``);
    /// the old master secret then exists in no keystore made from here on.
    public func rotated(under passphrase: Passphrase) throws -> KeystoreEnvelope {
        try Self.wrapping(KeyPair.generate(), under: passphrase, parameters: parameters.renewed())
    }

    /// A period secret sealed under `old`, opened and sealed again to this envelope's master key.
    public func resealed(_ sealed: [UInt8], publicKey: PublicKey, period: Int, from old: UnlockedKeystore) throws -> [UInt8] {
        sealPeriodSecret(try old.openPeriodSecret(sealed, publicKey: publicKey, period: period))
    }
}

extension KeyDerivationParameters {
    /// The same limits with a fresh salt.
    func renewed() -> KeyDerivationParameters {
        try! KeyDerivationParameters(salt: Sodium.randomBytes(salt.count), opsLimit: opsLimit, memLimit: memLimit)
    }
}
