/// Feasible points of one audit's system, kept so that a later audit over other classes can start from them.
///
/// Secondary suppression and the cleanup audit one pattern after another. Every pattern after the
/// first full audit withholds at least the cells that audit's pattern withheld (as long as the
/// cleanup publishes again only cells that pattern published): its system has a subset of the
/// rows, so its feasible set holds the first one, and every point found then is still feasible.
/// Two such points far apart on a target prove the target wide without solving its programs
/// (``AttackerModel/intervals(of:provingWidth:seeds:)``). Without this, the audit at the end of the
/// cleanup solved again, target by target, what the first audit had already shown.
///
/// A point of the first system is read as a value of each atom: presolve's fixed values, and in
/// each block, each class's sum on the class's first atom and 0 on its others (any split of a class
/// is as feasible as any other there). A later system's classes are unions of the first one's
/// (fewer rows tell fewer atoms apart), so its class sums do not depend on that choice. Only the
/// class sums are stored, so a later class sum adds one number per earlier class, not per atom.
struct FeasiblePoints {
    /// How many points a block keeps at most (the latest found).
    static let limit = 512

    private let fixed: [Int?]
    private let blockOfAtom: [Int]
    private let positionOfAtom: [Int]
    /// For each block of the first system, the class whose first atom sits at each position of
    /// the block's atom order, or -1: the only atoms whose stored value is not 0.
    private let classAtPosition: [[Int]]
    /// For each block of the first system, its points in class sums.
    private let points: [[[Double]]]

    /// - Parameter samples: each block's points in class sums (``BlockSolver/samples(of:)``).
    init(blocks: AttackerBlocks, fixed: [Int?], samples: (Int) -> [[Double]]) {
        self.fixed = fixed
        blockOfAtom = blocks.blockOfAtom
        positionOfAtom = blocks.columnOfAtom
        classAtPosition = blocks.blocks.map { block in
            var classAt = [Int](repeating: -1, count: block.atoms.count)
            var seen = [Bool](repeating: false, count: block.classSizes.count)
            for (column, id) in block.classOfColumn.enumerated() where !seen[id] {
                seen[id] = true
                classAt[column] = id
            }
            return classAt
        }
        points = blocks.blocks.indices.map { Array(samples($0).suffix(Self.limit)) }
    }

    /// The stored points as class sums of `block` of a later system whose rows are a subset of the
    /// first one's; empty when an atom of it lies in a block of the first system without points.
    func classSums(of block: AttackerBlocks.Block) -> [[Double]] {
        var constant = [Double](repeating: 0, count: block.classSizes.count)
        // For each block of the first system: which of its class sums go into which class here.
        var sources: [Int: [(id: Int, old: Int)]] = [:]
        for (column, atom) in block.atoms.enumerated() {
            if let value = fixed[atom] {
                constant[block.classOfColumn[column]] += Double(value)
                continue
            }
            let old = blockOfAtom[atom]
            guard old >= 0, !points[old].isEmpty else { return [] }
            let oldClass = classAtPosition[old][positionOfAtom[atom]]
            if oldClass >= 0 {
                sources[old, default: []].append((block.classOfColumn[column], oldClass))
            } else if sources[old] == nil {
                sources[old] = []
            }
        }
        let count = sources.keys.map { points[$0].count }.min() ?? 1
        return (0..<count).map { index in
            var sums = constant
            sums.withUnsafeMutableBufferPointer { sums in
                for (old, pairs) in sources {
                    points[old][index].withUnsafeBufferPointer { values in
                        for pair in pairs { sums[pair.id] += values[pair.old] }
                    }
                }
            }
            return sums
        }
    }
}
