/// Lets at most `limit` expensive jobs (Argon2id: 64 MiB and a core each) run at once, with a
/// bounded queue behind them; a caller beyond the queue is turned away at once instead of
/// piling up memory. Sign-in and release both pass through one gate.
actor WorkGate {
    private let limit: Int
    private let maximumWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The most jobs ever seen running together (for tests of the bound).
    private(set) var peak = 0

    init(limit: Int, maximumWaiting: Int) {
        self.limit = limit
        self.maximumWaiting = maximumWaiting
    }

    /// Runs `work` when a place is free; nil when the queue is full.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T? {
        guard await enter() else { return nil }
        defer { leave() }
        return try await Blocking.run(work)
    }

    private func enter() async -> Bool {
        if running < limit {
            running += 1
            peak = max(peak, running)
            return true
        }
        guard waiting.count < maximumWaiting else { return false }
        // The leaving job hands its place over: `running` stays as it is.
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    private func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
