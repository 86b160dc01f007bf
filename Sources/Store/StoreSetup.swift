import Foundation
import Vault

extension StoreLocation {
    /// Creates a new store: keystore with a master key under `passphrase`, and an empty data store.
    /// Refuses to touch a directory that already holds either file.
    public func initialise(passphrase: Passphrase, strength: KeyDerivationStrength = .moderate) throws {
        guard !exists else { throw StoreError.alreadyExists(path: directory.path) }
        let storeID = Data(ResponseID.random().bytes)
        _ = try Keystore.create(self, passphrase: passphrase, strength: strength, storeID: storeID)
        _ = try DataStore.create(self, storeID: storeID)
    }
}
