import Foundation
import Testing
@testable import Vault

/// Receipt codes of paper questionnaires: typed at entry from the form, so they carry a check character.
@Suite struct PaperReceiptCodeTests {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    @Test func aPaperCodeIsAReceiptCodeThatPassesItsCheck() throws {
        let codes = (0..<500).map { _ in ReceiptCode.generateForPaper() }
        #expect(Set(codes.map(\.formatted)).count == 500)
        for code in codes {
            #expect(try ReceiptCode(parsingPaper: code.formatted.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
            // Withdrawal reads it as any receipt code.
            #expect(try ReceiptCode(parsing: code.formatted) == code)
        }
    }

    @Test func everySingleMistypedCharacterIsCaught() throws {
        for _ in 0..<20 {
            let code = Array(ReceiptCode.generateForPaper().formatted.replacingOccurrences(of: "-", with: ""))
            for position in code.indices {
                for replacement in Self.alphabet where replacement != code[position] {
                    var typo = code
                    typo[position] = replacement
                    #expect(throws: VaultError.mistypedReceiptCode) { try ReceiptCode(parsingPaper: String(typo)) }
                }
            }
        }
    }

    @Test func swappedNeighboursAreCaughtExceptZeroAndZ() throws {
        for _ in 0..<50 {
            let code = Array(ReceiptCode.generateForPaper().formatted.replacingOccurrences(of: "-", with: ""))
            for position in 0..<code.count - 1 where code[position] != code[position + 1] && Set([code[position], code[position + 1]]) != ["0", "Z"] {
                var swapped = code
                swapped.swapAt(position, position + 1)
                #expect(throws: VaultError.mistypedReceiptCode) { try ReceiptCode(parsingPaper: String(swapped)) }
            }
        }
    }

    @Test(arguments: ["", "7K3QM-2XW9R-ABCDE-1234", "7K3QM-2XW9R-ABCDE-123456", "7K3QM-2XW9R-ABCDE-1234U", "ÄÖÜ"])
    func malformedCodesAreRefusedBeforeTheCheck(_ typed: String) {
        #expect(throws: VaultError.invalidReceiptCode) { try ReceiptCode(parsingPaper: typed) }
    }

    @Test func theMessagesNameTheTypoInBothLanguages() {
        #expect(VaultError.mistypedReceiptCode.english.contains("receipt code has a typo"))
        #expect(VaultError.mistypedReceiptCode.german.contains("Quittungscode enthält einen Tippfehler"))
    }
}
