import Forms
import Hummingbird
import Operations
import HummingbirdAuth
import Store
import Vault

/// The administrator's API, with the operations of the admin pages (``AdminRoutes``), and the
/// forms the entry API validates against:
///
/// | call | who |
/// | --- | --- |
/// | `GET /api/v1/users`, `POST /api/v1/users`, `POST /api/v1/users/{name}/disable` | admin |
/// | `GET /api/v1/units`, `GET /api/v1/policy-check` | admin |
/// | `GET /api/v1/forms` (the loaded forms: context fields, items, answer codes) | hr, admin |
struct AdminAPIRoutes {
    let services: AppServices

    func register(on api: RouterGroup<AppRequestContext>) {
        let admin = api.group().requiringAPI(RolePolicy<User>(.admin))
        admin.get("users") { _, _ in
            let users = services.users
            return JSONResponse.make(["users": try await Blocking.run { try users.list() }.map { user in
                ["name": user.name, "role": user.role.rawValue, "active": !user.disabled] as [String: Any]
            }])
        }
        admin.post("users") { request, _ in
            let body = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: ["name", "role", "password"])
            let name = try body.string("name", required: true) ?? "", role = try body.string("role", required: true)
            try await Self.conflicts { try await AdminRoutes(services: services).addUser(name: name, role: role, password: try body.string("password", required: true) ?? "") }
            return JSONResponse.make(["name": name.trimmingCharacters(in: .whitespaces), "role": role ?? "", "active": true], status: .created)
        }
        admin.post("users/{name}/disable") { request, context in
            _ = try await JSONBody.read(request, limit: services.configuration.maxBodySize, allowed: [], emptyAllowed: true)
            guard let name = context.parameters.get("name"), try await Self.conflicts({ try services.users.disable(name: name) }) else {
                throw HTTPError(.notFound)
            }
            return JSONResponse.make(["name": name, "active": false])
        }
        admin.get("units") { _, _ in
            let units = services.catalog.units
            return JSONResponse.make(["dezernate": units.dezernate.map { dezernat in
                ["code": dezernat.code, "name": Self.text(dezernat.name),
                 "units": dezernat.units.compactMap(units.unit).map { ["code": $0.code, "name": Self.text($0.name)] }] as [String: Any]
            }])
        }
        admin.get("policy-check") { _, _ in
            let directory = services.configuration.policyDirectory
            let results = try await Blocking.run { FileCheck.policies(directory).map { ($0.file, $0.error) } }
            return JSONResponse.make(["allOK": results.allSatisfy { $0.1 == nil }, "files": results.map { file, error in
                var row: [String: Any] = ["file": file, "ok": error == nil]
                if let error { row["error"] = ["place": error.location, "de": error.german, "en": error.english] }
                return row
            }])
        }
        api.group().requiringAPI(anyOf { RolePolicy<User>(.hr); RolePolicy<User>(.admin) }).get("forms") { _, _ in
            JSONResponse.make(["forms": services.catalog.current.map { Self.object($0, units: services.catalog.units) }])
        }
    }

    static func text(_ text: LocalizedText) -> [String: String] { ["de": text.de, "en": text.en] }

    /// A form as an API client needs it to build an entry: keys, labels, and every answer code
    /// (for the unit field, the codes of `forms/units.yaml`).
    static func object(_ form: FormDefinition, units: OrgUnits) -> [String: Any] {
        func answers(_ codes: [AnswerCode]) -> [[String: Any]] { codes.map { ["code": $0.code, "label": text($0.label)] } }
        return [
            "id": form.id, "version": form.version, "title": text(form.title), "consent": text(form.consent),
            "context": form.context.map { field -> [String: Any] in
                var object: [String: Any] = ["key": field.key, "label": text(field.label)]
                switch field.kind {
                case .unit:
                    object["kind"] = "unit"
                    object["answers"] = units.units.map { ["code": $0.code, "label": text($0.name)] as [String: Any] }
                case .month: object["kind"] = "month"
                case .choice(let codes): object["kind"] = "choice"; object["answers"] = answers(codes)
                }
                return object
            },
            "items": form.items.map { ["key": $0.key, "question": text($0.question), "answers": answers($0.answers)] as [String: Any] },
            "indicators": form.indicators.map { ["key": $0.key, "label": text($0.label), "categories": $0.categoryCodes] as [String: Any] },
        ]
    }
}

extension AdminAPIRoutes {
    /// A refusal that depends on the users held (a taken name, the last admin) as 409, not 400:
    /// the request was well-formed, the state does not allow it.
    static func conflicts<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as InputError where error == UserStore.nameTaken || error == UserStore.lastAdmin {
            throw APIError(status: .conflict, error: error)
        }
    }
}
