/// A random 128-bit response id: no order, no time, no link to a person.
public struct ResponseID: Sendable, Hashable {
    public let bytes: [UInt8]

    public static let byteCount = 16

    /// A fresh random id.
    public static func random() -> ResponseID { ResponseID(unchecked: Sodium.randomBytes(byteCount)) }

    /// Restores an id read from the store.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == Self.byteCount else { throw VaultError.malformed(what: "response id") }
        self.bytes = bytes
    }

    private init(unchecked bytes: [UInt8]) { self.bytes = bytes }
}
