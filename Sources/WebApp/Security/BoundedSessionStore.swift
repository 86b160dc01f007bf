import Hummingbird

/// The session store: hummingbird's memory store with a bound on how many sessions it holds.
///
/// Sessions are made only at sign-in (anonymous forms carry their token in a cookie instead, see
/// ``FormToken``), so the bound is a backstop: when it is reached even after expired sessions are
/// let go, a new session is refused with 503 rather than memory growing without end.
actor BoundedSessionStore: PersistDriver {
    private let inner: MemoryPersistDriver<ContinuousClock>
    private let limit: Int
    private var expiries: [String: ContinuousClock.Instant] = [:]

    init(limit: Int, tidyFrequency: Duration = .seconds(60)) {
        self.limit = limit
        inner = MemoryPersistDriver(configuration: .init(tidyFrequency: tidyFrequency))
    }

    /// How many sessions are held (for tests of the bound).
    var count: Int { expiries.count }

    func run() async throws { try await inner.run() }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try admit(key, expires: expires)
        try await inner.create(key: key, value: value, expires: expires)
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try admit(key, expires: expires)
        try await inner.set(key: key, value: value, expires: expires)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await inner.get(key: key, as: type)
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        try await inner.getWithTTL(key: key, as: type)
    }

    func remove(key: String) async throws {
        expiries[key] = nil
        try await inner.remove(key: key)
    }

    /// Records `key`'s expiry; a new key beyond the bound is refused.
    private func admit(_ key: String, expires: Duration?) throws {
        let now = ContinuousClock.now
        if expiries[key] == nil, expiries.count >= limit {
            expiries = expiries.filter { $0.value > now }
            guard expiries.count < limit else {
                throw HTTPError(.serviceUnavailable, message: "too many sessions")
            }
        }
        // Without an expiry given, a stored value keeps its own; a day bounds what is tracked here.
        expiries[key] = now + (expires ?? .seconds(24 * 3600))
    }
}
