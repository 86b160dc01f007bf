import Testing
@testable import Vault

/// Two-person unlock in Vault: any two keyholders open the master secret, one never does, and a
/// refusal names which holder without opening anything.
@Suite struct KeyholderEnvelopeTests {
    static let passphrases = ["Anna": "erste lange Passphrase", "Ben": "zweite lange Passphrase", "Escrow DSB": "Tresor der DSB 2026"]

    /// A passphrase keystore handed to Anna, Ben and the DPO's escrow share.
    static func shared() throws -> (passphrase: KeystoreEnvelope, holders: KeyholderEnvelope, period: KeyPair, sealed: [UInt8]) {
        let envelope = try KeystoreEnvelope.create(passphrase: Passphrase("correct horse"), strength: .interactive)
        let period = KeyPair.generate()
        let holders = try KeyholderEnvelope.sharing(envelope.unlock(with: Passphrase("correct horse")),
                                                    among: ["Anna", "Ben", "Escrow DSB"].map { try holder($0) }, parameters: envelope.parameters)
        return (envelope, holders, period, envelope.sealPeriodSecret(period.secretKey))
    }

    static func holder(_ name: String, _ passphrase: String? = nil) throws -> HolderPassphrase {
        HolderPassphrase(name: try KeyholderName(name), passphrase: try Passphrase(passphrase ?? passphrases[name]!))
    }

    @Test(arguments: [("Anna", "Ben"), ("Ben", "Anna"), ("Anna", "Escrow DSB"), ("Escrow DSB", "Ben")])
    func anyTwoHoldersOpenTheMasterSecret(one: String, other: String) throws {
        let (_, holders, period, sealed) = try Self.shared()
        #expect(holders.pairs.count == 3 && holders.names.map(\.text) == ["Anna", "Ben", "Escrow DSB"])
        let unlocked = try holders.unlock(Self.holder(one), Self.holder(other))
        #expect(try unlocked.openPeriodSecret(sealed, publicKey: period.publicKey, period: 2025).publicKey == period.publicKey)
    }

    @Test func refusalsNameTheHolderAndOpenNothing() throws {
        let (_, holders, _, _) = try Self.shared()
        let anna = try Self.holder("Anna")
        #expect(throws: KeyholderError.sameHolderTwice(try KeyholderName("Anna"))) { try holders.unlock(anna, anna) }
        #expect(throws: KeyholderError.unknownHolder(position: 2)) { try holders.unlock(anna, Self.holder("Carla", "irgendeine Passphrase")) }
        #expect(throws: KeyholderError.unknownHolder(position: 1)) { try holders.unlock(Self.holder("anna", "erste lange Passphrase"), anna) }
        #expect(throws: KeyholderError.wrongPassphrase(try KeyholderName("Ben"), position: 2)) {
            try holders.unlock(anna, Self.holder("Ben", "falsche Passphrase"))
        }
        #expect(throws: KeyholderError.wrongPassphrase(try KeyholderName("Anna"), position: 1)) {
            try holders.unlock(Self.holder("Anna", "zweite lange Passphrase"), Self.holder("Ben"))
        }
    }

    @Test func aTamperedPairWrapFailsAuthentication() throws {
        let (_, holders, _, _) = try Self.shared()
        var pairs = holders.pairs
        let pair = pairs[0]
        var wrapped = pair.wrappedMasterSecret
        wrapped[30] ^= 0x01
        pairs[0] = KeyholderPair(first: pair.first, second: pair.second, sealedHalfFirst: pair.sealedHalfFirst,
                                 sealedHalfSecond: pair.sealedHalfSecond, wrappedMasterSecret: wrapped)
        let tampered = KeyholderEnvelope(masterPublicKey: holders.masterPublicKey, holders: holders.holders, pairs: pairs)
        #expect(throws: VaultError.authenticationFailed(what: "the master key of keyholders 'Anna' and 'Ben'")) {
            try tampered.unlock(Self.holder("Anna"), Self.holder("Ben"))
        }
        // A pair wrap moved to another pair fails too: the names are bound into its key and data.
        let swapped = KeyholderEnvelope(masterPublicKey: holders.masterPublicKey, holders: holders.holders, pairs: holders.pairs.map {
            KeyholderPair(first: $0.first, second: $0.second, sealedHalfFirst: $0.sealedHalfFirst, sealedHalfSecond: $0.sealedHalfSecond,
                          wrappedMasterSecret: holders.pairs[2].wrappedMasterSecret)
        })
        #expect(throws: VaultError.self) { try swapped.unlock(Self.holder("Anna"), Self.holder("Ben")) }
    }

    @Test func rotationNeedsNoOtherHolderAndOpensOnlyTheNewKey() throws {
        let (_, holders, period, sealed) = try Self.shared()
        let old = try holders.unlock(Self.holder("Anna"), Self.holder("Ben"))
        let rotated = holders.rotated()
        #expect(rotated.masterPublicKey != holders.masterPublicKey && rotated.names == holders.names)
        let resealed = try rotated.resealed(sealed, publicKey: period.publicKey, period: 2025, from: old)
        let unlocked = try rotated.unlock(Self.holder("Escrow DSB"), Self.holder("Ben"))
        #expect(try unlocked.openPeriodSecret(resealed, publicKey: period.publicKey, period: 2025).publicKey == period.publicKey)
    }

    @Test func holderListsAndNamesAreChecked() throws {
        let envelope = try KeystoreEnvelope.create(passphrase: Passphrase("correct horse"), strength: .interactive)
        let unlocked = try envelope.unlock(with: Passphrase("correct horse"))
        #expect(throws: KeyholderError.tooFewHolders) {
            try KeyholderEnvelope.sharing(unlocked, among: [Self.holder("Anna")], parameters: envelope.parameters)
        }
        #expect(throws: KeyholderError.duplicateHolder(try KeyholderName("anna"))) {
            try KeyholderEnvelope.sharing(unlocked, among: [Self.holder("Anna"), Self.holder("anna", "x y z")], parameters: envelope.parameters)
        }
        for bad in ["", " Anna", String(repeating: "a", count: 65), "Anna;DROP", "Anna\nBen", "a/b"] {
            #expect(throws: KeyholderError.invalidName(field: "holder")) { try KeyholderName(bad) }
        }
        #expect(try KeyholderName("Jürgen Müller-Lüdenscheidt_2.").text == "Jürgen Müller-Lüdenscheidt_2.")
    }

    @Test func theEnvelopeRoundTripsThroughBytesAndADamagedOneIsRefused() throws {
        let (_, holders, _, _) = try Self.shared()
        let bytes = holders.serialized()
        #expect(try KeyholderEnvelope(serialized: bytes) == holders)
        for damaged in [Array(bytes.dropLast()), bytes + [0], Array(bytes.prefix(40))] {
            #expect(throws: VaultError.malformed(what: "the keyholders in the keystore backup")) { try KeyholderEnvelope(serialized: damaged) }
        }
    }
}
