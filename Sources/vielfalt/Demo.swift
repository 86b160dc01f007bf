import ArgumentParser
import Demo
import Foundation
import Forms
import Reports
import Store
import Vault

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a store with a reproducible synthetic administration (six hiring years, declines included) and release its monitoring.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var passphrase: PassphraseOptions

    @Option(help: "Seed of the synthetic population; the same seed gives the same data.") var seed: UInt64 = 2020
    @Option(help: "Number of new hires asked, over all six years.") var hires: Int = 2400
    @Flag(help: "Do not release the monitoring of reports/monitoring.yaml after creating the data.") var noMonitoring = false

    func run() throws {
        try Failure.guarded {
            guard hires > 0, hires <= 1_000_000 else {
                throw InputError(field: "hires", english: "must be between 1 and 1000000", german: "Muss zwischen 1 und 1000000 liegen.")
            }
            let validator = try FormDirectory.load(URL(fileURLWithPath: store.forms)).validator()
            let given = passphrase.passphraseFile != nil || ProcessInfo.processInfo.environment["VIELFALT_PASSPHRASE"] != nil
            let secret = given ? try passphrase.read() : try Passphrase(DemoStore.passphrase)
            let summary = try DemoStore.create(store.location, validator: validator, passphrase: secret, hires: hires, seed: seed,
                                               lastYear: validator.latestYear - 1)
            print("demo store in \(store.location.directory.path): \(summary.responses) responses and \(summary.declines) declines, hiring years \(summary.years.lowerBound)–\(summary.years.upperBound)")
            if !given { print("demo passphrase / Demo-Passphrase: \(DemoStore.passphrase)") }
            // The integration office's start page is the monitoring: released once here, it shows at once.
            // Without goals there is nothing to release; a broken goals file is an error like any other.
            if !noMonitoring {
                do {
                    let released = try store.installation().releaseMonitoring(unlock: .passphrase(secret), by: store.actor("statistics"))
                    print("monitoring released / Monitoring veröffentlicht: \(released.monitoring.newReleases.joined(separator: ", "))")
                } catch let error as InputError where error == MonitoringPlan.missing {}
            }
        }
    }
}
