import Foundation
import Hummingbird

/// Behind a reverse proxy you run, takes the client address from the last `X-Forwarded-For` entry
/// (the one your proxy appended); otherwise the socket's peer address stays. Throttling keys on it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HeaderName.forwardedFor

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let forwarded = request.headers[values: Self.header].last?.split(separator: ",").last {
            let address = forwarded.trimmingCharacters(in: .whitespaces)
            if !address.isEmpty, address.count <= 64 { context.clientAddress = address }
        }
        return try await next(request, context)
    }
}
