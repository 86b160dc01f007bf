import Forms
import Testing
@testable import Letters

/// The letters' QR codes, read back against ISO/IEC 18004 by hand: size by the capacity table,
/// finder and timing patterns, and both copies of the format information naming level M.
@Suite struct QRCodeTests {
    static let link = "https://vielfalt.example/survey?code=7K3Q-M2XW-9RTB-4HNP-ZC5E"

    /// The 15 format bits of level M (ECC bits 00) and `mask`: BCH(15,5) with generator 0x537,
    /// masked with 0x5412, most significant bit first.
    static func formatBits(mask: Int) -> [Bool] {
        let data = (0b00 << 3) | mask
        var remainder = data << 10
        for bit in stride(from: 14, through: 10, by: -1) where remainder & (1 << bit) != 0 {
            remainder ^= 0x537 << (bit - 10)
        }
        let format = ((data << 10) | remainder) ^ 0x5412
        return (0..<15).map { format & (1 << (14 - $0)) != 0 }
    }

    @Test func levelMIsCalculatedAsTheStandardsTableSays() {
        // ISO/IEC 18004 Table C.1: level M, mask 0 is 101010000010010.
        #expect(Self.formatBits(mask: 0).map { $0 ? "1" : "0" }.joined() == "101010000010010")
    }

    @Test func theSurveyLinkIsAVersion4SymbolAtLevelM() throws {
        #expect(Self.link.utf8.count == 61)
        let symbol = try #require(QRCode(Self.link))
        // 61 bytes: more than version 3-M holds in byte mode (42), within 4-M (62).
        #expect(symbol.version == 4 && symbol.width == 33 && symbol.modules.count == 33 * 33)
        let w = symbol.width
        for (top, left) in [(0, 0), (0, w - 7), (w - 7, 0)] {
            for r in 0..<7 {
                for c in 0..<7 {
                    let ring = max(abs(r - 3), abs(c - 3))
                    #expect(symbol.isDark(row: top + r, column: left + c) == (ring != 2), "finder at \(top),\(left)")
                }
            }
        }
        for i in 8..<(w - 8) {
            #expect(symbol.isDark(row: 6, column: i) == (i % 2 == 0) && symbol.isDark(row: i, column: 6) == (i % 2 == 0))
        }
        #expect(symbol.isDark(row: w - 8, column: 8), "the dark module")
        let first = (0..<6).map { symbol.isDark(row: 8, column: $0) } + [symbol.isDark(row: 8, column: 7), symbol.isDark(row: 8, column: 8),
                    symbol.isDark(row: 7, column: 8)] + (0..<6).reversed().map { symbol.isDark(row: $0, column: 8) }
        let second = (0..<7).map { symbol.isDark(row: w - 1 - $0, column: 8) } + (0..<8).map { symbol.isDark(row: 8, column: w - 8 + $0) }
        let masks = (0..<8).filter { Self.formatBits(mask: $0) == first }
        #expect(masks.count == 1, "the format information names level M with one mask")
        #expect(first == second)
    }

    @Test func theSVGDrawsEveryDarkModuleAndEscapesItsLabel() throws {
        let symbol = try #require(QRCode("A"))
        let svg = symbol.svg(size: "40mm", label: "QR <code>")
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == symbol.modules.filter { $0 }.count)
        #expect(svg.contains("aria-label=\"QR &lt;code&gt;\"") && svg.contains("viewBox=\"0 0 29 29\""))
    }
}
