/// A tree of codes: a root (the total), optional inner nodes (subtotals) and leaves.
///
/// A flat classification is a root with leaves (`Total → 10, 11, 20`); a hierarchical one nests
/// (`Total → Dezernat I → 10, 11`). Every inner node is the sum of its children, which is what
/// gives a table its additivity equations. Codes are unique within one hierarchy.
///
/// ```swift
/// let units = try Hierarchy(root: "Total", children: [
///     "Total": ["Dezernat I", "Dezernat II"],
///     "Dezernat I": ["10", "11"],
///     "Dezernat II": ["20"],
/// ])
/// ```
public struct Hierarchy: Sendable, Hashable {
    /// Node codes in breadth-first order; index 0 is the root.
    public let codes: [String]
    /// Parent node index of each node; `nil` for the root.
    let parents: [Int?]
    /// Child node indices of each node; empty for leaves.
    let children: [[Int]]
    /// Node indices of the leaves, in breadth-first order.
    let leafNodes: [Int]
    /// For each node, the leaf ordinals (positions in `leafNodes`) beneath it (itself for a leaf).
    let leavesUnder: [[Int]]
    /// For each node, the node itself followed by its ancestors up to the root.
    let selfAndAncestors: [[Int]]
    private let nodeOfCode: [String: Int]

    /// Builds a hierarchy from a map of each inner node to its children.
    ///
    /// - Throws: ``DisclosureError/invalidTable(_:)`` for a root without children, a duplicate code,
    ///   a node reached twice, or a map entry not reachable from the root.
    public init(root: String, children map: [String: [String]]) throws {
        guard let first = map[root], !first.isEmpty else {
            throw DisclosureError.invalidTable("hierarchy root \"\(root)\" has no children")
        }
        var codes = [root]
        var parents: [Int?] = [nil]
        var children: [[Int]] = [[]]
        var nodeOfCode = [root: 0]
        var next = 0
        while next < codes.count {
            for code in map[codes[next]] ?? [] {
                guard nodeOfCode[code] == nil else {
                    throw DisclosureError.invalidTable("hierarchy code \"\(code)\" occurs more than once")
                }
                nodeOfCode[code] = codes.count
                children[next].append(codes.count)
                codes.append(code)
                parents.append(next)
                children.append([])
            }
            next += 1
        }
        if let stray = map.keys.sorted().first(where: { nodeOfCode[$0] == nil }) {
            throw DisclosureError.invalidTable("hierarchy node \"\(stray)\" is not reachable from \"\(root)\"")
        }
        if let empty = map.keys.sorted().first(where: { map[$0]!.isEmpty && $0 != root }) {
            throw DisclosureError.invalidTable("hierarchy node \"\(empty)\" lists no children")
        }
        self.codes = codes
        self.parents = parents
        self.children = children
        self.nodeOfCode = nodeOfCode
        let leafNodes = codes.indices.filter { children[$0].isEmpty }
        self.leafNodes = leafNodes
        var leavesUnder = [[Int]](repeating: [], count: codes.count)
        var selfAndAncestors = [[Int]](repeating: [], count: codes.count)
        for node in codes.indices {
            var chain = [node]
            while let parent = parents[chain.last!] { chain.append(parent) }
            selfAndAncestors[node] = chain
        }
        for (ordinal, leaf) in leafNodes.enumerated() {
            for node in selfAndAncestors[leaf] { leavesUnder[node].append(ordinal) }
        }
        self.leavesUnder = leavesUnder
        self.selfAndAncestors = selfAndAncestors
    }

    /// A one-level hierarchy: `root` with `leaves` as its children.
    public static func flat(root: String, leaves: [String]) throws -> Hierarchy {
        try Hierarchy(root: root, children: [root: leaves])
    }

    /// The root code (the total).
    public var root: String { codes[0] }

    /// The leaf codes, in breadth-first order.
    public var leaves: [String] { leafNodes.map { codes[$0] } }

    /// Whether `code` is a leaf of this hierarchy.
    public func isLeaf(_ code: String) -> Bool {
        guard let node = nodeOfCode[code] else { return false }
        return children[node].isEmpty
    }

    /// The node index of `code`, or `nil` when the code is not in the hierarchy.
    func node(of code: String) -> Int? { nodeOfCode[code] }

    /// The leaf codes beneath `node` (the node itself when it is a leaf).
    func leafCodes(under node: Int) -> [String] { leavesUnder[node].map { codes[leafNodes[$0]] } }
}
