import CGLPK
import Foundation

/// A linear program over non-negative columns with bounded rows, solved by GLPK's simplex.
///
/// This is the only type in the module that calls GLPK. The interval audit builds one program per
/// attacker model (columns = unknown atoms, rows = published cells) and then optimises it once per
/// objective, reusing the previous basis as a warm start.
///
/// GLPK keeps its state (messages, memory accounting) per thread when built reentrant, as Debian
/// builds it: then programs on different threads run at once, but a program must be built, used
/// and freed on one thread. Every use goes through ``LinearProgram/withSolver(_:)``, which
/// serialises callers on one process-wide lock only when GLPK is not reentrant.
final class LinearProgram {
    /// One row: `lower ≤ Σ columns ≤ upper` (all coefficients are 1, as in every table equation).
    struct Row {
        var columns: [Int]
        var lower: Double
        var upper: Double
    }

    /// The outcome of one optimisation.
    enum Outcome: Equatable {
        case optimal(Double)
        case unbounded
        case infeasible
    }

    private static let lock = NSLock()
    private let problem: OpaquePointer
    private let columnCount: Int
    private var objectiveColumns: [Int] = []
    private var parameters = glp_smcp()

    /// Whether GLPK keeps its state per thread (`glp_config("TLS")`), so that threads may solve at once.
    static let isReentrant = glp_config("TLS") != nil

    /// Runs `body` with GLPK's output off on this thread; while holding the process-wide lock
    /// unless GLPK is reentrant.
    static func withSolver<T>(_ body: () throws -> T) rethrows -> T {
        if !isReentrant { lock.lock() }
        defer { if !isReentrant { lock.unlock() } }
        _ = glp_term_out(GLP_OFF)
        return try body()
    }

    /// Frees GLPK's state of this thread, at the end of a thread of its own that used GLPK (a
    /// worker, a screen beside another): every program it built must be gone. Only when GLPK keeps
    /// its state per thread; otherwise the state is the process's.
    static func releaseThread() {
        if isReentrant { _ = glp_free_env() }
    }

    /// A wished starting basis (``BasisMemory``): each row's last status (GLPK's), each column's
    /// wish to be basic. The program repairs it (``BasisRepair``).
    struct Start {
        var rows: [Int32]
        var basicColumns: [Bool]
    }

    /// Builds the program, starting from `start` when given and from a crash basis otherwise.
    /// Call only inside ``withSolver(_:)``.
    init(columnCount: Int, rows: [Row], start: Start? = nil) {
        problem = glp_create_prob()
        self.columnCount = columnCount
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = GLP_PRIMAL
        // Textbook pricing: most solves re-optimise a warm basis for a new objective in a few
        // pivots, where steepest edge costs more per pivot than it saves (the first year's second
        // indicator: 13.5–14.0 s against 16.8–22.4 s, the same cells withheld).
        parameters.pricing = GLP_PT_STD
        if !rows.isEmpty { glp_add_rows(problem, Int32(rows.count)) }
        if columnCount > 0 { glp_add_cols(problem, Int32(columnCount)) }
        for column in 0..<columnCount {
            glp_set_col_bnds(problem, Int32(column + 1), GLP_LO, 0, 0)
        }
        // GLPK arrays are 1-based: element 0 is ignored.
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (index, row) in rows.enumerated() {
            let kind = row.lower == row.upper ? GLP_FX : GLP_DB
            glp_set_row_bnds(problem, Int32(index + 1), kind, row.lower, row.upper)
            for column in row.columns {
                ia.append(Int32(index + 1))
                ja.append(Int32(column + 1))
                ar.append(1)
            }
        }
        glp_load_matrix(problem, Int32(ia.count - 1), ia, ja, ar)
        // A crash basis (Bixby's) instead of the all-slack one: every audit builds its programs
        // anew, and a cleanup's many small audits pay mostly for the first solve from scratch
        // (24,000 responses: 179 audits for the second indicator, 7.3–8.6 s against 8.1–9.4 s;
        // no change at 2,400, the same cells withheld).
        if rows.isEmpty || columnCount == 0 { return }
        if let start { apply(start, rows: rows) } else { glp_adv_basis(problem, 0) }
    }

    private func apply(_ start: Start, rows: [Row]) {
        var rowsOfColumn = [[Int]](repeating: [], count: columnCount)
        for (index, row) in rows.enumerated() {
            for column in row.columns { rowsOfColumn[column].append(index) }
        }
        let basis = BasisRepair.repaired(rowCount: rows.count, rowsOfColumn: rowsOfColumn,
                                         basicRows: start.rows.map { $0 == GLP_BS }, basicColumns: start.basicColumns)
        for (index, row) in rows.enumerated() {
            let status: Int32
            if basis.rows[index] { status = GLP_BS } else if row.lower == row.upper { status = GLP_NS } else {
                status = start.rows[index] == GLP_NU ? GLP_NU : GLP_NL
            }
            glp_set_row_stat(problem, Int32(index + 1), status)
        }
        for column in 0..<columnCount {
            glp_set_col_stat(problem, Int32(column + 1), basis.columns[column] ? GLP_BS : GLP_NL)
        }
    }

    /// The status (GLPK's) of every row and column in the current basis.
    func statuses() -> (rows: [Int32], columns: [Int32]) {
        let rowCount = Int(glp_get_num_rows(problem))
        return ((0..<rowCount).map { glp_get_row_stat(problem, Int32($0 + 1)) },
                (0..<columnCount).map { glp_get_col_stat(problem, Int32($0 + 1)) })
    }

    deinit { glp_delete_prob(problem) }

    /// The column values of the last optimal solution (a vertex of the feasible region).
    func solution() -> [Double] {
        (0..<columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) }
    }

    /// Minimises or maximises the sum of `columns`. Call only inside ``withSolver(_:)``.
    func optimise(sumOf columns: [Int], maximise: Bool) -> Outcome {
        for column in objectiveColumns { glp_set_obj_coef(problem, Int32(column + 1), 0) }
        for column in columns { glp_set_obj_coef(problem, Int32(column + 1), 1) }
        objectiveColumns = columns
        glp_set_obj_dir(problem, maximise ? GLP_MAX : GLP_MIN)
        var code = glp_simplex(problem, &parameters)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            glp_std_basis(problem)
            code = glp_simplex(problem, &parameters)
        }
        switch glp_get_status(problem) {
        case GLP_OPT where code == 0: return .optimal(glp_get_obj_val(problem))
        case GLP_UNBND: return .unbounded
        case GLP_NOFEAS: return .infeasible
        default:
            // Unusual solver states: restart from the standard basis once more.
            glp_std_basis(problem)
            _ = glp_simplex(problem, &parameters)
            switch glp_get_status(problem) {
            case GLP_OPT: return .optimal(glp_get_obj_val(problem))
            case GLP_UNBND: return .unbounded
            default: return .infeasible
            }
        }
    }
}
