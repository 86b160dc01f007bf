import CGLPK
import Foundation

/// The last simplex bases of one sequence of audits, by name, so that a block's new program starts
/// near where the last one ended (``BasisRepair``).
///
/// Names outlive programs: a row is named by the atoms it sums (after presolve), a column by the
/// atoms of its class. A row seen before gets its last status; a new one starts basic (its slack
/// takes it, which keeps the rest of the basis as it was). A class is wished basic when one of its
/// atoms lay in a basic class, and only the first class to claim that old class gets it: a class
/// that split keeps one basic piece.
///
/// The start changes only how many pivots a solve takes, never its optimum, so a stale or foreign
/// basis costs time, not correctness. Workers record and read it from several threads: it locks.
final class BasisMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var rowStatus: [Int: Int32] = [:]
    /// The class each atom last lay in (a number unique over the memory's life), and whether it was basic.
    private var classOfAtom: [Int: (name: Int, basic: Bool)] = [:]
    private var nextName = 0

    /// A wished start for `block`'s program: nil when none of its atoms was ever in a program.
    func start(for block: AttackerBlocks.Block) -> LinearProgram.Start? {
        let names = block.classRows.indices.map { Self.name(ofRow: $0, in: block) }
        let atomsOfClass = Self.atomsOfClass(block)
        lock.lock()
        defer { lock.unlock() }
        var claimed = Set<Int>()
        var known = false
        let columns = atomsOfClass.map { atoms in
            atoms.contains { atom in
                guard let last = classOfAtom[atom] else { return false }
                known = true
                return last.basic && claimed.insert(last.name).inserted
            }
        }
        guard known else { return nil }
        return LinearProgram.Start(rows: names.map { rowStatus[$0] ?? GLP_BS }, basicColumns: columns)
    }

    /// Keeps the statuses `program` ended with, for the next program over the same atoms.
    func record(_ block: AttackerBlocks.Block, program: LinearProgram) {
        let names = block.classRows.indices.map { Self.name(ofRow: $0, in: block) }
        let atomsOfClass = Self.atomsOfClass(block)
        let statuses = program.statuses()
        lock.lock()
        defer { lock.unlock() }
        for (name, status) in zip(names, statuses.rows) { rowStatus[name] = status }
        for (atoms, status) in zip(atomsOfClass, statuses.columns) {
            for atom in atoms { classOfAtom[atom] = (nextName, status == GLP_BS) }
            nextName += 1
        }
    }

    private static func name(ofRow index: Int, in block: AttackerBlocks.Block) -> Int {
        var hasher = Hasher()
        for column in block.rows[index].columns { hasher.combine(block.atoms[column]) }
        return hasher.finalize()
    }

    private static func atomsOfClass(_ block: AttackerBlocks.Block) -> [[Int]] {
        var atoms = [[Int]](repeating: [], count: block.classSizes.count)
        for (column, atom) in block.atoms.enumerated() { atoms[block.classOfColumn[column]].append(atom) }
        return atoms
    }
}
