import Forms
import Foundation
import Hummingbird
import HummingbirdAuth
import Vault

/// The JSON API under `/api/v1`: the same actions as the pages, the same role checks.
///
/// Sign in with `POST /api/v1/session` (JSON name and password); the answer sets the session
/// cookie and returns the CSRF token, which every later unsafe call sends as `X-CSRF-Token`.
/// Withdrawal needs no sign-in, like its page. Bodies are JSON only, at most 64 KiB; unknown keys
/// are refused by name. Described in `/api/v1/openapi.yaml` (``OpenAPIDocument``).
struct APIRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        api.post("session") { request, context in try await signIn(request, context) }
        api.post("withdrawals") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["receipt"])
            let code = try body.string("receipt", required: true)
            switch await WithdrawalRoutes(services: services).withdraw(code: code, address: context.clientAddress) {
            case .processed:
                return JSONResponse.make(["status": "processed", "en": Strings.text("withdraw_done", .en), "de": Strings.text("withdraw_done", .de)])
            case .limited:
                throw APIError(status: .tooManyRequests, error: InputError(english: Strings.text("withdraw_limited", .en), german: Strings.text("withdraw_limited", .de)))
            case .invalid(let error):
                // The page's field is `code`; the API's key is `receipt`.
                throw APIError(status: .badRequest, error: InputError(field: "receipt", english: error.english, german: error.german))
            }
        }

        let signedIn = api.group()
            .add(middleware: AuthorizationPolicyMiddleware(ClosureAuthorizationPolicy<User> { _, _ in true }, context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
        signedIn.delete("session") { _, context in
            context.sessions.clearSession()
            return Response(status: .noContent)
        }

        let hr = api.group()
            .add(middleware: AuthorizationPolicyMiddleware(RolePolicy<User>(.hr), context: AppRequestContext.self))
            .add(middleware: CSRFHeaderMiddleware())
        hr.post("entries") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize,
                                               allowed: ["form", "version", "consent", "context", "answers"])
            guard try body.bool("consent") == true else {
                throw InputError(field: "consent", english: "consent must be true", german: "Die Einwilligung muss true sein.")
            }
            let raw = RawEntry(form: try body.string("form", required: true)!, version: try body.int("version"),
                               context: try body.strings("context"), answers: try body.strings("answers", required: false))
            let entry = try services.catalog.validator.validate(raw)
            let intake = services.intake
            let code = try await Blocking.run { try intake.add(entry) }
            return JSONResponse.make(["receipt": code.formatted], status: .created)
        }
        hr.post("declines") { request, context in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["form", "version", "context"])
            let decline = try services.catalog.validator.validateDecline(form: try body.string("form", required: true)!,
                                                                         version: try body.int("version"), context: try body.strings("context"))
            let intake = services.intake
            try await Blocking.run { try intake.decline(decline) }
            return JSONResponse.make(["status": "recorded"], status: .created)
        }
    }

    func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["name", "password"])
        let name = (try body.string("name", required: true) ?? "").lowercased()
        let passwordText = try body.string("password", required: true) ?? ""
        let throttle = services.loginThrottle
        if await throttle.allows(user: name, address: context.clientAddress),
           passwordText.utf8.count <= UserStore.passwordLengths.upperBound, let password = try? Password(passwordText) {
            let users = services.users
            if let user = try await Blocking.run({ try users.authenticate(name: name, password: password) }) {
                await throttle.recordSuccess(user: name)
                await services.discardSession(of: request)
                let session = WebSession(userName: user.name)
                context.sessions.createSession(session, expiresIn: nil)
                return JSONResponse.make(["user": user.name, "role": user.role.rawValue, "csrfToken": session.csrfToken])
            }
        }
        await throttle.recordFailure(user: name, address: context.clientAddress)
        throw APIError(status: .unauthorized, error: InputError(english: Strings.text("login_failed", .en), german: Strings.text("login_failed", .de)))
    }
}

/// A JSON value as decoded, with booleans, numbers and strings kept apart (no NSNumber guessing).
enum JSONValue: Decodable {
    case bool(Bool), int(Int), number(Double), string(String), object([String: JSONValue]), array([JSONValue]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([String: JSONValue].self) { self = .object(value) }
        else { self = .array(try container.decode([JSONValue].self)) }
    }
}

/// A JSON object body, read with a size limit and checked for unknown keys.
struct JSONBody {
    let object: [String: JSONValue]

    static func read(_ request: Request, limit: Int, allowed: Set<String>) async throws -> JSONBody {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw APIError(status: .unsupportedMediaType, error: InputError(english: "the body must be application/json",
                                                                            german: "Der Inhalt muss application/json sein."))
        }
        var request = request
        let tooLarge = APIError(status: .contentTooLarge, error: InputError(english: "the body is larger than \(limit / 1024) KiB",
                                                                            german: "Der Inhalt ist größer als \(limit / 1024) KiB."))
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        guard let buffer = try? await request.collectBody(upTo: limit) else { throw tooLarge }
        // Foundation's decoder keeps the last of two equal keys in silence; a changed answer must not
        // pass that way, so the strict reader checks first (UTF-8, syntax, duplicates, depth).
        do { try StrictJSON.check(Array(buffer: buffer)) } catch let error as InputError {
            throw APIError(status: .badRequest, error: error)
        }
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) else {
            throw APIError(status: .badRequest, error: InputError(english: "the body is not a JSON object", german: "Der Inhalt ist kein JSON-Objekt."))
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw InputError(field: key, english: "unknown field", german: "Unbekanntes Feld.")
        }
        return JSONBody(object: object)
    }

    private func value(_ key: String) throws -> JSONValue {
        guard let value = object[key] else { throw InputError(field: key, english: "required field is missing", german: "Pflichtfeld fehlt.") }
        return value
    }

    func string(_ key: String, required: Bool) throws -> String? {
        if !required, object[key] == nil { return nil }
        guard case .string(let string) = try value(key) else { throw wrongType(key, "a string", "eine Zeichenkette") }
        return string
    }

    func int(_ key: String) throws -> Int {
        guard case .int(let int) = try value(key) else { throw wrongType(key, "an integer", "eine ganze Zahl") }
        return int
    }

    func bool(_ key: String) throws -> Bool {
        guard case .bool(let bool) = try value(key) else { throw wrongType(key, "true or false", "true oder false") }
        return bool
    }

    func strings(_ key: String, required: Bool = true) throws -> [String: String] {
        if !required, object[key] == nil { return [:] }
        guard case .object(let dictionary) = try value(key) else { throw wrongType(key, "an object", "ein Objekt") }
        var result: [String: String] = [:]
        for (name, entry) in dictionary {
            guard case .string(let string) = entry else { throw wrongType("\(key).\(name)", "a string", "eine Zeichenkette") }
            result[name] = string
        }
        return result
    }

    private func wrongType(_ key: String, _ english: String, _ german: String) -> InputError {
        InputError(field: key, english: "must be \(english)", german: "Muss \(german) sein.")
    }
}
