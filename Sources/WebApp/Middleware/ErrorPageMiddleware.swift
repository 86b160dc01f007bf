import Bilingual
import Forms
import Foundation
import Hummingbird
import Store

/// Turns every error into a page in the reader's language, or into a JSON error under `/api/`.
///
/// Messages are fixed texts per status; an error's own description is logged only for 500s and
/// only by type name, since some errors could carry details an operator's log should not keep.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let error = error as? APIError, request.uri.path.hasPrefix("/api/") { return error.response() }
            let (status, inputError) = Self.classify(error)
            if status == .internalServerError {
                context.logger.error("internal error: \(String(reflecting: type(of: error)))")
            }
            if request.uri.path.hasPrefix("/api/") {
                var response = APIError(status: status, error: inputError ?? Self.generic(status)).response()
                if let allow = (error as? HTTPError)?.headers[.allow] { response.headers[.allow] = allow }
                return response
            }
            var values: [String: Any] = ["status": status.code, "message": Strings.text("error_\(Self.knownCode(status))", context.language)]
            if let inputError { values["detail"] = context.message(inputError) }
            var response = pages.page("error", values, request: request, context: context, status: status)
            if status == .methodNotAllowed, let allow = (error as? HTTPError)?.headers[.allow] {
                response.headers[.allow] = allow
            }
            return response
        }
    }

    /// The status and, for what the caller can fix (4xx), the message to show. A server-side
    /// error (5xx) shows only the generic text: its details are for the operator's log.
    static func classify(_ error: any Error) -> (HTTPResponse.Status, InputError?) {
        switch error {
        case let error as InputError: return (.badRequest, error)
        case let error as APIError: return (error.status, error.error)
        case let error as BilingualError where error.httpStatus < 500:
            return (HTTPResponse.Status(code: error.httpStatus),
                    InputError(field: error.field, english: error.explanation.english, german: error.explanation.german))
        case let error as any HTTPResponseError: return (error.status, nil)
        default: return (.internalServerError, nil)
        }
    }

    static func knownCode(_ status: HTTPResponse.Status) -> Int {
        [400, 401, 403, 404, 405, 413, 415, 429].contains(status.code) ? status.code : (status.code < 500 ? 400 : 500)
    }

    static func generic(_ status: HTTPResponse.Status) -> InputError {
        let code = knownCode(status)
        return InputError(english: Strings.text("error_\(code)", .en), german: Strings.text("error_\(code)", .de))
    }
}

/// The JSON body of every API error: `{"error": {"status", "field", "en", "de"}}`.
struct APIError: Error {
    let status: HTTPResponse.Status
    let error: InputError

    func response() -> Response {
        var body: [String: Any] = ["status": status.code, "en": error.english, "de": error.german]
        if let field = error.field { body["field"] = field }
        return JSONResponse.make(["error": body], status: status)
    }
}

enum JSONResponse {
    static func make(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON document rendered elsewhere (a released report, the audit report).
    static func text(_ json: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}
