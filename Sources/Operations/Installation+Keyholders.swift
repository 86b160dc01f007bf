import Forms
import Store
import Vault

extension Installation {
    /// The keyholders who unlock the keystore two at a time, in the order named; empty when the
    /// statistics passphrase unlocks it.
    public func keyholders() throws -> [KeyholderName] { try keystore.keyholderNames() }

    /// Whether two keyholders, not the statistics passphrase, unlock the keystore: the front ends
    /// ask for two names and passphrases then.
    public func isHeldByKeyholders() throws -> Bool { try keystore.isHeldByKeyholders() }

    /// Hands the master key to `holders` (two-person unlock, Vier-Augen-Prinzip): any two of them
    /// unlock from now on, no one alone, and the statistics passphrase (or the former holders)
    /// nothing. `unlock` is the current passphrase or two current keyholders. Every new passphrase
    /// must clear the floor of `init`; a refusal names the holder and changes nothing. Recorded in
    /// the audit log with the holders' names, never anything of their passphrases.
    public func setKeyholders(_ holders: [HolderPassphrase], unlock: KeystoreUnlock, by actor: Actor) throws {
        for holder in holders {
            if let weakness = holder.passphrase.weakness { throw Self.refusal(weakness, field: "passphrase of \(holder.name)") }
        }
        try deciding { try keystore.shareAmongKeyholders(unlock, holders: holders) }
        try data.recordEvent("keystore keyholders set", detail: [("keyholders", holders.map(\.name.text).joined(separator: ", "))], by: actor)
    }

    /// One keyholder changes their own passphrase with their current one (the new one checked like
    /// at `init`); the other holders are not needed. Recorded in the audit log with their name.
    public func changeKeyholderPassphrase(_ holder: HolderPassphrase, new: Passphrase, by actor: Actor) throws {
        guard try keystore.isHeldByKeyholders() else { throw KeyholderError.notHeldByKeyholders }
        if let weakness = new.weakness { throw Self.refusal(weakness, field: "new-passphrase") }
        try deciding { try keystore.changeKeyholderPassphrase(holder, new: new) }
        try data.recordEvent("keyholder passphrase changed", detail: [("keyholder", holder.name.text)], by: actor)
    }
}
