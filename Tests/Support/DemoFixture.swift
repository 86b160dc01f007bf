import Demo
import Foundation
import Forms
import Store
import Vault

/// A demo store (seed 2020, hiring years 2020–2025) made on a fixed day, so that every figure and
/// every hash derived from it is the same on every run.
public struct DemoFixture: Sendable {
    public static let passphrase = DemoStore.passphrase
    public static let day = "2026-11-20"
    public let location: StoreLocation

    public init(hires: Int = 2400) throws {
        location = StoreLocation(directory: try temporaryDirectory("demo").appendingPathComponent("data"))
        _ = try DemoStore.create(location, validator: Repository.validator, passphrase: Passphrase(Self.passphrase),
                                 hires: hires, seed: 2020, lastYear: 2025, today: { Self.day })
    }

    public var data: DataStore { get throws { try DataStore.open(location) } }
    public var keystore: Keystore { get throws { try Keystore.open(location) } }

    public func intake() throws -> Intake {
        try Intake(location: location, forms: [Repository.form], units: Repository.units, today: { Self.day })
    }
}
