import Foundation

/// Slows down password guessing, per user name and per client address, with exponential backoff.
///
/// After `freeFailures` failed logins for a key, each further attempt must wait 2, 4, 8 … seconds
/// (at most 15 minutes) after the last failure; a success clears the user's key. A throttled
/// attempt is not even checked, and the login page says the same as for a wrong password (ASVS 2.2.1).
actor LoginThrottle {
    private struct Record { var failures: Int; var last: ContinuousClock.Instant }
    private var records: [String: Record] = [:]
    private let freeFailures: Int
    static let maximumDelay: Duration = .seconds(15 * 60)

    init(freeFailures: Int) { self.freeFailures = freeFailures }

    /// Whether an attempt for `user` from `address` may be checked now.
    func allows(user: String, address: String, now: ContinuousClock.Instant = .now) -> Bool {
        [Self.key(user: user), Self.key(address: address)].allSatisfy { key in
            guard let record = records[key] else { return true }
            return now >= record.last + delay(after: record.failures)
        }
    }

    func recordFailure(user: String, address: String, now: ContinuousClock.Instant = .now) {
        for key in [Self.key(user: user), Self.key(address: address)] {
            records[key, default: Record(failures: 0, last: now)].failures += 1
            records[key]?.last = now
        }
        if records.count > 100_000 { prune(now: now) }
    }

    func recordSuccess(user: String) {
        records[Self.key(user: user)] = nil
    }

    func delay(after failures: Int) -> Duration {
        guard failures >= freeFailures else { return .zero }
        let exponent = min(failures - freeFailures + 1, 10)
        return min(.seconds(1 << exponent), Self.maximumDelay)
    }

    private func prune(now: ContinuousClock.Instant) {
        records = records.filter { now < $0.value.last + Self.maximumDelay }
    }

    static func key(user: String) -> String { "user:" + user.lowercased() }
    static func key(address: String) -> String { "ip:" + address }
}

/// A fixed-window counter per client address: at most `attempts` per `window`.
actor RateLimiter {
    private var windows: [String: (start: ContinuousClock.Instant, count: Int)] = [:]
    let attempts: Int
    let window: Duration

    init(attempts: Int, window: Duration) {
        self.attempts = attempts
        self.window = window
    }

    /// Counts an attempt and tells whether it is within the limit.
    func admit(_ address: String, now: ContinuousClock.Instant = .now) -> Bool {
        if let current = windows[address], now < current.start + window {
            windows[address]?.count += 1
            return current.count < attempts
        }
        windows[address] = (now, 1)
        if windows.count > 100_000 { windows = windows.filter { now < $0.value.start + window } }
        return true
    }
}
