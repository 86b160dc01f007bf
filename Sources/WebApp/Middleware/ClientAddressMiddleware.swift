import Foundation
import Hummingbird

/// Behind a reverse proxy you run, takes the client address from the last `X-Forwarded-For` entry
/// (the one your proxy appended), but only when the request comes from one of the `trusted` proxy
/// addresses: anyone else could write the header and pick a fresh throttling key per attempt.
/// Otherwise the socket's peer address stays. Throttling keys on it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HeaderName.forwardedFor
    let trusted: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let peer = context.peerAddress, trusted.contains(Self.unmapped(peer)),
           let forwarded = request.headers[values: Self.header].last?.split(separator: ",").last {
            let address = forwarded.trimmingCharacters(in: .whitespaces)
            if !address.isEmpty, address.count <= 64 { context.clientAddress = address }
        }
        return try await next(request, context)
    }

    /// `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) as `127.0.0.1`.
    static func unmapped(_ address: String) -> String {
        address.lowercased().hasPrefix("::ffff:") && address.contains(".") ? String(address.dropFirst(7)) : address
    }
}
