extension LinkedAuditor {
    /// Which published figures and new-table cells hold each atom, built once per audit setup so
    /// that ``candidates(for:plan:)`` follows links atom by atom instead of comparing every figure
    /// with a growing set (that scan took a third of a six-year monitoring's time).
    struct Neighbourhoods {
        /// The atoms of each fixed published figure: earlier published cells, then the reader's
        /// knowledge. The new table's published cells follow them as figures `fixed.count + cell`.
        let fixed: [[Int]]
        let figuresOfAtom: RowsOfAtom
        let cellsOfAtom: RowsOfAtom

        init(fixed: [[Int]], cellAtoms: [[Int]], cellCount: Int, atomCount: Int) {
            self.fixed = fixed
            figuresOfAtom = RowsOfAtom(atomCount: atomCount, rows: Array(fixed.indices)) { fixed[$0] }
            cellsOfAtom = RowsOfAtom(atomCount: atomCount, rows: Array(0..<cellCount)) { cellAtoms[$0] }
        }
    }

    /// New-table cells that could be suppressed to loosen the equations the attacker uses against the
    /// target: those sharing an atom with a published figure that involves the target, or — when none
    /// of them is available — with a figure involving those, and so on outwards.
    ///
    /// Each round takes the published figures in their order (earlier cells, knowledge, the new
    /// table's published cells) and absorbs every one that meets the neighbourhood as it grows
    /// within the round; a figure that meets it only through atoms added after its turn waits for
    /// the next round.
    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int] {
        let index = neighbourhoods, fixedCount = index.fixed.count
        var inside = [Bool](repeating: false, count: atoms.atomCount)
        var used = [Bool](repeating: false, count: fixedCount + table.cellCount)
        var queued = [Bool](repeating: false, count: fixedCount + table.cellCount)
        var touched = [Bool](repeating: false, count: table.cellCount)
        var pool = Set<Int>()
        var nextRound = Set<Int>()
        var position = -1
        var round = Heap()
        func figureAtoms(_ figure: Int) -> [Int] { figure < fixedCount ? index.fixed[figure] : cellAtoms[figure - fixedCount] }
        func isPublished(figure: Int) -> Bool { figure < fixedCount || !plan.isSuppressed(figure - fixedCount) }
        func enter(_ atom: Int) {
            guard !inside[atom] else { return }
            inside[atom] = true
            for figure in index.figuresOfAtom[atom] where !used[figure] { schedule(figure) }
            for cell in index.cellsOfAtom[atom] {
                if !touched[cell] {
                    touched[cell] = true
                    if plan.isCandidate(cell) { pool.insert(cell) }
                }
                if !used[fixedCount + cell] && isPublished(figure: fixedCount + cell) { schedule(fixedCount + cell) }
            }
        }
        func schedule(_ figure: Int) {
            guard !queued[figure] else { return }
            if figure > position {
                queued[figure] = true
                round.insert(figure)
            } else {
                nextRound.insert(figure)
            }
        }
        for atom in atomsOf(target) { enter(atom) }
        while true {
            var grew = false
            position = -1
            while let figure = round.popMin() {
                guard !used[figure] else { continue }
                used[figure] = true
                position = figure
                grew = true
                for atom in figureAtoms(figure) { enter(atom) }
            }
            if !pool.isEmpty || !grew { return pool.sorted() }
            for figure in nextRound where !used[figure] && !queued[figure] {
                queued[figure] = true
                round.insert(figure)
            }
            nextRound = []
        }
    }
}

/// A binary min-heap of figure numbers (duplicates allowed; callers skip figures already used).
private struct Heap {
    private var items: [Int] = []

    mutating func insert(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left] < items[smallest] { smallest = left }
                if right < items.count && items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
