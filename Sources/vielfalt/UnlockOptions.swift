import ArgumentParser
import Foundation
import Forms
import Operations
import Vault

/// How the keystore is unlocked: the statistics passphrase, or, when the keystore is held by
/// keyholders, two of them with their passphrases. The names come from the options, else
/// `VIELFALT_HOLDER` and `VIELFALT_SECOND_HOLDER`, else the terminal; the passphrases the way the
/// statistics passphrase comes (the second from `--second-passphrase-file` or
/// `VIELFALT_SECOND_PASSPHRASE`).
struct UnlockOptions: ParsableArguments {
    @OptionGroup var passphrase: PassphraseOptions

    @Option(help: "Two-person unlock: the first keyholder's name (their passphrase as --passphrase-file).")
    var holder: String?

    @Option(help: "Two-person unlock: the second keyholder's name.")
    var secondHolder: String?

    @Option(help: "Read the second keyholder's passphrase from this file (first line).")
    var secondPassphraseFile: String?

    func read(_ installation: Installation) throws -> KeystoreUnlock {
        try read(heldByKeyholders: installation.isHeldByKeyholders())
    }

    /// Without an installation (a restore): keyholders only when names are given.
    func read(heldByKeyholders held: Bool) throws -> KeystoreUnlock {
        let environment = ProcessInfo.processInfo.environment
        let first = holder ?? environment["VIELFALT_HOLDER"], second = secondHolder ?? environment["VIELFALT_SECOND_HOLDER"]
        guard first != nil || second != nil || held else {
            return .passphrase(try passphrase.read())
        }
        // Both names given, or both asked for: a name given alone is one keyholder, refused before
        // any passphrase is read.
        let asking = first == nil && second == nil
        let one = try KeyholderName(first ?? (asking ? Terminal.readLine(prompt: "First keyholder: ") : ""), field: "holder")
        guard let otherName = try second ?? (asking ? Terminal.readLine(prompt: "Second keyholder: ") : nil) else {
            throw InputError(field: "second-holder", english: "two keyholders must unlock: the second keyholder's name is missing (--second-holder)",
                             german: "Zwei Schlüsselhalter müssen entsperren: Der Name des zweiten Schlüsselhalters fehlt (--second-holder).")
        }
        let other = try KeyholderName(otherName, field: "second-holder")
        var bytes = try SecretInput.read(file: passphrase.passphraseFile, environment: "VIELFALT_PASSPHRASE",
                                         prompt: "Passphrase of \(one): ", confirm: false, field: "passphrase")
        let onePassphrase = try Passphrase(consuming: &bytes)
        bytes = try SecretInput.read(file: secondPassphraseFile, environment: "VIELFALT_SECOND_PASSPHRASE",
                                     prompt: "Passphrase of \(other): ", confirm: false, field: "second-passphrase")
        return .holders(HolderPassphrase(name: one, passphrase: onePassphrase),
                        HolderPassphrase(name: other, passphrase: try Passphrase(consuming: &bytes)))
    }
}
