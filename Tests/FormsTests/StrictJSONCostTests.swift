import Foundation
import Testing
@testable import Forms

/// The strict reader runs on unauthenticated API routes, so its cost must grow with the body's
/// length, not with its square: a body of many distinct keys must not make the server search.
@Suite struct StrictJSONCostTests {
    static func object(keys: Int) -> [UInt8] {
        Array(("{" + (0..<keys).map { "\"k\($0)\":0" }.joined(separator: ",") + "}").utf8)
    }

    /// The fastest of three runs, so that a busy machine's pause does not decide the outcome.
    static func seconds(_ bytes: [UInt8]) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            try StrictJSON.check(bytes)
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }

    @Test("eight times the keys cost about eight times the time, not sixty-four")
    func duplicateCheckIsLinear() throws {
        let small = try Self.seconds(Self.object(keys: 5_000))
        let large = try Self.seconds(Self.object(keys: 40_000))
        // Linear work gives a ratio near 8, a search through the members per key one near 64.
        #expect(large < small * 24, "5,000 keys: \(small) s, 40,000 keys: \(large) s")
    }

    @Test("a key given twice among many is still found, by name")
    func duplicateAmongMany() {
        var text = String(decoding: Self.object(keys: 1_000).dropLast(), as: UTF8.self)
        text += #","k500":1}"#
        #expect(throws: InputError(field: "k500", english: "malformed JSON: key appears twice",
                                   german: "Fehlerhaftes JSON: Schlüssel kommt doppelt vor.")) {
            try StrictJSON.check(Array(text.utf8))
        }
    }
}
