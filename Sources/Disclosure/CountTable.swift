/// A frequency table: dimensions and the count of every leaf combination, with all margins.
///
/// Build it from leaf counts only; the table computes every margin itself. A *cell* exists for every
/// combination of nodes (leaf, inner node or root) of every dimension, and every inner node equals the
/// sum of its children with the other coordinates fixed — the additivity that secondary suppression
/// must respect. Coordinates are node codes in dimension order.
///
/// ```swift
/// let table = try CountTable(
///     dimensions: [try .flat("unit", leaves: ["10", "11"]),
///                  try .categories("mh", codes: ["yes", "no", "not_determinable"],
///                                  nonInformative: ["not_determinable"])],
///     counts: [["10", "yes"]: 3, ["10", "no"]: 12, ["11", "no"]: 7])
/// table.count(at: ["Total", "total"])   // 22
/// ```
///
/// For the Cell Key Method pass `cellKeySums`: per leaf, the sum modulo 2^32 of the record keys of
/// the respondents it counts; margins add them with wrapping arithmetic.
///
/// `scope` restricts the population for variables that are not dimensions (for example
/// `year ∈ {2023, 2024}` for a cumulative table); it enters every cell's ``CellDomain``.
///
/// `omittingTotalsOf` names dimensions whose total is not part of the release: a trend shows each
/// year, not the sum over years. Cells at such a total are *omitted*: never published, never
/// withheld, no equation a reader could use (``isOmitted(_:)``). Summing over years would tie
/// every year's withheld cells to every other year's, for a figure no monitoring needs.
public struct CountTable: Sendable {
    public let dimensions: [TableDimension]
    public let scope: CellDomain
    /// Indices of the dimensions whose total is omitted.
    public let omittedTotals: Set<Int>
    /// Index of the category dimension, if any.
    public let categoryDimension: Int?
    let radix: [Int]
    let strides: [Int]
    let leafStrides: [Int]
    /// The count of every cell (margins included), by cell index.
    let counts: [Int]
    /// The record-key sum of every cell, when the table carries them.
    let keySums: [UInt32]?
    /// Number of leaf cells (the atoms of a single-table audit).
    let leafCellCount: Int

