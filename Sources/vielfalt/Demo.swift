import ArgumentParser
import Foundation
import Forms
import Store
import Vault

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a store with a reproducible synthetic administration (six hiring years, declines included).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(help: "Seed of the synthetic population; the same seed gives the same data.") var seed: UInt64 = 2020
    @Option(help: "Number of new hires asked, over all six years.") var hires: Int = 2400

    static let defaultPassphrase = "vielfalt-demo"

    func run() throws {
        try Failure.guarded {
            guard hires > 0, hires <= 1_000_000 else {
                throw InputError(field: "hires", english: "must be between 1 and 1000000", german: "Muss zwischen 1 und 1000000 liegen.")
            }
            let validator = try store.validator()
            guard let form = validator.forms.first(where: { $0.id == "migration-background" }) else {
                throw InputError(file: store.forms, english: "form migration-background not found", german: "Formular migration-background fehlt.")
            }
            let given = passphrase.passphraseFile != nil || ProcessInfo.processInfo.environment["VIELFALT_PASSPHRASE"] != nil
            let secret = given ? try passphrase.read() : try Passphrase(Self.defaultPassphrase)
            try store.location.initialise(passphrase: secret, strength: .interactive)

            let lastYear = validator.latestYear - 1
            let demo = DemoAdministration(form: form, units: validator.units, hires: hires, seed: seed, lastYear: lastYear)
            let intake = try Intake(location: store.location, forms: validator.forms, units: validator.units)
            let result = try intake.importEntries(try demo.entries.map(validator.validate))
            for raw in demo.declines {
                try intake.decline(validator.validateDecline(form: raw.form, version: raw.version, context: raw.context))
            }
            print("demo store in \(store.location.directory.path): \(result.stored) responses and \(demo.declines.count) declines, hiring years \(lastYear - 5)–\(lastYear)")
            if !given { print("demo passphrase / Demo-Passphrase: \(Self.defaultPassphrase)") }
        }
    }
}
