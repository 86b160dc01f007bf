import Demo
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
@testable import Store
@testable import WebApp

@Suite("Admin: users and org units")
struct AdminTests {
    @Test("list, add, disable; the new user can sign in, the disabled one cannot")
    func users() async throws {
        let fixture = try WebAppFixture()
        try await fixture.run { browser in
            try await browser.login(.admin)
            let list = try await browser.get("/admin/users")
            #expect(list.body.contains(#"<th scope="row">integration</th>"#))
            let added = try await browser.post("/admin/users", [("name", "erika"), ("role", "hr"),
                                                                ("password", "a long password 1"), ("password_repeat", "a long password 1")])
            #expect(added.status == .seeOther)
            let after = try await browser.get("/admin/users")
            #expect(after.body.contains("Der Benutzer wurde angelegt."))
            #expect(after.body.contains(#"<th scope="row">erika</th>"#))
            #expect(!after.body.contains("a long password 1"))
            #expect(try await browser.post("/admin/users/erika/disable", []).status == .seeOther)
            #expect(try await browser.get("/admin/users").body.contains("deaktiviert"))
            #expect(try await browser.post("/admin/users/nobody/disable", []).status == .notFound)
        }
        let users = try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum)
        #expect(try users.list().first { $0.name == "erika" }?.disabled == true)
        #expect(try users.authenticate(name: "erika", password: .init("a long password 1")) == nil)
    }

    @Test("bad user input: the form again with the field's error", arguments: [
        ([("name", "Erika M"), ("role", "hr"), ("password", "a long password 1"), ("password_repeat", "a long password 1")], "Namen bestehen aus"),
        ([("name", "erika"), ("role", "boss"), ("password", "a long password 1"), ("password_repeat", "a long password 1")], "Unbekannte Rolle."),
        ([("name", "erika"), ("role", "hr"), ("password", "short"), ("password_repeat", "short")], "12 bis 128 Zeichen"),
        ([("name", "erika"), ("role", "hr"), ("password", "a long password 1"), ("password_repeat", "a long password 2")], "stimmen nicht überein"),
        ([("name", "hr"), ("role", "hr"), ("password", "a long password 1"), ("password_repeat", "a long password 1")], "gibt es schon"),
    ])
    func badUser(fields: [(String, String)], message: String) async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.admin)
            try await browser.get("/admin/users")
            return try await browser.post("/admin/users", fields)
        }
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains(message))
        #expect(try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum).list().count == 5)
    }

    @Test("the last active admin cannot be disabled")
    func lastAdmin() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.admin)
            try await browser.get("/admin/users")
            return try await browser.post("/admin/users/admin/disable", [])
        }
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains("letzte aktive Administration"))
    }

    @Test("org units: every unit of forms/units.yaml by Dezernat")
    func units() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.admin)
            return try await browser.get("/admin/units?lang=en")
        }
        #expect(page.body.contains("forms/units.yaml is valid and loaded: 20 units."))
        #expect(page.body.contains(#"<th scope="row">51</th><td>Youth welfare office</td>"#))
    }

    @Test("users.sqlite: mode 0600, Argon2id hashes, named migration")
    func userFile() throws {
        let fixture = try WebAppFixture()
        let url = fixture.configuration.dataDirectory.appendingPathComponent(UserStore.fileName)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let users = try UserStore.open(directory: fixture.configuration.dataDirectory, strength: .minimum)
        let hr = try #require(try users.list().first { $0.name == "hr" })
        #expect(hr.passwordHash.hasPrefix("$argon2id$"))
        let applied = try users.database.read { try UserStore.migrator.appliedIdentifiers($0) }
        #expect(Set(applied) == ["v1-users", "v2-report-requests", "v3-report-requests-keep-each-report-once", "v4-monitoring-releases"])
    }

    @Test("demo logins only on an empty user table")
    func demoLogins() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vielfalt-demo-\(UUID().uuidString)")
        let users = try UserStore.open(directory: directory, strength: .minimum)
        #expect(try DemoLogins.create(in: users))
        #expect(try users.list().map(\.name) == ["admin", "dpo", "hr", "integration", "statistics"])
        #expect(try !DemoLogins.create(in: users))
        #expect(try users.authenticate(name: "hr", password: .init("demo-hr-passwort")) == User(name: "hr", role: .hr))
    }
}

@Suite("Admin: policy check and questionnaires")
struct AdminPolicyTests {
    static func copy(_ source: URL, _ label: String) throws -> URL {
        let target = try temporaryDirectory(label)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return target
    }

    @Test("policy check: all three files ok")
    func policyOK() async throws {
        let fixture = try WebAppFixture()
        let page = try await fixture.run { browser in
            try await browser.login(.admin)
            return try await browser.get("/admin/policy")
        }
        #expect(page.status == .ok)
        #expect(page.body.contains("Alle Richtlinien-Dateien sind gültig."))
        for file in ["retention.yaml", "processing.yaml", "disclosure.yaml"] {
            #expect(page.body.contains(#"<th scope="row">\#(file)</th><td><span class="status status-released">in Ordnung</span>"#))
        }
    }

    @Test("policy check: a broken file is named with line and key, the others stay ok; a later fix shows at once")
    func policyBroken() async throws {
        let policy = try Self.copy(Repository.policyDirectory, "policy")
        let disclosure = policy.appendingPathComponent("disclosure.yaml")
        let good = try String(contentsOf: disclosure, encoding: .utf8)
        try good.replacingOccurrences(of: "min_cell: 5", with: "min_cell: 500").write(to: disclosure, atomically: true, encoding: .utf8)
        let fixture = try WebAppFixture { $0.policyDirectory = policy }
        try await fixture.run { browser in
            try await browser.login(.admin)
            let page = try await browser.get("/admin/policy?lang=en")
            #expect(page.body.contains("At least one policy file is broken."))
            #expect(page.body.contains("disclosure.yaml:"))
            #expect(page.body.contains("min_cell must lie between 1 and 100"))
            #expect(page.body.contains(#"<th scope="row">retention.yaml</th><td><span class="status status-released">ok</span>"#))
            try good.write(to: disclosure, atomically: true, encoding: .utf8)
            #expect(try await browser.get("/admin/policy").body.contains("Every policy file is valid."))
        }
    }

    @Test("questionnaires: id, version and items of each form; a broken file is named")
    func forms() async throws {
        let forms = try Self.copy(Repository.formsDirectory, "forms")
        let fixture = try WebAppFixture { $0.formsDirectory = forms }
        try await fixture.run { browser in
            try await browser.login(.admin)
            let page = try await browser.get("/admin/forms")
            #expect(page.status == .ok)
            #expect(page.body.contains("<strong>migration-background</strong>, Version 1"))
            #expect(page.body.contains("<code>born_in_germany</code>"))
            #expect(page.body.contains("<code>migration_background</code>"))
            try "id: broken\nversion: x\n".write(to: forms.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
            let broken = try await browser.get("/admin/forms")
            #expect(broken.body.contains("<h2>broken.yaml</h2>"))
            #expect(broken.body.contains(#"<p class="error" role="alert">"#))
            #expect(broken.body.contains("<strong>migration-background</strong>"))
        }
    }
}
