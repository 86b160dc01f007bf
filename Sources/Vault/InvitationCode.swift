import CSodium

/// The code on a new hire's invitation letter: 95 random bits and a check character, typed as
/// five groups of four (`7K3Q-M2XW-9RTB-4HNP-ZC5E`).
///
/// The alphabet is Crockford's base 32 (no I, L, O, U); input is forgiving (lower case, spaces or
/// dashes anywhere, O for 0, I and L for 1). The last character is a Luhn mod 32 check over the
/// other nineteen, so a mistyped character or two swapped neighbours are caught before the code is
/// ever looked up. The code is a secret of the respondent: its bytes live in wiped memory, it never
/// prints itself, and only keyed hashes of it are stored (``InvitationKey``).
public struct InvitationCode: Sendable, CustomStringConvertible {
    static let alphabet = ReceiptCode.alphabet
    /// Random characters; 19 × 5 = 95 bits.
    static let randomCount = 19
    public static let characterCount = randomCount + 1
    static let groupSize = 4

    /// The normalised characters (ASCII, check character last), in memory that is wiped on release.
    let normalised: SecureBytes

    /// A new random code.
    public static func generate() -> InvitationCode {
        var random = Sodium.randomBytes(randomCount)
        defer { random.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        var values = random.map { $0 & 31 }
        defer { values.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        return InvitationCode(values: &values)
    }

    /// Parses a code as a person typed it. Throws ``VaultError/invalidInvitationCode`` for the
    /// wrong characters or length, ``VaultError/mistypedInvitationCode`` when the check fails.
    public init(parsing text: String) throws {
        var values: [UInt8] = []
        values.reserveCapacity(Self.characterCount)
        defer { values.withUnsafeMutableBytes { if let base = $0.baseAddress { sodium_memzero(base, $0.count) } } }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            default:
                guard let value = Self.value(of: byte), values.count < Self.characterCount else {
                    throw VaultError.invalidInvitationCode
                }
                values.append(value)
            }
        }
        guard values.count == Self.characterCount else { throw VaultError.invalidInvitationCode }
        guard Self.checkValue(values.prefix(Self.randomCount)) == values[Self.randomCount] else {
            throw VaultError.mistypedInvitationCode
        }
        values.removeLast()
        self.init(values: &values)
    }

    /// The code from its random values (0…31); the caller's array is wiped by the caller.
    private init(values: inout [UInt8]) {
        let check = Self.checkValue(values[...])
        normalised = SecureBytes(count: Self.characterCount) { out in
            for (i, value) in values.enumerated() { out[i] = Self.alphabet[Int(value)] }
            out[Self.randomCount] = Self.alphabet[Int(check)]
        }
    }

    /// The value of a typed character, or nil; case-insensitive, O read as 0, I and L as 1.
    static func value(of byte: UInt8) -> UInt8? {
        var upper = byte
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { upper -= 32 }
        switch upper {
        case UInt8(ascii: "O"): return 0
        case UInt8(ascii: "I"), UInt8(ascii: "L"): return 1
        default: return alphabet.firstIndex(of: upper).map { UInt8($0) }
        }
    }

    /// Luhn mod N (N = 32): every second value from the right is doubled and its base-32 digits
    /// summed; the check value makes the total a multiple of 32.
    static func checkValue(_ values: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        for (position, value) in values.reversed().enumerated() {
            var addend = Int(value)
            if position % 2 == 0 {
                addend *= 2
                addend = addend / 32 + addend % 32
            }
            sum += addend
        }
        return UInt8((32 - sum % 32) % 32)
    }

    /// The code as printed on the letter and typed by the respondent: `XXXX-XXXX-XXXX-XXXX-XXXX`.
    /// Use it exactly where the code is handed over, once.
    public var formatted: String {
        normalised.withUnsafeBytes { bytes in
            stride(from: 0, to: Self.characterCount, by: Self.groupSize)
                .map { String(decoding: bytes[$0..<$0 + Self.groupSize], as: UTF8.self) }
                .joined(separator: "-")
        }
    }

    public var description: String { "InvitationCode(redacted)" }
}
