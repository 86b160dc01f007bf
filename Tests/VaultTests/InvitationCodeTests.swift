import Foundation
import Testing
@testable import Vault

@Suite struct InvitationCodeTests {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    @Test func generatedCodesHaveFiveGroupsOfFourAndAValidCheck() throws {
        let code = InvitationCode.generate()
        let groups = code.formatted.split(separator: "-")
        #expect(groups.count == 5 && groups.allSatisfy { $0.count == 4 })
        #expect(code.formatted.replacingOccurrences(of: "-", with: "").allSatisfy { Self.alphabet.contains($0) })
        #expect(try InvitationCode(parsing: code.formatted).formatted == code.formatted)
        #expect("\(code)" == "InvitationCode(redacted)" && !String(describing: code).contains(code.formatted))
    }

    @Test func codesAreUniqueAndUseEveryCharacter() {
        let codes = (0..<2000).map { _ in InvitationCode.generate().formatted }
        #expect(Set(codes).count == 2000)
        #expect(Set(codes.joined().filter { $0 != "-" }) == Set(Self.alphabet))
    }

    /// Luhn mod 32 worked by hand: the rightmost data value is doubled (2 × 1 = 2, check 32 − 2 = 30
    /// = Y; 2 × 31 = 62 = 1·32 + 30 → 1 + 30 = 31, check 1), the one left of it is not (31, check 1).
    @Test(arguments: [
        ("0000-0000-0000-0000-0000", "0000-0000-0000-0000-0000"),
        ("0000-0000-0000-0000-001y", "0000-0000-0000-0000-001Y"),
        ("0000 0000 0000 0000 00Z1", "0000-0000-0000-0000-00Z1"),
        ("oooo-oooo-oooo-oooo-0Z01", "0000-0000-0000-0000-0Z01"),
        ("00000000000000000 0I Y", "0000-0000-0000-0000-001Y"),
    ])
    func typedCodesAreNormalisedAndChecked(_ typed: String, _ expected: String) throws {
        #expect(try InvitationCode(parsing: typed).formatted == expected)
    }

    @Test(arguments: ["", "0000-0000-0000-0000-000", "0000-0000-0000-0000-00000", "0000-0000-0000-0000-000U",
                      "ÄÖÜ", "0000_0000_0000_0000_0000", "7K3QM-2XW9R-ABCDE-12345-X"])
    func malformedCodesAreRefused(_ typed: String) {
        #expect(throws: VaultError.invalidInvitationCode) { try InvitationCode(parsing: typed) }
    }

    @Test func everySingleMistypedCharacterIsCaught() throws {
        for _ in 0..<20 {
            let code = Array(InvitationCode.generate().formatted.replacingOccurrences(of: "-", with: ""))
            for position in code.indices {
                for replacement in Self.alphabet where replacement != code[position] {
                    var typo = code
                    typo[position] = replacement
                    #expect(throws: VaultError.mistypedInvitationCode) { try InvitationCode(parsing: String(typo)) }
                }
            }
        }
    }

    @Test func swappedNeighboursAreCaughtExceptZeroAndZ() throws {
        for _ in 0..<50 {
            let code = Array(InvitationCode.generate().formatted.replacingOccurrences(of: "-", with: ""))
            for position in 0..<code.count - 1 where code[position] != code[position + 1] && Set([code[position], code[position + 1]]) != ["0", "Z"] {
                var swapped = code
                swapped.swapAt(position, position + 1)
                #expect(throws: VaultError.mistypedInvitationCode) { try InvitationCode(parsing: String(swapped)) }
            }
        }
    }

    @Test func lookupHashesAreKeyedAndSpellingFree() throws {
        let code = InvitationCode.generate()
        let receiptKey = ReceiptKey.generate()
        let key = receiptKey.invitationKey(), other = ReceiptKey.generate().invitationKey()
        let typed = try InvitationCode(parsing: code.formatted.lowercased().replacingOccurrences(of: "-", with: " "))
        #expect(key.lookupHash(code) == key.lookupHash(typed))
        #expect(key.lookupHash(code) != other.lookupHash(code))
        #expect(key.lookupHash(code) != key.lookupHash(InvitationCode.generate()))
        // Derived under its own context: not the receipt hash of the same characters.
        let asReceipt = try ReceiptCode(parsing: String(code.formatted.replacingOccurrences(of: "-", with: "")))
        #expect(key.lookupHash(code) != asReceipt.hash(with: receiptKey))
        #expect(key.lookupHash(code).count == 32)
    }

    @Test func theContextOpensOnlyWithItsCodeAndBinding() throws {
        let key = ReceiptKey.generate().invitationKey()
        let code = InvitationCode.generate()
        let binding = InvitationBinding(formID: "migration-background", formVersion: 1, period: 2026)
        let values = ["51", "q4", "gehoben", "regular"]
        let sealed = try key.sealContext(values, code: code, binding: binding)
        #expect(try key.openContext(sealed, code: code, binding: binding) == values)
        // One size whatever the values: the length tells nothing.
        #expect(sealed.count == (try key.sealContext(["1", "q1", "einfach", "trainee"], code: code, binding: binding)).count)
        #expect(sealed.count == 24 + 128 + 16)
        let wrong: [(InvitationCode, InvitationBinding, InvitationKey)] = [
            (InvitationCode.generate(), binding, key),
            (code, InvitationBinding(formID: "migration-background", formVersion: 2, period: 2026), key),
            (code, InvitationBinding(formID: "migration-background", formVersion: 1, period: 2025), key),
            (code, binding, ReceiptKey.generate().invitationKey()),
        ]
        for (otherCode, otherBinding, otherKey) in wrong {
            #expect(throws: VaultError.authenticationFailed(what: "invitation context")) {
                try otherKey.openContext(sealed, code: otherCode, binding: otherBinding)
            }
        }
        for plain in ["51", "q4", "gehoben", code.formatted, code.formatted.replacingOccurrences(of: "-", with: "")] {
            #expect(Data(sealed).range(of: Data(plain.utf8)) == nil)
        }
    }

    @Test func anOversizedContextIsRefused() throws {
        let key = ReceiptKey.generate().invitationKey()
        #expect(throws: VaultError.self) {
            try key.sealContext([String(repeating: "x", count: 200)], code: InvitationCode.generate(),
                                binding: InvitationBinding(formID: "f", formVersion: 1, period: 2026))
        }
    }
}
