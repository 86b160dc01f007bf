@testable import Disclosure

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator for reproducible property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The category dimension used throughout: yes / no / not_determinable.
func indicator() throws -> TableDimension {
    try .categories("mh", codes: ["yes", "no", "not_determinable"], nonInformative: ["not_determinable"])
}

/// Units in two Dezernate: Total → I → 10, 11; II → 20, 21.
func units() throws -> TableDimension {
    try .hierarchical("unit", children: ["Total": ["I", "II"], "I": ["10", "11"], "II": ["20", "21"]])
}

/// A random table: one hierarchical dimension, up to two flat ones, usually a category dimension,
/// and many small cells.
struct RandomTable {
    let table: CountTable
    let counts: [[String]: Int]
    let children: [String: [String]]
}

func randomTable(_ generator: inout SplitMix64) throws -> RandomTable {
    var dimensions: [TableDimension] = []
    var children: [String: [String]] = [:]   // test-side copy of every hierarchy, keyed "dim/code"
    let groups = Int.random(in: 2...3, using: &generator)
    var tree: [String: [String]] = ["Total": []]
    for group in 0..<groups {
        let name = "G\(group)"
        tree["Total"]!.append(name)
        tree[name] = (0..<Int.random(in: 1...3, using: &generator)).map { "\(name)u\($0)" }
    }
    dimensions.append(try .hierarchical("unit", children: tree))
    for (code, kids) in tree { children["unit/\(code)"] = kids }
    for extra in 0..<Int.random(in: 0...2, using: &generator) {
        let leaves = (0..<Int.random(in: 2...3, using: &generator)).map { "c\($0)" }
        dimensions.append(try .flat("d\(extra)", leaves: leaves))
        children["d\(extra)/Total"] = leaves
    }
    if dimensions.count == 1 || Bool.random(using: &generator) {
        dimensions.append(try indicator())
        children["mh/total"] = ["yes", "no", "not_determinable"]
    }
    var counts: [[String]: Int] = [:]
    var leafSets: [[String]] = [[]]
    for dimension in dimensions {
        leafSets = leafSets.flatMap { prefix in dimension.hierarchy.leaves.map { prefix + [$0] } }
    }
    let zeroShare = Double.random(in: 0...0.4, using: &generator)
    for leaf in leafSets {
        let roll = Double.random(in: 0..<1, using: &generator)
        if roll < zeroShare { continue }
        counts[leaf] = roll < zeroShare + 0.35 ? Int.random(in: 1...4, using: &generator)
                                               : Int.random(in: 5...40, using: &generator)
    }
    return RandomTable(table: try CountTable(dimensions: dimensions, counts: counts), counts: counts, children: children)
}

/// The true count of a cell, summed by the test from the leaf counts (independent of the module).
func bruteForceCount(_ coordinates: [String], table: CountTable, counts: [[String]: Int],
                     children: [String: [String]]) -> Int {
    func leaves(_ dimension: String, _ code: String) -> Set<String> {
        guard let kids = children["\(dimension)/\(code)"] else { return [code] }
        return kids.reduce(into: Set<String>()) { $0.formUnion(leaves(dimension, $1)) }
    }
    let sets = zip(table.dimensions, coordinates).map { leaves($0.name, $1) }
    return counts.filter { key, _ in zip(key, sets).allSatisfy { $1.contains($0) } }.values.reduce(0, +)
}

/// A second release over the same microdata: the units regrouped into one or two new subtotals
/// (new differences to take), every non-category dimension kept or dropped at random.
func regroupedRelease(of random: RandomTable, _ generator: inout SplitMix64) throws -> CountTable {
    let units = random.table.dimensions[0].hierarchy.leaves.shuffled(using: &generator)
    let cut = Int.random(in: 1..<max(2, units.count), using: &generator)
    var regrouped: [String: [String]] = ["Total": ["H0"], "H0": Array(units[..<cut])]
    if cut < units.count {
        regrouped["Total"]!.append("H1")
        regrouped["H1"] = Array(units[cut...])
    }
    var dimensions = [try TableDimension.hierarchical("unit", children: regrouped)]
    var kept = [0]
    for (index, dimension) in random.table.dimensions.enumerated().dropFirst()
    where dimension.isCategory || Bool.random(using: &generator) {
        dimensions.append(dimension)
        kept.append(index)
    }
    var counts: [[String]: Int] = [:]
    for (key, count) in random.counts { counts[kept.map { key[$0] }, default: 0] += count }
    return try CountTable(dimensions: dimensions, counts: counts)
}
