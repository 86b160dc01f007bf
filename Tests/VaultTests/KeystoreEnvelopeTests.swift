import Testing
@testable import Vault

@Suite struct KeystoreEnvelopeTests {
    @Test func unlocksWithTheRightPassphraseAndOpensPeriodSecrets() throws {
        let envelope = try KeystoreEnvelope.create(passphrase: Passphrase("correct horse"), strength: .interactive)
        let period = KeyPair.generate()
        let sealed = envelope.sealPeriodSecret(period.secretKey)
        let unlocked = try envelope.unlock(with: Passphrase("correct horse"))
        let opened = try unlocked.openPeriodSecret(sealed, publicKey: period.publicKey, period: 2025)
        #expect(opened.publicKey == period.publicKey)
    }

    @Test func wrongPassphraseIsReportedAsSuch() throws {
        let envelope = try KeystoreEnvelope.create(passphrase: Passphrase("correct horse"), strength: .interactive)
        #expect(throws: VaultError.wrongPassphrase) { try envelope.unlock(with: Passphrase("battery staple")) }
    }

    @Test func tamperedMasterSecretIsReportedAsTampering() throws {
        let envelope = try KeystoreEnvelope.create(passphrase: Passphrase("pw"), strength: .interactive)
        var wrapped = envelope.wrappedMasterSecret
        wrapped[30] ^= 0x01
        let tampered = KeystoreEnvelope(parameters: envelope.parameters, masterPublicKey: envelope.masterPublicKey,
                                        wrappedMasterSecret: wrapped, passphraseCheck: envelope.passphraseCheck)
        #expect(throws: VaultError.authenticationFailed(what: "master key")) { try tampered.unlock(with: Passphrase("pw")) }
    }

    @Test func aPeriodSecretOpensOnlyForItsOwnPublicKey() throws {
        let envelope = try KeystoreEnvelope.create(passphrase: Passphrase("pw"), strength: .interactive)
        let a = KeyPair.generate(), b = KeyPair.generate()
        let unlocked = try envelope.unlock(with: Passphrase("pw"))
        #expect(throws: VaultError.authenticationFailed(what: "secret key of period 2024")) {
            try unlocked.openPeriodSecret(envelope.sealPeriodSecret(a.secretKey), publicKey: b.publicKey, period: 2024)
        }
    }

    @Test func emptyPassphraseIsRefused() {
        #expect(throws: PassphraseError.self) { try Passphrase("\n") }
    }

    @Test func secretsDoNotPrintThemselves() throws {
        let pair = KeyPair.generate()
        #expect("\(pair.secretKey)" == "SecretKey(redacted)")
        #expect("\(try Passphrase("hunter2"))" == "Passphrase(redacted)")
        #expect("\(DataKey.random())" == "DataKey(redacted)")
        #expect("\(ReceiptCode.generate())" == "ReceiptCode(redacted)")
    }
}
