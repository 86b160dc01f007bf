import Foundation

/// Runs an audit's targets on every core, each worker thread with a ``BlockSolver`` of its own.
///
/// Most of a linked release's time is spent in the simplex, target after target, and the targets
/// of one audit are independent questions about one system. GLPK keeps its state per thread when
/// built reentrant (``LinearProgram/isReentrant``), so each worker builds, uses and frees its own
/// programs on its own thread: GLPK frees memory into the state of the thread that calls it, so a
/// program must never cross threads. Workers take the targets in small consecutive chunks, which
/// keeps neighbouring targets (usually the same blocks) on one warm basis.
///
/// The intervals do not depend on the split: a target's interval is exact, or (with a proving
/// width) proven at least that wide, and either way the audit's decision is the same. Only which
/// targets are proven from feasible points instead of solved may differ from run to run.
enum TargetWorkers {
    /// Targets per chunk: small enough to balance the two cores, large enough to stay warm.
    static let chunk = 16

    /// How many threads audit `count` targets: one per core, at most four, each with at least two
    /// chunks; one when GLPK is not reentrant.
    static func workerCount(for count: Int) -> Int {
        LinearProgram.isReentrant ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, count / (2 * chunk))) : 1
    }

    /// The result of `body` for every index in `0..<count`, and what `finish` took from each
    /// worker's solver before it was freed, by worker.
    ///
    /// - Parameters:
    ///   - makeSolver: called once on each worker thread.
    ///   - finish: called on each worker thread after its last target, with its solver.
    /// - Throws: the error of the lowest index that failed.
    static func run<Value, Kept>(count: Int, makeSolver: @escaping () -> BlockSolver,
                                  body: @escaping (BlockSolver, Int) throws -> Value,
                                  finish: @escaping (BlockSolver, _ worker: Int) -> Kept) throws -> (results: [Value], kept: [Kept]) {
        let workers = workerCount(for: count)
        let shared = Shared<Value, Kept>(count: count, workers: workers)
        let run = { (worker: Int) in
            LinearProgram.withSolver {
                let solver = makeSolver()
                while let range = shared.nextChunk() {
                    for index in range {
                        // Errors are rare (contradictory releases); every target runs, so the error
                        // reported is the same whichever thread met which first.
                        shared.store(Result { try body(solver, index) }, at: index)
                    }
                }
                shared.keep(finish(solver, worker), worker: worker)
            }
        }
        // Threads of their own, not Dispatch's pool: the pool runs everything on the calling
        // thread when its threads are busy, and the release would then wait for one core.
        // The closures run while this function waits; all they share is read-only (targets,
        // blocks, seeds), locked (``Shared``, ``BlockMemo``) or per worker (the solver).
        nonisolated(unsafe) let work = run
        let finished = DispatchGroup()
        for worker in 1..<max(workers, 1) {
            finished.enter()
            let thread = Thread {
                work(worker)
                LinearProgram.releaseThread()
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        work(0)
        finished.wait()
        return try shared.collect()
    }

    /// What the workers share: the next chunk, a slot per target, what each worker kept.
    private final class Shared<Value, Kept>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int
        private var slots: [Result<Value, Error>?]
        private var kept: [Kept?]

        init(count: Int, workers: Int) {
            self.count = count
            slots = Array(repeating: nil, count: count)
            kept = Array(repeating: nil, count: workers)
        }

        func nextChunk() -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            let range = next..<min(next + TargetWorkers.chunk, count)
            next = range.upperBound
            return range
        }

        func store(_ result: Result<Value, Error>, at index: Int) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }

        func keep(_ value: Kept, worker: Int) {
            lock.lock()
            kept[worker] = value
            lock.unlock()
        }

        func collect() throws -> (results: [Value], kept: [Kept]) {
            var results: [Value] = []
            results.reserveCapacity(count)
            for slot in slots { results.append(try slot!.get()) }
            return (results, kept.map { $0! })
        }
    }
}
