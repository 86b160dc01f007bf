/// The attacker's system after presolve, split into independent blocks.
///
/// Two free atoms are in one block when some published figure links them, directly or through other
/// free atoms. Blocks share no atom and no row, so the feasible set is the product of the blocks'
/// feasible sets: the minimum (maximum) of a sum of atoms is the sum, over the blocks it touches, of
/// the minimum (maximum) of its part in each block. A block is solved on its own, small program, and
/// only when one of its atoms is in a target.
///
/// Within a block, atoms that lie in exactly the same rows (no published figure tells them apart:
/// typically the pieces of a withheld cell) form one class, and the block's program has one column
/// per class, the class's sum. The rows constrain nothing but these sums, and any non-negative split
/// of a sum is as feasible as any other; so a sum over a whole class is that class's column, and a
/// sum over part of a class ranges from 0 (the rest of the class carries it all) to the whole
/// column. ``BlockSolver`` builds objectives on classes that way, exactly.
struct AttackerBlocks {
    struct Block {
        /// Free atoms in ascending order; an atom's position here is its column in the block.
        var atoms: [Int] = []
        var rows: [LinearProgram.Row] = []
        /// The rows in atom ids: it determines the block's program completely, so it keys the memo.
        var signature: BlockSignature = BlockSignature(words: [])
        /// The class of each column, and the number of columns in each class.
        var classOfColumn: [Int] = []
        var classSizes: [Int] = []
        /// The rows over classes: the block's program.
        var classRows: [LinearProgram.Row] = []
        /// The rows each class lies in.
        var rowsOfClass: [[Int]] = []
    }

    let blocks: [Block]
    /// The block of each atom; -1 for a fixed atom or one that no published figure mentions.
    let blockOfAtom: [Int]
    /// The column of each free atom in its block's program.
    let columnOfAtom: [Int]

    /// - Parameter fixed: the value of each atom that presolve determined, `nil` for a free one.
    init(constraints: [AttackerModel.Constraint], fixed: [Int?], atomCount: Int) {
        var parent = Array(0..<atomCount)
        func root(_ atom: Int) -> Int {
            var atom = atom
            while parent[atom] != atom {
                parent[atom] = parent[parent[atom]]
                atom = parent[atom]
            }
            return atom
        }
        var reduced: [(atoms: [Int], lower: Int, upper: Int)] = []
        for constraint in constraints {
            var known = 0
            var free: [Int] = []
            for atom in constraint.atoms {
                if let value = fixed[atom] { known += value } else { free.append(atom) }
            }
            // A figure over fixed atoms only says nothing more (exact ones presolve has checked).
            guard !free.isEmpty else { continue }
            reduced.append((free, constraint.lower - known, constraint.upper - known))
        }
        // Blocks follow every figure, implied ones too: a block split only by leaving out a total
        // could drop out of a linked audit with a contradiction that the total would have shown
        // (``LinkedAuditor/rows(_:for:split:)`` keeps only the blocks its targets reach).
        for row in reduced {
            let head = root(row.atoms[0])
            for atom in row.atoms.dropFirst() {
                let other = root(atom)
                if other != head { parent[other] = head }
            }
        }
        let implied = ImpliedRows.indices(of: reduced)
        reduced = reduced.indices.filter { !implied.contains($0) }.map { reduced[$0] }
        var blockOfRoot = [Int](repeating: -1, count: atomCount)
        var blockOfAtom = [Int](repeating: -1, count: atomCount)
        var columnOfAtom = [Int](repeating: -1, count: atomCount)
        var blocks: [Block] = []
        for row in reduced {
            let head = root(row.atoms[0])
            if blockOfRoot[head] < 0 {
                blockOfRoot[head] = blocks.count
                blocks.append(Block())
            }
            let block = blockOfRoot[head]
            for atom in row.atoms where blockOfAtom[atom] < 0 {
                blockOfAtom[atom] = block
                blocks[block].atoms.append(atom)
            }
        }
        for index in blocks.indices {
            blocks[index].atoms.sort()
            for (column, atom) in blocks[index].atoms.enumerated() { columnOfAtom[atom] = column }
        }
        var words = [[Int]](repeating: [], count: blocks.count)
        for row in reduced {
            let block = blockOfAtom[row.atoms[0]]
            blocks[block].rows.append(LinearProgram.Row(columns: row.atoms.map { columnOfAtom[$0] },
                                                        lower: Double(row.lower), upper: Double(row.upper)))
            words[block].append(row.atoms.count)
            words[block] += row.atoms
            words[block] += [row.lower, row.upper]
        }
        for index in blocks.indices {
            blocks[index].signature = BlockSignature(words: words[index])
            Self.classify(&blocks[index])
        }
        self.blocks = blocks
        self.blockOfAtom = blockOfAtom
        self.columnOfAtom = columnOfAtom
    }
}

