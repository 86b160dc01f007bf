/// Turns a wished starting basis into one the simplex can start from.
///
/// A cleanup audits one pattern after another, each on programs built anew, and a program's first
/// solve from a crash basis costs some 400–800 pivots where a re-optimisation costs about 20. The
/// basis of the last audit's program is a far better start, but its rows and classes are not
/// quite those of the new program: cells published or withheld add and remove rows, classes split
/// and merge, atoms become fixed. Statuses carried over by name therefore give too many or too few
/// basic variables, or dependent ones, and GLPK rejects such a basis. This keeps as much of it as
/// stays independent and completes it with the slacks of the rows left uncovered.
///
/// Every row is `lower ≤ Σ columns ≤ upper` with coefficients 1, so a row's slack is a unit column:
/// slacks wished basic are kept (independent of each other), and only the wished structural columns
/// are eliminated, on the rows those slacks leave open.
enum BasisRepair {
    /// A valid basis close to the wished one.
    ///
    /// - Parameters:
    ///   - rowCount: the program's rows.
    ///   - rowsOfColumn: the rows each column lies in.
    ///   - basicRows: whether each row's slack is wished basic.
    ///   - basicColumns: whether each column is wished basic.
    /// - Returns: basic flags with exactly `rowCount` basics and a nonsingular basis matrix: the
    ///   wished slacks, the wished columns independent of them and of the columns before them, and
    ///   the slacks of the rows still uncovered.
    static func repaired(rowCount: Int, rowsOfColumn: [[Int]], basicRows: [Bool],
                         basicColumns: [Bool]) -> (rows: [Bool], columns: [Bool]) {
        var rows = basicRows
        var columns = [Bool](repeating: false, count: rowsOfColumn.count)
        // Each kept column, reduced against those before it: its pivot row and its entries there.
        var pivotOfRow = [Int](repeating: -1, count: rowCount)
        var kept: [(pivot: Int, entries: [(row: Int, value: Double)])] = []
        var vector = [Double](repeating: 0, count: rowCount)
        let slacks = rows.lazy.filter { $0 }.count
        for column in rowsOfColumn.indices where basicColumns[column] {
            guard slacks + kept.count < rowCount else { break }
            for row in rowsOfColumn[column] where !rows[row] { vector[row] = 1 }
            // Kept columns are in the order they were found, so each reduces by the ones before it.
            for column in kept {
                let factor = vector[column.pivot]
                guard factor != 0 else { continue }
                for entry in column.entries { vector[entry.row] -= factor * entry.value }
            }
            var pivot = -1, largest = 1e-9
            for row in 0..<rowCount where pivotOfRow[row] < 0 && !rows[row] && abs(vector[row]) > largest {
                pivot = row
                largest = abs(vector[row])
            }
            if pivot >= 0 {
                let scale = vector[pivot]
                let entries = (0..<rowCount).filter { abs(vector[$0]) > 1e-12 }.map { (row: $0, value: vector[$0] / scale) }
                kept.append((pivot, entries))
                pivotOfRow[pivot] = kept.count - 1
                columns[column] = true
            }
            for row in 0..<rowCount { vector[row] = 0 }
        }
        for row in 0..<rowCount where !rows[row] && pivotOfRow[row] < 0 { rows[row] = true }
        return (rows, columns)
    }
}
