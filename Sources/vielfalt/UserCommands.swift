import ArgumentParser
import Foundation
import Forms
import Store
import Vault
import WebApp

/// `vielfalt user add|list|disable`: the logins of the web application in `users.sqlite`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the logins of the web application (users.sqlite beside the data).",
        subcommands: [UserAdd.self, UserList.self, UserDisable.self])
}

/// Where `users.sqlite` lives: the data directory.
struct UserStoreOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of vielfalt.sqlite and users.sqlite.")
    var data: String = "data"

    func open() throws -> UserStore {
        try UserStore.open(directory: URL(fileURLWithPath: data))
    }
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a login. The first user of an empty users.sqlite is usually the admin.")

    @OptionGroup var options: UserStoreOptions
    @Argument(help: "Login name: 2–64 lower-case letters, digits, dots, hyphens or underscores.") var name: String
    @Option(help: "hr, statistics, integration, dpo or admin.") var role: String
    @Option(help: "Read the password from this file (first line); otherwise it is asked for without echo.")
    var passwordFile: String?

    func run() throws {
        try Failure.guarded {
            guard let role = Role(rawValue: role) else {
                throw InputError(field: "role", english: "unknown role (allowed: hr, statistics, integration, dpo, admin)",
                                 german: "Unbekannte Rolle (erlaubt: hr, statistics, integration, dpo, admin).")
            }
            let users = try options.open()
            try users.add(name: name, role: role, password: readPassword())
            print("user added / Benutzer angelegt: \(name) (\(role.rawValue))")
        }
    }

    private func readPassword() throws -> Password {
        var bytes = try SecretInput.read(file: passwordFile, environment: nil, prompt: "Password: ", confirm: true, field: "password")
        return try Password(consuming: &bytes)
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List logins, their roles and status.")

    @OptionGroup var options: UserStoreOptions

    func run() throws {
        try Failure.guarded {
            for user in try options.open().list() {
                print("\(user.name)\t\(user.role.rawValue)\t\(user.disabled ? "disabled" : "active")")
            }
        }
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a login; its sessions end at once.")

    @OptionGroup var options: UserStoreOptions
    @Argument(help: "Login name.") var name: String

    func run() throws {
        try Failure.guarded {
            guard try options.open().disable(name: name) else {
                FileHandle.standardError.write(Data("error: unknown user / unbekannter Benutzer: \(name)\n".utf8))
                throw ExitCode(1)
            }
            print("user disabled / Benutzer deaktiviert: \(name)")
        }
    }
}
