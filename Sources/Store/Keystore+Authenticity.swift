import Foundation
import Vault

/// Makes the substitution of a public key in `keystore.sqlite` detectable.
///
/// The entry side seals to public keys it reads from the keystore without a passphrase; whoever
/// can write that file could put in a key of their own and read every later entry. Two checks:
/// the master public key's fingerprint, printed by `init` and kept outside the system, is compared
/// by `keystore verify --fingerprint` and shown in the DPO audit; and every unlock opens each
/// period secret still held and requires that it belongs to the period's public key.
///
/// What they cannot catch: a period key replaced together with its sealed secret, sealed to the
/// genuine master public key (which is public). Entries sealed before such a swap then fail to
/// open in the next report, which names the period; entries after it open normally.
extension Keystore {
    /// BLAKE2b-256 of the master public key, as 16 groups of 4 hex digits.
    public func masterFingerprint() throws -> String {
        let digest = Digest.hex(Digest.blake2b(try masterPublicKey().bytes))
        return stride(from: 0, to: digest.count, by: 4).map { offset in
            let start = digest.index(digest.startIndex, offsetBy: offset)
            return String(digest[start..<digest.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    /// Whether `text` (spaces, dashes and case ignored) is this keystore's fingerprint.
    public func matchesFingerprint(_ text: String) throws -> Bool {
        let normalise = { (s: String) in s.lowercased().filter { $0.isHexDigit } }
        return normalise(text) == normalise(try masterFingerprint())
    }

    /// Opens every period secret still held and compares it with the period's public key.
    func checkPeriodKeys(_ unlocked: UnlockedKeystore) throws {
        for record in try periodKeys() {
            guard let sealed = record.sealedSecret else { continue }
            do {
                _ = try unlocked.openPeriodSecret([UInt8](sealed), publicKey: PublicKey(bytes: [UInt8](record.publicKey)),
                                                  period: record.period)
            } catch {
                throw StoreError.keyTampered("the sealed secret of period \(record.period) does not open or does not belong to its public key")
            }
        }
    }
}
