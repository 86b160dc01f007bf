import Foundation

/// The moments before which sessions no longer count: for everyone ("sign out everywhere", by the
/// admin) and per user (a password change ends the user's other sessions).
///
/// Sessions live in memory and cannot be listed, so they are not hunted down one by one; each is
/// checked against these moments at its next request instead. Kept in memory like the sessions
/// themselves: a restart ends every session anyway.
final class SessionEpochs: @unchecked Sendable {
    private let lock = NSLock()
    private var everyone: Date?
    private var users: [String: Date] = [:]

    /// Whether a session of `user` that began at `createdAt` still counts.
    func isCurrent(user: String, createdAt: Date) -> Bool {
        lock.withLock {
            if let everyone, createdAt < everyone { return false }
            if let since = users[user], createdAt < since { return false }
            return true
        }
    }

    func endAll(now: Date = Date()) { lock.withLock { everyone = now } }

    func endSessions(of user: String, now: Date = Date()) { lock.withLock { users[user] = now } }
}
