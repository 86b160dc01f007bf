/// One additivity equation of a table: `total = Σ parts`, all other coordinates fixed.
struct Equation: Hashable {
    let total: Int
    let parts: [Int]
    var members: [Int] { [total] + parts }
}

extension CountTable {
    /// The equation in which `cell` is the total along `dimension`, or `nil` when the cell's node in
    /// that dimension is a leaf or the cell is omitted (its parts never are: they differ from it only
    /// below the total of `dimension`).
    func equation(total cell: Int, along dimension: Int) -> Equation? {
        let node = (cell / strides[dimension]) % radix[dimension]
        let children = dimensions[dimension].hierarchy.children[node]
        guard !children.isEmpty, !isOmitted(cell) else { return nil }
        let base = cell - node * strides[dimension]
        return Equation(total: cell, parts: children.map { base + $0 * strides[dimension] })
    }

    /// Every equation `cell` takes part in, as total or as a part.
    func equations(of cell: Int) -> [Equation] {
        var result: [Equation] = []
        for dimension in dimensions.indices {
            if let equation = equation(total: cell, along: dimension) { result.append(equation) }
            let node = (cell / strides[dimension]) % radix[dimension]
            if let parent = dimensions[dimension].hierarchy.parents[node],
               let equation = equation(total: cell + (parent - node) * strides[dimension], along: dimension) {
                result.append(equation)
            }
        }
        return result
    }

    /// Every additivity equation of the table.
    var allEquations: [Equation] {
        (0..<cellCount).flatMap { cell in
            dimensions.indices.compactMap { equation(total: cell, along: $0) }
        }
    }
}
