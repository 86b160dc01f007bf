import Foundation

/// Slows down password guessing, per user name and per client address, with exponential backoff.
///
/// After `freeFailures` failed logins for a key, each further attempt must wait 2, 4, 8 … seconds
/// (at most 15 minutes) after the last failure; a success clears the user's key. An attempt is
/// counted as a failure in ``begin(user:address:now:)``, before its password is checked, so that a
/// burst of parallel attempts cannot all pass while the first ones are still hashing; a success
/// takes its count back. A throttled attempt is neither checked nor counted: it must not push the
/// lockout further, or one request every 15 minutes would lock an account for ever. The login
/// page says the same for a throttled attempt as for a wrong password (ASVS 2.2.1).
actor LoginThrottle {
    private struct Record { var failures: Int; var last: ContinuousClock.Instant }
    private var records: [String: Record] = [:]
    private let freeFailures: Int
    private let base: Duration
    private let maximumRecords: Int
    static let maximumDelay: Duration = .seconds(15 * 60)
    /// Longer names are no user's (``UserStore`` allows 64 characters) and are never kept as keys.
    static let maximumNameBytes = 64

    init(freeFailures: Int, base: Duration = .seconds(2), maximumRecords: Int = 100_000) {
        self.freeFailures = freeFailures
        self.base = base
        self.maximumRecords = maximumRecords
    }

    /// Whether an attempt for `user` from `address` may be checked now; if so, it is counted as a
    /// failure at once (``succeeded(user:address:)`` takes it back). A name too long to be a user's
    /// is refused without a key of its own, its address still counting.
    func begin(user: String, address: String, now: ContinuousClock.Instant = .now) -> Bool {
        let userKey = user.utf8.count <= Self.maximumNameBytes ? Self.key(user: user) : nil
        let keys = [userKey, Self.key(address: address)].compactMap { $0 }
        let allowed = keys.allSatisfy { key in
            guard let record = records[key] else { return true }
            return now >= record.last + delay(after: record.failures)
        }
        guard allowed else { return false }
        if records.count + keys.count > maximumRecords { prune(now: now) }
        for key in keys {
            records[key, default: Record(failures: 0, last: now)].failures += 1
            records[key]?.last = now
        }
        return userKey != nil
    }

    /// A checked attempt failed: its backoff runs from now, the end of the check, so that a slow
    /// check (Argon2id on a busy machine) does not use up the wait before the next attempt.
    func failed(user: String, address: String, now: ContinuousClock.Instant = .now) {
        for key in [Self.key(user: user), Self.key(address: address)] where records[key] != nil {
            records[key]?.last = now
        }
    }

    /// A checked attempt succeeded: the user starts afresh, the address loses the count ``begin`` gave it.
    func succeeded(user: String, address: String) {
        records[Self.key(user: user)] = nil
        let key = Self.key(address: address)
        if let record = records[key] {
            records[key] = record.failures > 1 ? Record(failures: record.failures - 1, last: record.last) : nil
        }
    }

    /// How many keys are held (for tests of the bound).
    var keyCount: Int { records.count }

    func delay(after failures: Int) -> Duration {
        guard failures >= freeFailures else { return .zero }
        let exponent = min(failures - freeFailures, 9)
        return min(base * (1 << exponent), Self.maximumDelay)
    }

    /// Drops keys whose backoff has run out; if that is not enough (a flood of fresh addresses),
    /// the oldest half goes, so that memory stays bounded whatever arrives.
    private func prune(now: ContinuousClock.Instant) {
        records = records.filter { now < $0.value.last + Self.maximumDelay }
        if records.count >= maximumRecords {
            let kept = records.sorted { $0.value.last > $1.value.last }.prefix(maximumRecords / 2)
            records = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
        }
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
