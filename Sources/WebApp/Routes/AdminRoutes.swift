import Foundation
import Forms
import Hummingbird
import Operations
import Store
import Vault

/// The administrator's pages: users (list, add, disable), the org units of `forms/units.yaml`, the
/// form definitions of the forms directory, and the policy check. Forms and policies are read from
/// disk at each visit, so the pages show the files as they are now (errors name file, line, key).
struct AdminRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        let group = router.group("admin").requiring(.admin, maxBodySize: services.configuration.maxBodySize)
        group.get("users") { request, context in
            var values = try usersPage(context, errors: [], submitted: nil)
            switch context.takeNotice() {
            case .userAdded: values["notice"] = Strings.text("user_added", context.language)
            case .userDisabled: values["notice"] = Strings.text("user_was_disabled", context.language)
            default: break
            }
            return services.pages.page("users", values, request: request, context: context)
        }
        group.post("users") { request, context in
            let fields = try context.form!.fields()
            do {
                guard fields["password"] == fields["password_repeat"] else {
                    throw InputError(field: "password_repeat", english: Strings.text("password_mismatch", .en), german: Strings.text("password_mismatch", .de))
                }
                try await addUser(name: fields["name"] ?? "", role: fields["role"], password: fields["password"] ?? "")
                context.setNotice(.userAdded)
                return Response.redirect(to: "/admin/users", type: .normal)
            } catch let error as InputError {
                return services.pages.page("users", try usersPage(context, errors: [error], submitted: fields), request: request,
                                           context: context, status: .unprocessableContent)
            }
        }
        group.post("users/{name}/disable") { request, context in
            guard let name = context.parameters.get("name") else { throw HTTPError(.notFound) }
            do {
                guard try services.users.disable(name: name) else { throw HTTPError(.notFound) }
                context.setNotice(.userDisabled)
                return Response.redirect(to: "/admin/users", type: .normal)
            } catch let error as InputError {
                return services.pages.page("users", try usersPage(context, errors: [error], submitted: nil), request: request,
                                           context: context, status: .unprocessableContent)
            }
        }
        group.get("units") { request, context in
            let lang = context.language.rawValue
            let units = services.catalog.units
            let dezernate = units.dezernate.map { dezernat in
                ["code": dezernat.code, "name": dezernat.name.text(lang),
                 "units": dezernat.units.compactMap(units.unit).map { ["code": $0.code, "name": $0.name.text(lang)] }] as [String: Any]
            }
            return services.pages.page("units", ["dezernate": dezernate, "unitCount": units.units.count], request: request, context: context)
        }
        group.get("policy") { request, context in
            let directory = services.configuration.policyDirectory
            let results = await (try? Blocking.run { FileCheck.policies(directory).map { ($0.file, $0.error) } }) ?? []
            let rows = results.map { file, error in
                var row: [String: Any] = ["file": file]
                if let error { row["error"] = ["place": error.location, "message": context.message(error)] } else { row["ok"] = true }
                return row
            }
            let allOK = results.allSatisfy { $0.1 == nil }
            return services.pages.page("policy", ["files": rows, "allOK": allOK, "directory": directory.path], request: request, context: context)
        }
        group.get("forms") { request, context in
            let directory = services.configuration.formsDirectory
            let language = context.language
            let rows = FileCheck.forms(directory).map { name, result -> [String: Any] in
                switch result {
                case .success(let form):
                    return ["file": name, "ok": true, "id": form.id, "version": form.version, "title": form.title.text(language.rawValue),
                            "context": form.context.map { ["key": $0.key, "label": $0.label.text(language.rawValue)] },
                            "items": form.items.map { item in
                                ["key": item.key, "question": item.question.text(language.rawValue),
                                 "answers": item.answers.map(\.code).joined(separator: ", ")] as [String: Any]
                            },
                            "indicators": form.indicators.map { ["key": $0.key, "label": $0.label.text(language.rawValue),
                                                                 "categories": $0.categoryCodes.joined(separator: ", ")] }]
                case .failure(let problem):
                    return ["file": name, "error": ["place": problem.location, "message": context.message(problem)]]
                }
            }
            return services.pages.page("formsAdmin", ["forms": rows, "hasForms": !rows.isEmpty, "directory": directory.path],
                                       request: request, context: context)
        }
    }

    /// Adds a user; errors name the field (`name`, `role`, `password`). Page and API share it.
    func addUser(name: String, role: String?, password text: String) async throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard let role = role.flatMap(Role.init(rawValue:)) else {
            throw InputError(field: "role", english: "unknown role", german: "Unbekannte Rolle.")
        }
        guard let password = try? Password(text) else {
            throw InputError(field: "password", english: "the password must have 12 to 128 characters", german: "Das Passwort muss 12 bis 128 Zeichen lang sein.")
        }
        let users = services.users
        try await Blocking.run { try users.add(name: name, role: role, password: password) }
    }

    private func usersPage(_ context: AppRequestContext, errors: [InputError], submitted: FormFields?) throws -> [String: Any] {
        let language = context.language
        let lang = language.rawValue
        let users = try services.users.list().map { user in
            ["name": user.name, "roleLabel": user.role.label.text(lang),
             "status": Strings.text(user.disabled ? "user_disabled" : "user_active", language), "active": !user.disabled] as [String: Any]
        }
        func field(_ id: String, _ labelKey: String, type: String, autocomplete: String) -> [String: Any] {
            var values: [String: Any] = ["id": id, "label": Strings.text(labelKey, language), "type": type, "autocomplete": autocomplete,
                                         "value": type == "password" ? "" : (submitted?[id] ?? "")]
            if let error = errors.first(where: { $0.field == id }) { values["error"] = ["message": context.message(error)] }
            return values
        }
        var role: [String: Any] = ["id": "role", "label": Strings.text("user_role", language), "isSelect": true,
                                   "options": Role.allCases.map { ["code": $0.rawValue, "label": $0.label.text(lang), "selected": $0.rawValue == submitted?["role"]] as [String: Any] }]
        if let error = errors.first(where: { $0.field == "role" }) { role["error"] = ["message": context.message(error)] }
        var values: [String: Any] = [
            "users": users,
            "fields": [field("name", "user_name", type: "text", autocomplete: "off"), role,
                       field("password", "user_password", type: "password", autocomplete: "new-password"),
                       field("password_repeat", "user_password_repeat", type: "password", autocomplete: "new-password")],
        ]
        if !errors.isEmpty {
            values["hasErrors"] = true
            values["errors"] = errors.map { error in
                ["anchor": error.field ?? "name", "label": error.field ?? "", "message": context.message(error)] as [String: Any]
            }
        }
        return values
    }
}
