import Dispatch
import Foundation

/// Maps over an array on every core; each result lands at its element's index.
///
/// Used by imports and reports for the CPU-bound parts (decoding, sealing, opening). Errors are kept
/// per element so the caller can report the first in input order, not the first a thread happened on.
public enum ParallelMap {
    public static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) throws -> R) -> [Result<R, Error>] {
        let slots = Slots<R>(count: items.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < items.count {
                slots.store(Result { try transform(items[index]) }, at: index)
                index += workers
            }
        }
        return slots.results()
    }
}

/// One slot per element; each index is written by exactly one worker, then read after all finished.
private final class Slots<R>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<R, Error>?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ result: Result<R, Error>, at index: Int) { buffer[index] = result }

    func results() -> [Result<R, Error>] { buffer.map { $0! } }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// A ``ParallelMap`` started in the background; `wait()` returns its results.
public final class BackgroundMap<R>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var results: [Result<R, Error>] = []

    public init<T: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) throws -> R) {
        group.enter()
        DispatchQueue.global().async {
            self.results = ParallelMap.map(items, transform)
            self.group.leave()
        }
    }

    public func wait() -> [Result<R, Error>] {
        group.wait()
        return results
    }
}
