import Foundation
import Testing
@testable import Vault

@Suite struct ReceiptCodeTests {
    @Test func generatedCodesHaveFourGroupsOfFiveFromTheCrockfordAlphabet() {
        let code = ReceiptCode.generate().formatted
        let groups = code.split(separator: "-")
        #expect(groups.count == 4)
        #expect(groups.allSatisfy { $0.count == 5 })
        #expect(code.replacingOccurrences(of: "-", with: "").allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
    }

    @Test func codesAreUnique() {
        let codes = Set((0..<2000).map { _ in ReceiptCode.generate().formatted })
        #expect(codes.count == 2000)
    }

    @Test(arguments: [
        ("7k3qm-2xw9r-abcde-12345", "7K3QM-2XW9R-ABCDE-12345"),
        ("7K3QM 2XW9R ABCDE 12345", "7K3QM-2XW9R-ABCDE-12345"),
        ("OOOOO-IIIII-LLLLL-00000", "00000-11111-11111-00000"),
    ])
    func typedCodesAreNormalised(_ typed: String, _ expected: String) throws {
        #expect(try ReceiptCode(parsing: typed).formatted == expected)
    }

    @Test(arguments: ["", "7K3QM-2XW9R-ABCDE-1234", "7K3QM-2XW9R-ABCDE-123456", "7K3QM-2XW9R-ABCDE-1234U", "ÄÖÜ", "7K3QM_2XW9R_ABCDE_12345"])
    func malformedCodesAreRefused(_ typed: String) {
        #expect(throws: VaultError.invalidReceiptCode) { try ReceiptCode(parsing: typed) }
    }

    @Test func theHashIsKeyedAndStable() throws {
        let code = ReceiptCode.generate()
        let key = ReceiptKey.generate(), other = ReceiptKey.generate()
        let again = try ReceiptCode(parsing: code.formatted.lowercased())
        #expect(code.hash(with: key) == again.hash(with: key))
        #expect(code.hash(with: key) != code.hash(with: other))
        #expect(code.hash(with: key).count == 32)
    }
}