    /// - Throws: ``DisclosureError/invalidTable(_:)`` for no dimensions, duplicate names, more than
    ///   one category dimension, a coordinate of the wrong length or not a leaf, a negative count,
    ///   or a dimension with codes outside its scope restriction.
    public init(dimensions: [TableDimension], counts leafCounts: [[String]: Int],
                cellKeySums: [[String]: UInt32]? = nil, scope: CellDomain = .all, omittingTotalsOf omitted: Set<String> = []) throws {
        guard !dimensions.isEmpty else { throw DisclosureError.invalidTable("a table needs a dimension") }
        let names = dimensions.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw DisclosureError.invalidTable("dimension \"\(duplicate)\" occurs twice")
        }
        let categoryIndices = dimensions.indices.filter { dimensions[$0].isCategory }
        guard categoryIndices.count <= 1 else {
            throw DisclosureError.invalidTable("a table has at most one category dimension")
        }
        for dimension in dimensions {
            if let allowed = scope.restrictions[dimension.name],
               let stray = dimension.hierarchy.leaves.first(where: { !allowed.contains($0) }) {
                throw DisclosureError.invalidTable("code \"\(stray)\" of \(dimension.name) lies outside the scope")
            }
        }
        if let stray = omitted.sorted().first(where: { !names.contains($0) }) {
            throw DisclosureError.invalidTable("no dimension \"\(stray)\" whose total could be omitted")
        }
        self.dimensions = dimensions
        self.scope = scope
        self.omittedTotals = Set(dimensions.indices.filter { omitted.contains(dimensions[$0].name) })
        self.categoryDimension = categoryIndices.first
        radix = dimensions.map { $0.hierarchy.codes.count }
        strides = Self.strides(for: radix)
        let leafRadix = dimensions.map { $0.hierarchy.leafNodes.count }
        leafStrides = Self.strides(for: leafRadix)
        leafCellCount = leafRadix.reduce(1, *)
        let cellCount = radix.reduce(1, *)
        var counts = [Int](repeating: 0, count: cellCount)
        var keySums: [UInt32]? = cellKeySums == nil ? nil : [UInt32](repeating: 0, count: cellCount)
        let leafOfCoordinates = try Self.leafNodes(of: Array(leafCounts.keys) + Array((cellKeySums ?? [:]).keys),
                                                   in: dimensions)
        for (coordinates, count) in leafCounts {
            guard count >= 0 else {
                throw DisclosureError.invalidTable("negative count \(count) at \(coordinates)")
            }
            for cell in Self.ancestorCells(of: leafOfCoordinates[coordinates]!, dimensions: dimensions, strides: strides) {
                counts[cell] += count
            }
        }
        for (coordinates, sum) in cellKeySums ?? [:] {
            for cell in Self.ancestorCells(of: leafOfCoordinates[coordinates]!, dimensions: dimensions, strides: strides) {
                keySums![cell] &+= sum
            }
        }
        self.counts = counts
        self.keySums = keySums
    }

    /// Number of cells, margins included.
    public var cellCount: Int { counts.count }

    /// The true count of the cell at `coordinates` (node codes in dimension order), or `nil` when the
    /// coordinates name no cell.
    package func count(at coordinates: [String]) -> Int? {
        cellIndex(of: coordinates).map { counts[$0] }
    }

    /// The record-key sum of the cell at `coordinates`, when the table carries key sums.
    package func cellKeySum(at coordinates: [String]) -> UInt32? {
        guard let keySums, let cell = cellIndex(of: coordinates) else { return nil }
        return keySums[cell]
    }

    // MARK: Cell indexing (cells are numbered in mixed radix over node indices; cell 0 is the grand total)

    func cellIndex(of coordinates: [String]) -> Int? {
        guard coordinates.count == dimensions.count else { return nil }
        var cell = 0
        for (dimension, code) in coordinates.enumerated() {
            guard let node = dimensions[dimension].hierarchy.node(of: code) else { return nil }
            cell += node * strides[dimension]
        }
        return cell
    }

    func nodes(of cell: Int) -> [Int] {
        radix.indices.map { (cell / strides[$0]) % radix[$0] }
    }

    func coordinates(of cell: Int) -> [String] {
        zip(dimensions, nodes(of: cell)).map { $0.hierarchy.codes[$1] }
    }

    /// Whether `cell` lies at the total of a dimension whose total is omitted (the root is node 0).
    public func isOmitted(_ cell: Int) -> Bool {
        omittedTotals.contains { (cell / strides[$0]) % radix[$0] == 0 }
    }

    func isLeafCell(_ cell: Int) -> Bool {
        zip(dimensions, nodes(of: cell)).allSatisfy { $0.hierarchy.children[$1].isEmpty }
    }

    /// The leaf-cell ordinals (atoms) beneath `cell`.
    func leaves(under cell: Int) -> [Int] {
        var result = [0]
        for (dimension, node) in nodes(of: cell).enumerated() {
            let ordinals = dimensions[dimension].hierarchy.leavesUnder[node]
            result = result.flatMap { base in ordinals.map { base + $0 * leafStrides[dimension] } }
        }
        return result
    }

    /// The population the cell counts, as a ``CellDomain``: the scope narrowed, in every dimension, to
    /// the leaf codes under the cell's node (all of the dimension's codes for its root).
    func domain(of cell: Int) -> CellDomain {
        var domain = scope
        for (dimension, node) in nodes(of: cell).enumerated() {
            let hierarchy = dimensions[dimension].hierarchy
            domain.restrict(dimensions[dimension].name, to: Set(hierarchy.leafCodes(under: node)))
        }
        return domain
    }

    private static func strides(for radix: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: radix.count)
        for index in radix.indices.dropLast().reversed() { strides[index] = strides[index + 1] * radix[index + 1] }
        return strides
    }

    private static func leafNodes(of keys: [[String]], in dimensions: [TableDimension]) throws -> [[String]: [Int]] {
        var result: [[String]: [Int]] = [:]
        for coordinates in keys where result[coordinates] == nil {
            guard coordinates.count == dimensions.count else {
                throw DisclosureError.invalidTable("coordinates \(coordinates) need \(dimensions.count) codes")
            }
            result[coordinates] = try zip(dimensions, coordinates).map { dimension, code in
                guard let node = dimension.hierarchy.node(of: code), dimension.hierarchy.isLeaf(code) else {
                    throw DisclosureError.invalidTable("\"\(code)\" is not a leaf code of \(dimension.name)")
                }
                return node
            }
        }
        return result
    }

    private static func ancestorCells(of leafNodes: [Int], dimensions: [TableDimension], strides: [Int]) -> [Int] {
        var cells = [0]
        for (dimension, node) in leafNodes.enumerated() {
            let chain = dimensions[dimension].hierarchy.selfAndAncestors[node]
            cells = cells.flatMap { base in chain.map { base + $0 * strides[dimension] } }
        }
        return cells
    }
}
