import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import WebApp

@Suite("Proxy trust, idle connections, links that stay on this host")
struct ConnectionTests {
    /// Three failures from X-Forwarded-For A, then the right password from B: passes only when the
    /// header is believed (the address throttle then sees two clients).
    static func signInAfterFailuresElsewhere(_ fixture: WebAppFixture) async throws -> HTTPResponse.Status {
        try await fixture.run(live: true) { browser in
            browser.address = "192.0.2.7"
            try await browser.get("/login")
            for _ in 0..<3 { try await browser.post("/login", [("name", "admin"), ("password", "not the password")]) }
            browser.address = "192.0.2.8"
            return try await browser.post("/login", [("name", "hr"), ("password", WebAppFixture.password(.hr))]).status
        }
    }

    @Test("X-Forwarded-For counts from the configured proxy (loopback by default)")
    func trustedProxy() async throws {
        let fixture = try WebAppFixture { $0.trustForwardedFor = true }
        #expect(try await Self.signInAfterFailuresElsewhere(fixture) == .seeOther)
    }

    @Test("X-Forwarded-For from any other peer is ignored")
    func untrustedPeer() async throws {
        let fixture = try WebAppFixture {
            $0.trustForwardedFor = true
            $0.trustedProxies = ["192.0.2.1"]
            $0.loginBackoffBase = .seconds(300)   // a busy machine outwaited the 2 s default between two requests
        }
        #expect(try await Self.signInAfterFailuresElsewhere(fixture) == .unauthorized)
    }

    @Test("a connection that sends half a request and then nothing is closed")
    func idleConnection() async throws {
        let fixture = try WebAppFixture { $0.connectionIdleTimeout = .seconds(1) }
        let closed = try await fixture.run(live: true) { browser in
            let port = try #require(browser.client.port)
            return try await Blocking.run { Self.serverCloses(port: port, within: 6) }
        }
        #expect(closed)
    }

    /// Connects, sends a request line without its end, and waits: true when the server closes first.
    static func serverCloses(port: Int, within seconds: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return false }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let partial = Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)
        guard send(fd, partial, partial.count, 0) == partial.count else { return false }
        var buffer = [UInt8](repeating: 0, count: 512)
        // 0: the server closed the connection; -1 with EAGAIN: still open when the wait ran out.
        return recv(fd, &buffer, buffer.count, 0) == 0
    }

    @Test("the language switch links to a path on this host, whatever the request's path", arguments: ["//evil.example/x", "/\\evil.example/x"])
    func languageSwitch(path: String) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { try await $0.get(path) }
        #expect(!page.body.contains(#"href="//"#))
        #expect(!page.body.contains(#"href="/\"#))
        #expect(page.body.contains(#"href="/evil.example/x?lang=en""#))
    }
}
