import Forms
import Hummingbird

/// Reads the body of a form POST: urlencoded only, at most `maxBodySize` bytes.
///
/// One job: it parses, it does not judge. The outcome goes to `context.form` for the CSRF check and
/// the handler; other methods pass untouched.
struct FormBodyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let maxBodySize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        var context = context
        context.form = await Self.read(&request, limit: maxBodySize)
        return try await next(request, context)
    }

    static func read(_ request: inout Request, limit: Int) async -> FormSubmission {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/x-www-form-urlencoded" else {
            return .refused(InputError(english: "unsupported content type: the form must be sent as application/x-www-form-urlencoded",
                                       german: "Nicht unterstützter Inhaltstyp: Das Formular muss als application/x-www-form-urlencoded gesendet werden."),
                            status: 415)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return tooLarge(limit)
        }
        guard let buffer = try? await request.collectBody(upTo: limit) else { return tooLarge(limit) }
        do {
            return .fields(try FormFields.parse(String(buffer: buffer)))
        } catch let error as InputError {
            return .refused(error, status: 400)
        } catch {
            return .refused(InputError(english: "unreadable form data", german: "Unlesbare Formulardaten."), status: 400)
        }
    }

    static func tooLarge(_ limit: Int) -> FormSubmission {
        .refused(InputError(english: "the form data is larger than \(limit / 1024) KiB", german: "Die Formulardaten sind größer als \(limit / 1024) KiB."),
                 status: 413)
    }
}
