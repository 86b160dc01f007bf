import Disclosure
import Foundation
import Forms
@testable import Reports
import Store
import TestSupport
import Vault

/// A demo store and a report run on it with the shipped policy and reference shares.
struct ReportFixture {
    let demo: DemoFixture
    let disclosure = try! DisclosurePolicyFile.load(directory: Repository.policyDirectory)

    /// The stores, opened once like the application opens them.
    let data: DataStore, keystore: Keystore

    init(hires: Int = 2400) throws {
        demo = try DemoFixture(hires: hires)
        data = try demo.data
        keystore = try demo.keystore
    }

    var run: ReportRun {
        ReportRun(data: data, keystore: keystore, forms: [Repository.form], units: Repository.units, disclosure: disclosure,
                  reference: try! ReferenceShares.load(contentsOf: Repository.root.appendingPathComponent("reports/reference.yaml")),
                  actor: Actor(role: "statistics", user: "test"))
    }

    func definition(_ kind: ReportDefinition.Kind, by: [String], periods: ReportDefinition.Periods,
                    indicator: String = "migration_background", name: String? = nil) -> ReportDefinition {
        ReportDefinition(name: name ?? kind.rawValue, title: LocalizedText(de: "Test", en: "Test"), kind: kind,
                         indicator: indicator, by: by, periods: periods)
    }

    /// What every reader knows today (``Disclosure/ContextSizes``): how many people each context of
    /// `years` holds, read as the report run reads them.
    func sizes(years: [Int], indicator: String = "migration_background") throws -> ContextSizes {
        let form = try ReportForm(indicator: indicator, in: [Repository.form])
        let decryptor = try ReportDecryptor(form: form, units: Repository.units)
        let atoms = try decryptor.aggregate(data: data, keystore: keystore, unlocked: try keystore.unlock(Passphrase(DemoFixture.passphrase)),
                                            periods: years, template: decryptor.template(years: years), withRecordKeys: false)
        return ContextSizes(groups: atoms.sizes(indicator: indicator), answerVariables: [indicator], years: Set(years.map(String.init)))
    }

    func release(_ definition: ReportDefinition, passphrase: String = DemoFixture.passphrase) throws -> PublishedReport {
        try run.release(definition, passphrase: Passphrase(passphrase), day: DemoFixture.day)
    }
}