extension AttackerBlocks {
    /// Groups the block's columns by the set of rows they lie in and writes the rows over classes.
    static func classify(_ block: inout Block) {
        // Partition refinement, row by row: each row splits every part it meets into the columns
        // in it and those not. Linear in the rows' lengths; hashing every column's row list cost a
        // share of each audit.
        var part = [Int](repeating: 0, count: block.atoms.count)
        var parts = block.atoms.isEmpty ? 0 : 1
        var splitBy = [Int](repeating: -1, count: block.atoms.count + block.rows.reduce(0) { $0 + $1.columns.count } + 1)
        var splitInto = splitBy
        for (index, row) in block.rows.enumerated() {
            for column in row.columns {
                let old = part[column]
                if splitBy[old] != index {
                    splitBy[old] = index
                    splitInto[old] = parts
                    parts += 1
                }
                part[column] = splitInto[old]
            }
        }
        // Numbered in order of first column, as the classes always were.
        var number = [Int](repeating: -1, count: parts)
        var classCount = 0
        block.classOfColumn = part.map { id in
            if number[id] < 0 {
                number[id] = classCount
                classCount += 1
            }
            return number[id]
        }
        block.classSizes = [Int](repeating: 0, count: classCount)
        for id in block.classOfColumn { block.classSizes[id] += 1 }
        var seenIn = [Int](repeating: -1, count: classCount)
        block.classRows = block.rows.enumerated().map { index, row in
            var classes: [Int] = []
            for column in row.columns where seenIn[block.classOfColumn[column]] != index {
                seenIn[block.classOfColumn[column]] = index
                classes.append(block.classOfColumn[column])
            }
            return LinearProgram.Row(columns: classes, lower: row.lower, upper: row.upper)
        }
        block.rowsOfClass = [[Int]](repeating: [], count: block.classSizes.count)
        for (index, row) in block.classRows.enumerated() {
            for id in row.columns { block.rowsOfClass[id].append(index) }
        }
    }

    /// The objectives over classes for the minimum and the maximum of `Σ columns` in `block`:
    /// whole classes count in both, classes only partly in `columns` in the maximum only.
    func objectives(_ block: Int, columns: [Int]) -> (minimum: [Int], maximum: [Int]) {
        let block = blocks[block]
        // Sorting, not hashing: it runs several times for every target of every audit.
        let sorted = columns.sorted()
        var classes: [Int] = []
        classes.reserveCapacity(sorted.count)
        for (index, column) in sorted.enumerated() where index == 0 || sorted[index - 1] != column {
            classes.append(block.classOfColumn[column])
        }
        classes.sort()
        var minimum: [Int] = [], maximum: [Int] = []
        var index = 0
        while index < classes.count {
            let id = classes[index]
            var end = index + 1
            while end < classes.count && classes[end] == id { end += 1 }
            maximum.append(id)
            if end - index >= block.classSizes[id] { minimum.append(id) }
            index = end
        }
        return (minimum, maximum)
    }
}

/// A block's rows as plain integers (length, atom ids, lower, upper per row), hashed once.
struct BlockSignature: Hashable {
    let words: [Int]
    private let hash: Int

    init(words: [Int]) {
        self.words = words
        var hasher = Hasher()
        hasher.combine(words)
        hash = hasher.finalize()
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.hash == rhs.hash && lhs.words == rhs.words }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
