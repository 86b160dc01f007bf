import Foundation
import Forms
import Store
import Vault

/// A new store filled with ``DemoAdministration``: what `vielfalt demo` and the tests use.
///
/// The Demo module holds everything made up for trying Vielfalt and nothing a real installation
/// runs on: the synthetic administration, this store and one public login per role
/// (``DemoLogins``). Only `vielfalt demo`, `vielfalt serve` on a demo store, the benchmarks and the
/// tests import it.
public enum DemoStore {
    /// The published passphrase of a demo store: a store that opens with it holds no real answer.
    public static let passphrase = "vielfalt-demo"

    public struct Summary: Sendable, Equatable {
        public let responses: Int
        public let declines: Int
        public let years: ClosedRange<Int>
    }

    /// Creates the store at `location` (which must not exist) and enters the synthetic population.
    public static func create(_ location: StoreLocation, validator: EntryValidator, passphrase: Passphrase,
                              hires: Int, seed: UInt64, lastYear: Int,
                              today: @escaping @Sendable () -> String = { AuditDay.today() }) throws -> Summary {
        guard let form = validator.forms.first(where: { $0.id == "migration-background" }) else {
            throw InputError(field: "form", english: "form migration-background not found", german: "Formular migration-background fehlt.")
        }
        try location.initialise(passphrase: passphrase, strength: .interactive)
        let demo = DemoAdministration(form: form, units: validator.units, hires: hires, seed: seed, lastYear: lastYear)
        let intake = try Intake(location: location, forms: validator.forms, units: validator.units,
                                actor: Actor(role: "admin", user: "demo"), today: today)
        let result = try intake.importEntries(try demo.entries.map(validator.validate))
        for raw in demo.declines {
            try intake.decline(validator.validateDecline(form: raw.form, version: raw.version, context: raw.context))
        }
        return Summary(responses: result.stored, declines: demo.declines.count, years: (lastYear - 5)...lastYear)
    }
}
