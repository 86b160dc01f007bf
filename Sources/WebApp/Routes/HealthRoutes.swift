import Hummingbird
import Operations

/// `/health/live` and `/health/ready` for the data centre's monitoring: no login, no cookie, and
/// nothing in the answer but the state itself (no version, no counts, no paths).
struct HealthRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/health/live") { _, _ in Self.answer(ok: true) }
        router.get("/health/ready") { _, _ in
            let installation = services.installation
            return Self.answer(ok: try await Blocking.run { installation.isReady() })
        }
    }

    static func answer(ok: Bool) -> Response {
        Response(status: ok ? .ok : .serviceUnavailable,
                 headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: ok ? "ok\n" : "unavailable\n")))
    }
}
