import ArgumentParser
import Operations
import Foundation
import Forms
import Store
import Vault

/// Where the store lives and where the forms are read from.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of vielfalt.sqlite and users.sqlite.")
    var data: String = "data"

    @Option(name: .long, help: "Directory of keystore.sqlite, apart from the data (default: DATA-keys beside it).")
    var keys: String?

    @Option(name: .long, help: "Directory of the form definitions and units.yaml.")
    var forms: String = "forms"

    @Option(name: .long, help: "Your user name for the audit log (default: the system user).")
    var user: String?

    @Option(name: .long, help: "Directory of retention.yaml, processing.yaml and disclosure.yaml.")
    var policy: String = "policy"

    var location: StoreLocation { StoreLocation(directory: URL(fileURLWithPath: data), keys: keys.map { URL(fileURLWithPath: $0) }) }

    /// The audit log's "who" for a command run in `role`.
    func actor(_ role: String) -> Actor {
        Actor(role: role, user: user ?? ProcessInfo.processInfo.environment["USER"] ?? "cli")
    }

    func policyFile(_ name: String) -> URL { URL(fileURLWithPath: policy).appendingPathComponent(name) }

    /// Every form file in the forms directory (all but units.yaml) and the org units.
    func loadForms() throws -> (forms: [FormDefinition], units: OrgUnits) {
        let directory = try FormDirectory.load(URL(fileURLWithPath: forms))
        return (directory.forms, directory.units)
    }

    /// The directories given: `--data`, `--forms`, `--policy`, and the reports directory.
    func directories(reports: String = "reports") -> Installation.Directories {
        .init(data: URL(fileURLWithPath: data), keys: keys.map { URL(fileURLWithPath: $0) }, forms: URL(fileURLWithPath: forms),
              policy: URL(fileURLWithPath: policy), reports: URL(fileURLWithPath: reports))
    }

    /// The installation in `--data`.
    func installation() throws -> Installation { try Installation.open(directories()) }
}

/// Where the statistics passphrase comes from: a file, the environment, or a prompt without echo.
struct PassphraseOptions: ParsableArguments {
    @Option(name: .long, help: "Read the passphrase from this file (first line).")
    var passphraseFile: String?

    func read(confirm: Bool = false) throws -> Passphrase {
        var bytes = try SecretInput.read(file: passphraseFile, environment: "VIELFALT_PASSPHRASE", prompt: "Passphrase: ",
                                         confirm: confirm, field: "passphrase")
        return try Passphrase(consuming: &bytes)
    }
}
