import CSodium

/// The withdrawal code a respondent receives: 100 random bits as 20 Crockford base-32 characters.
///
/// Printed as four groups of five (`7K3QM-2XW9R-…`), easy to read aloud and to type: the alphabet has
/// no I, L, O or U, and input is forgiving (lower case, spaces, O for 0, I and L for 1). Only a keyed
/// BLAKE2b hash of the normalised code is ever stored. `description` does not reveal the code; use
/// ``formatted`` exactly where it is shown to the respondent, once.
public struct ReceiptCode: Sendable, Equatable, CustomStringConvertible {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    public static let characterCount = 20
    let normalised: [UInt8]

    /// A new random code (100 bits).
    public static func generate() -> ReceiptCode {
        var random = Sodium.randomBytes(characterCount)
        defer { random.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        // Each byte's low five bits give one character: 20 × 5 = 100 bits, uniformly.
        return ReceiptCode(normalised: random.map { alphabet[Int($0 & 31)] })
    }

    /// Parses a code as a person typed it. Throws ``VaultError/invalidReceiptCode``.
    public init(parsing text: String) throws {
        var out: [UInt8] = []
        for byte in text.uppercased().utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "O"): out.append(UInt8(ascii: "0"))
            case UInt8(ascii: "I"), UInt8(ascii: "L"): out.append(UInt8(ascii: "1"))
            default:
                guard Self.alphabet.contains(byte) else { throw VaultError.invalidReceiptCode }
                out.append(byte)
            }
            if out.count > Self.characterCount { throw VaultError.invalidReceiptCode }
        }
        guard out.count == Self.characterCount else { throw VaultError.invalidReceiptCode }
        normalised = out
    }

    init(normalised: [UInt8]) { self.normalised = normalised }

    /// The code for the respondent's receipt: `XXXXX-XXXXX-XXXXX-XXXXX`.
    public var formatted: String {
        stride(from: 0, to: Self.characterCount, by: 5)
            .map { String(decoding: normalised[$0..<$0 + 5], as: UTF8.self) }
            .joined(separator: "-")
    }

    /// The keyed hash stored beside the response; equal codes give equal hashes under one key.
    public func hash(with key: ReceiptKey) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        key.storage.withUnsafeBytes { k in
            _ = out.withUnsafeMutableBytes { o in normalised.withUnsafeBytes { n in
                crypto_generichash(o.baseAddress!.assumingMemoryBound(to: UInt8.self), 32,
                                   n.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(n.count),
                                   k.baseAddress!.assumingMemoryBound(to: UInt8.self), k.count)
            } }
        }
        return out
    }

    public var description: String { "ReceiptCode(redacted)" }
}
