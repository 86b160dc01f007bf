/// The keystore's secret half in two-person mode (Vier-Augen-Prinzip): the master secret held by
/// N named keyholders of whom any two must enter their passphrases to open it. One of them may be
/// an escrow holder whose passphrase lies sealed in the data protection officer's safe.
///
/// For every unordered pair of holders the master secret is wrapped once (``KeyholderPair``);
/// nothing opens it with one passphrase. Built from libsodium's Argon2id, X25519 sealed boxes,
/// BLAKE2b and XChaCha20-Poly1305 only.
public struct KeyholderEnvelope: Sendable, Equatable {
    public let masterPublicKey: PublicKey
    /// In the order they were named.
    public let holders: [Keyholder]
    public let pairs: [KeyholderPair]

    public init(masterPublicKey: PublicKey, holders: [Keyholder], pairs: [KeyholderPair]) {
        self.masterPublicKey = masterPublicKey
        self.holders = holders
        self.pairs = pairs
    }

    /// The unlocked master key shared among `holders` (at least two, names distinct regardless of
    /// case), each with their own passphrase and a fresh salt at the strength of `parameters`.
    public static func sharing(_ unlocked: UnlockedKeystore, among named: [HolderPassphrase],
                               parameters: KeyDerivationParameters) throws -> KeyholderEnvelope {
        guard named.count >= 2 else { throw KeyholderError.tooFewHolders }
        var seen = Set<String>()
        for holder in named where !seen.insert(holder.name.text.lowercased()).inserted {
            throw KeyholderError.duplicateHolder(holder.name)
        }
        let holders = try named.map { try Keyholder.make($0.name, passphrase: $0.passphrase, parameters: parameters) }
        return sharing(KeyPair(publicKey: unlocked.masterPublicKey, secretKey: unlocked.master), among: holders)
    }

    private static func sharing(_ master: KeyPair, among named: [Keyholder]) -> KeyholderEnvelope {
        let holders = named.map { $0.authenticated(by: master) }
        var pairs: [KeyholderPair] = []
        for (i, a) in holders.enumerated() {
            for b in holders[(i + 1)...] {
                let (x, y) = KeyholderName.canonical(a.name, b.name) ? (a, b) : (b, a)
                pairs.append(.make(master, x, y))
            }
        }
        return KeyholderEnvelope(masterPublicKey: master.publicKey, holders: holders, pairs: pairs)
    }

    /// Opens the master secret with two different keyholders. Checks the names before any key is
    /// derived, then each passphrase in turn; a refusal names the holder and opens nothing.
    public func unlock(_ one: HolderPassphrase, _ other: HolderPassphrase) throws -> UnlockedKeystore {
        guard let a = holders.first(where: { $0.name == one.name }) else { throw KeyholderError.unknownHolder(position: 1) }
        guard let b = holders.first(where: { $0.name == other.name }) else { throw KeyholderError.unknownHolder(position: 2) }
        guard a.name != b.name else { throw KeyholderError.sameHolderTwice(a.name) }
        let secretA = try a.openSecret(one.passphrase, position: 1)
        let secretB = try b.openSecret(other.passphrase, position: 2)
        let ((x, secretX), (y, secretY)) = KeyholderName.canonical(a.name, b.name) ? ((a, secretA), (b, secretB)) : ((b, secretB), (a, secretA))
        guard let pair = pairs.first(where: { $0.first == x.name && $0.second == y.name }) else {
            throw VaultError.authenticationFailed(what: "the master key of keyholders '\(x.name)' and '\(y.name)' (missing)")
        }
        let master = try pair.open(x, secretX, y, secretY, masterPublicKey: masterPublicKey)
        let unlocked = UnlockedKeystore(master: master, masterPublicKey: masterPublicKey)
        // Checked at every unlock, so that a substituted holder is found before a rotation shares
        // a new master key with it.
        for holder in holders where !holder.isAuthentic(unlocked) {
            throw VaultError.authenticationFailed(what: "the record of keyholder '\(holder.name)'")
        }
        return unlocked
    }

    /// A new master key pair shared among the same holders, from their public keys alone: two
    /// holders unlock the old one, the others need not be present. The caller seals every period
    /// secret still held to the new ``masterPublicKey`` (``resealed(_:publicKey:period:from:)``).
    public func rotated() -> KeyholderEnvelope {
        Self.sharing(KeyPair.generate(), among: holders)
    }

    /// A period secret sealed under `old`, opened and sealed again to this envelope's master key.
    public func resealed(_ sealed: [UInt8], publicKey: PublicKey, period: Int, from old: UnlockedKeystore) throws -> [UInt8] {
        KeystoreEnvelope.sealPeriodSecret(try old.openPeriodSecret(sealed, publicKey: publicKey, period: period), to: masterPublicKey)
    }

    /// The names, in the order given: what the audit shows.
    public var names: [KeyholderName] { holders.map(\.name) }
}
