import Testing
@testable import Vault

@Suite struct RecordSealerTests {
    let names = ["unit", "hired_quarter", "career_group", "citizenship"]
    let values = ["51", "Q1", "gehoben", "not_german"]

    func binding(_ id: ResponseID, period: Int = 2025, version: Int = 1) -> RecordBinding {
        RecordBinding(responseID: id, formID: "migration-background", formVersion: version, period: period)
    }

    @Test func sealedRecordOpensWithThePeriodSecret() throws {
        let period = KeyPair.generate()
        let batch = try EntryBatch(period: 2025, periodKey: period.publicKey)
        let id = ResponseID.random()
        let sealed = try batch.seal(values: values, fieldNames: names, binding: binding(id))
        let opener = try BatchOpener(period: 2025, periodSecret: period.secretKey, ephemeralPublicKey: batch.ephemeralPublicKey)
        #expect(try opener.openValues(sealed, fieldNames: names, binding: binding(id)) == values)
    }

    @Test func anotherPeriodsSecretCannotOpenIt() throws {
        let period = KeyPair.generate(), other = KeyPair.generate()
        let batch = try EntryBatch(period: 2025, periodKey: period.publicKey)
        let id = ResponseID.random()
        let sealed = try batch.seal(values: values, fieldNames: names, binding: binding(id))
        let opener = try BatchOpener(period: 2025, periodSecret: other.secretKey, ephemeralPublicKey: batch.ephemeralPublicKey)
        #expect(throws: VaultError.authenticationFailed(what: "field 'unit'")) {
            try opener.openValues(sealed, fieldNames: names, binding: binding(id))
        }
    }

    @Test(arguments: ["record", "period", "version"])
    func aCiphertextOpensOnlyUnderItsOwnBinding(_ change: String) throws {
        let period = KeyPair.generate()
        let batch = try EntryBatch(period: 2025, periodKey: period.publicKey)
        let id = ResponseID.random()
        let sealed = try batch.seal(values: values, fieldNames: names, binding: binding(id))
        let opener = try BatchOpener(period: 2025, periodSecret: period.secretKey, ephemeralPublicKey: batch.ephemeralPublicKey)
        let wrong = switch change {
        case "record": binding(ResponseID.random())
        case "period": binding(id, period: 2024)
        default: binding(id, version: 2)
        }
        #expect(throws: VaultError.authenticationFailed(what: "field 'unit'")) {
            try opener.openValues(sealed, fieldNames: names, binding: wrong)
        }
    }

    @Test func swappingTwoFieldsOfARecordFailsAuthentication() throws {
        let period = KeyPair.generate()
        let batch = try EntryBatch(period: 2025, periodKey: period.publicKey)
        let id = ResponseID.random()
        var sealed = try batch.seal(values: values, fieldNames: names, binding: binding(id))
        let size = RecordSealer.fieldBytes, base = 24
        let first = Array(sealed[base..<base + size]), second = Array(sealed[base + size..<base + 2 * size])
        sealed.replaceSubrange(base..<base + size, with: second)
        sealed.replaceSubrange(base + size..<base + 2 * size, with: first)
        let opener = try BatchOpener(period: 2025, periodSecret: period.secretKey, ephemeralPublicKey: batch.ephemeralPublicKey)
        #expect(throws: VaultError.authenticationFailed(what: "field 'unit'")) {
            try opener.openValues(sealed, fieldNames: names, binding: binding(id))
        }
    }

    @Test func aFlippedBitIsDetected() throws {
        let period = KeyPair.generate()
        let batch = try EntryBatch(period: 2025, periodKey: period.publicKey)
        let id = ResponseID.random()
        var sealed = try batch.seal(values: values, fieldNames: names, binding: binding(id))
        sealed[sealed.count - 1] ^= 0x80
        let opener = try BatchOpener(period: 2025, periodSecret: period.secretKey, ephemeralPublicKey: batch.ephemeralPublicKey)
        #expect(throws: VaultError.authenticationFailed(what: "field 'citizenship'")) {
            try opener.openValues(sealed, fieldNames: names, binding: binding(id))
        }
    }

    @Test func ciphertextLengthDoesNotDependOnTheAnswer() throws {
        let batch = try EntryBatch(period: 2025, periodKey: KeyPair.generate().publicKey)
        let short = try batch.seal(values: ["no"], fieldNames: ["x"], binding: binding(ResponseID.random()))
        let long = try batch.seal(values: ["german_naturalised"], fieldNames: ["x"], binding: binding(ResponseID.random()))
        #expect(short.count == long.count)
        #expect(short.count == 24 + 32 + 16)
    }

    @Test func overlongValuesAreRefused() throws {
        let batch = try EntryBatch(period: 2025, periodKey: KeyPair.generate().publicKey)
        #expect(throws: VaultError.valueTooLong(field: "x", limit: 31)) {
            try batch.seal(values: [String(repeating: "a", count: 32)], fieldNames: ["x"], binding: binding(ResponseID.random()))
        }
    }

    @Test func truncatedRecordIsMalformed() throws {
        let period = KeyPair.generate()
        let batch = try EntryBatch(period: 2025, periodKey: period.publicKey)
        let id = ResponseID.random()
        let sealed = try batch.seal(values: values, fieldNames: names, binding: binding(id))
        let opener = try BatchOpener(period: 2025, periodSecret: period.secretKey, ephemeralPublicKey: batch.ephemeralPublicKey)
        #expect(throws: VaultError.malformed(what: "sealed record")) {
            try opener.openValues(Array(sealed.dropLast()), fieldNames: names, binding: binding(id))
        }
    }
}
