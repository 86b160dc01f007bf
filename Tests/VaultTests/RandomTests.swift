import Testing
@testable import Vault

@Suite struct RandomTests {
    @Test func ascendingIdsAreSixteenBytesDistinctAndInByteOrder() {
        let ids = ResponseID.randomAscending(count: 10_000)
        #expect(ids.count == 10_000)
        #expect(ids.allSatisfy { $0.bytes.count == ResponseID.byteCount })
        for (a, b) in zip(ids, ids.dropFirst()) { #expect(a.bytes.lexicographicallyPrecedes(b.bytes)) }
        // Spread over the whole range, not clustered: the first byte takes many values.
        #expect(Set(ids.map { $0.bytes[0] }).count > 200)
        #expect(ResponseID.randomAscending(count: 0).isEmpty)
    }

    @Test func theBufferedGeneratorKeepsDrawingAcrossBlocks() {
        var generator = BufferedSystemRandom()
        let values = (0..<10_000).map { _ in generator.next() }
        #expect(Set(values).count == values.count)
        #expect(values.contains { $0 >> 63 == 1 } && values.contains { $0 >> 63 == 0 })
        var other = BufferedSystemRandom()
        #expect(other.next() != values[0])
    }
}
