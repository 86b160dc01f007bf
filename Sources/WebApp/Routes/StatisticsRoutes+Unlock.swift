import Forms
import Foundation
import Vault

extension StatisticsRoutes {
    /// What the release form brings to unlock the keystore: the passphrase, or, when the keystore
    /// is held by keyholders, two names with their passphrases. A missing part is refused here,
    /// at its field, before anything is derived or decrypted.
    static func unlock(_ fields: FormFields, _ context: AppRequestContext, heldByKeyholders: Bool) throws -> KeystoreUnlock {
        let missing = InputError(field: "passphrase", english: Strings.text("passphrase_missing", .en), german: Strings.text("passphrase_missing", .de))
        guard heldByKeyholders else {
            guard let passphrase = context.secret else { throw missing }
            return .passphrase(passphrase)
        }
        func name(_ field: String) throws -> KeyholderName? {
            guard let text = fields[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            do { return try KeyholderName(text, field: field) } catch let error as KeyholderError {
                throw InputError(field: field, english: error.explanation.english, german: error.explanation.german)
            }
        }
        guard let first = try name("holder") else {
            throw InputError(field: "holder", english: Strings.text("holder_missing", .en), german: Strings.text("holder_missing", .de))
        }
        guard let passphrase = context.secret else { throw missing }
        // One keyholder alone never unlocks: refused before the first passphrase is even derived.
        guard let second = try name("second_holder") else {
            throw InputError(field: "second_holder", english: Strings.text("second_holder_missing", .en), german: Strings.text("second_holder_missing", .de))
        }
        guard let secondPassphrase = context.secondSecret else {
            throw InputError(field: "second_passphrase", english: Strings.text("second_passphrase_missing", .en),
                             german: Strings.text("second_passphrase_missing", .de))
        }
        return .holders(HolderPassphrase(name: first, passphrase: passphrase), HolderPassphrase(name: second, passphrase: secondPassphrase))
    }
}
