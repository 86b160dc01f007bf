import CSodium

/// Receipt codes printed on paper questionnaires.
///
/// On a paper form the code is typed twice by different people: the statistics unit types it from
/// the returned form, the respondent later from the stub they kept. A typo at entry would store a
/// response that the stub can never withdraw, and nobody would notice. So a paper code spends its
/// last character on the Luhn mod 32 check that invitation codes use (95 random bits instead of
/// 100), and entry reads it with ``init(parsingPaper:)``, which reports a mistyped character or two
/// swapped neighbours. It is still an ordinary receipt code of 20 characters: withdrawal reads it
/// with ``init(parsing:)`` like any other.
extension ReceiptCode {
    /// A new random code for a paper form: 19 random characters and a check character.
    public static func generateForPaper() -> ReceiptCode {
        var random = Sodium.randomBytes(InvitationCode.randomCount)
        defer { random.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        var values = random.map { $0 & 31 }
        defer { values.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        values.append(InvitationCode.checkValue(values[...]))
        return ReceiptCode(normalised: values.map { alphabet[Int($0)] })
    }

    /// Parses a code typed from a paper form. Throws ``VaultError/invalidReceiptCode`` for the
    /// wrong characters or length, ``VaultError/mistypedReceiptCode`` when the check fails.
    public init(parsingPaper text: String) throws {
        try self.init(parsing: text)
        let values = normalised.map { UInt8(Self.alphabet.firstIndex(of: $0)!) }
        guard InvitationCode.checkValue(values.dropLast()) == values.last else { throw VaultError.mistypedReceiptCode }
    }
}
