import Foundation
import Hummingbird

/// The devices HR has opened as a kiosk: a random token per device, in a cookie on the device and
/// in memory here (never in a store), valid for a working day. A restart closes every kiosk.
actor KioskRegistry {
    private var open: [String: ContinuousClock.Instant] = [:]
    static let lifetime: Duration = .seconds(12 * 3600)
    static let maximum = 1000

    /// A new kiosk token.
    func opened(now: ContinuousClock.Instant = .now) -> String {
        open = open.filter { $0.value > now }
        if open.count >= Self.maximum, let oldest = open.min(by: { $0.value < $1.value }) { open[oldest.key] = nil }
        let token = WebSession.newToken()
        open[token] = now + Self.lifetime
        return token
    }

    func isOpen(_ token: String, now: ContinuousClock.Instant = .now) -> Bool { (open[token] ?? now) > now }

    func close(_ token: String) { open[token] = nil }
}

/// The kiosk cookie: `HttpOnly`, `SameSite=Strict`, `__Host-` behind TLS.
enum KioskCookie {
    static func name(secure: Bool) -> String { secure ? "__Host-vielfalt_kiosk" : "vielfalt_kiosk" }

    static func set(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: name(secure: secure), value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name(secure: secure), value: "", expires: Date(timeIntervalSince1970: 0), path: "/", secure: secure,
               httpOnly: true, sameSite: .strict)
    }
}
