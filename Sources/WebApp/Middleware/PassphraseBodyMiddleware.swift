import Forms
import Hummingbird
import Vault

/// Reads the body of the one request that carries the keystore passphrase (the statistics unit's
/// release), at most `maxBodySize` bytes: the page's urlencoded form with `_csrf` and `passphrase`
/// (for two-person unlock also `holder`, `second_holder` and `second_passphrase`) only, or the
/// API's JSON object `{"passphrase": "…"}` (``PassphraseJSON``).
///
/// Unlike `FormBodyMiddleware` it never turns the passphrase into a `String` (which cannot be
/// wiped): the body is copied chunk by chunk into a byte array, the passphrase is percent-decoded
/// byte by byte into another array that `Passphrase(consuming:)` takes over and wipes, and the body
/// copy is overwritten before the handler runs. The `Passphrase` lives in the request context for
/// that one request; it is never stored, logged or put into the session. (NIO's own receive
/// buffers are outside this code's reach; they are reused and overwritten by the next request.)
struct PassphraseBodyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let fieldName = "passphrase"
    static let secondFieldName = "second_passphrase"
    /// The keyholders' names: not secret, kept as ordinary fields.
    static let holderFields = ["holder", "second_holder"]

    /// The body format a route takes.
    enum Format: Sendable {
        case form, json

        var contentType: String { self == .form ? "application/x-www-form-urlencoded" : "application/json" }
    }

    let format: Format
    let maxBodySize: Int

    init(_ format: Format = .form, maxBodySize: Int) {
        self.format = format
        self.maxBodySize = maxBodySize
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == format.contentType else {
            context.form = .refused(InputError(english: "unsupported content type: the body must be sent as \(format.contentType)",
                                               german: "Nicht unterstützter Inhaltstyp: Der Inhalt muss als \(format.contentType) gesendet werden."),
                                    status: 415)
            return try await next(request, context)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodySize {
            context.form = FormBodyMiddleware.tooLarge(maxBodySize)
            return try await next(request, context)
        }
        // Reserved at the limit, so that appending never moves the bytes and leaves an unwiped copy.
        var body: [UInt8] = []
        body.reserveCapacity(maxBodySize)
        defer { Self.wipe(&body) }
        do {
            for try await chunk in request.body {
                guard body.count + chunk.readableBytes <= maxBodySize else {
                    context.form = FormBodyMiddleware.tooLarge(maxBodySize)
                    return try await next(request, context)
                }
                chunk.withUnsafeReadableBytes { body.append(contentsOf: $0) }
            }
        } catch {
            context.form = .refused(InputError(english: "unreadable form data", german: "Unlesbare Formulardaten."), status: 400)
            return try await next(request, context)
        }
        do {
            switch format {
            case .form:
                // Consumed and wiped in place: `if var copy = secret` would share the buffer, and the
                // wipe would copy it first, leaving the original unwiped. Also wiped when parsing
                // throws after the passphrase was read.
                var secret: [UInt8]?, second: [UInt8]?
                defer {
                    if secret != nil { Self.wipe(&secret!) }
                    if second != nil { Self.wipe(&second!) }
                }
                context.form = .fields(try Self.parse(body, secret: &secret, secondSecret: &second))
                if secret != nil { context.secret = try? Passphrase(consuming: &secret!) }
                if second != nil { context.secondSecret = try? Passphrase(consuming: &second!) }
            case .json:
                // Reserved at the body's size, so that appending never moves a passphrase.
                var bytes: [UInt8] = [], second: [UInt8] = [], names: [String: String] = [:]
                bytes.reserveCapacity(body.count)
                second.reserveCapacity(body.count)
                defer {
                    Self.wipe(&bytes)
                    Self.wipe(&second)
                }
                try PassphraseJSON.parse(body, into: &bytes, second: &second, names: &names)
                context.form = .fields(FormFields(values: names))
                context.secret = try? Passphrase(consuming: &bytes)
                if !second.isEmpty { context.secondSecret = try? Passphrase(consuming: &second) }
            }
        } catch let error as InputError {
            context.form = .refused(error, status: 400)
        }
        return try await next(request, context)
    }

    /// The fields other than the passphrase, and the passphrase's decoded bytes; a second
    /// keyholder's passphrase is refused here.
    static func parse(_ body: [UInt8], secret: inout [UInt8]?) throws -> FormFields {
        var second: [UInt8]?
        defer { if second != nil { wipe(&second!) } }
        let fields = try parse(body, secret: &secret, secondSecret: &second)
        guard second == nil else {
            throw InputError(field: secondFieldName, english: "unknown field", german: "Unbekanntes Feld.")
        }
        return fields
    }

    /// The fields other than the passphrases, and the passphrases' decoded bytes.
    static func parse(_ body: [UInt8], secret: inout [UInt8]?, secondSecret: inout [UInt8]?) throws -> FormFields {
        var values: [String: String] = [:]
        let malformed = InputError(english: "the form data is not correctly encoded", german: "Die Formulardaten sind nicht korrekt kodiert.")
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard var nameBytes = decode(parts[0]), let name = String(validating: nameBytes, as: UTF8.self) else { throw malformed }
            wipe(&nameBytes)
            guard values[name] == nil, !(name == fieldName && secret != nil), !(name == secondFieldName && secondSecret != nil) else {
                throw InputError(field: name, english: "the field was sent twice", german: "Das Feld wurde doppelt gesendet.")
            }
            guard var value = decode(parts.count > 1 ? parts[1] : []) else { throw malformed }
            switch name {
            case fieldName:
                secret = value
            case secondFieldName:
                secondSecret = value
            case _ where name == CSRFMiddleware.fieldName || holderFields.contains(name):
                guard let text = String(validating: value, as: UTF8.self) else { throw malformed }
                values[name] = text
            default:
                wipe(&value)
                throw InputError(field: name, english: "unknown field", german: "Unbekanntes Feld.")
            }
        }
        return FormFields(values: values)
    }

    /// `+` is a space, `%XX` a byte; nil for a broken escape.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                    wipe(&out)
                    return nil
                }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func wipe(_ bytes: inout [UInt8]) {
        for index in bytes.indices { bytes[index] = 0 }
        bytes.removeAll()
    }
}
