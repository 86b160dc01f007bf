/// A keyholder envelope as bytes, for the header of a keystore backup sealed for keyholders: every
/// field length-prefixed (4 bytes, little endian), so a damaged header is refused, never misread.
extension KeyholderEnvelope {
    public func serialized() -> [UInt8] {
        var out = ByteWriter()
        out.field(masterPublicKey.bytes)
        out.number(UInt64(holders.count))
        for holder in holders {
            out.field(Array(holder.name.text.utf8))
            out.field(holder.parameters.salt)
            out.number(holder.parameters.opsLimit)
            out.number(holder.parameters.memLimit)
            out.field(holder.publicKey.bytes)
            out.field(holder.wrappedSecret)
            out.field(holder.passphraseCheck)
            out.field(holder.authenticator)
        }
        out.number(UInt64(pairs.count))
        for pair in pairs {
            for field in [Array(pair.first.text.utf8), Array(pair.second.text.utf8), pair.sealedHalfFirst, pair.sealedHalfSecond,
                          pair.wrappedMasterSecret] {
                out.field(field)
            }
        }
        return out.bytes
    }

    public init(serialized bytes: [UInt8]) throws {
        var input = ByteReader(bytes: bytes)
        let master = try PublicKey(bytes: input.field())
        var holders: [Keyholder] = []
        for _ in 0..<(try input.count()) {
            let name = try input.name()
            let salt = try input.field()
            let parameters = try KeyDerivationParameters(salt: salt, opsLimit: input.number(), memLimit: input.number())
            holders.append(Keyholder(name: name, parameters: parameters, publicKey: try PublicKey(bytes: input.field()),
                                     wrappedSecret: try input.field(), passphraseCheck: try input.field(), authenticator: try input.field()))
        }
        var pairs: [KeyholderPair] = []
        for _ in 0..<(try input.count()) {
            pairs.append(KeyholderPair(first: try input.name(), second: try input.name(), sealedHalfFirst: try input.field(),
                                       sealedHalfSecond: try input.field(), wrappedMasterSecret: try input.field()))
        }
        guard input.atEnd else { throw VaultError.malformed(what: "the keyholders in the keystore backup") }
        self.init(masterPublicKey: master, holders: holders, pairs: pairs)
    }
}

private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func number(_ value: UInt64) { bytes += (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    mutating func field(_ value: [UInt8]) {
        bytes += (0..<4).map { UInt8(truncatingIfNeeded: UInt32(value.count) >> (8 * $0)) }
        bytes += value
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    var atEnd: Bool { offset == bytes.count }
    private var damaged: VaultError { .malformed(what: "the keyholders in the keystore backup") }

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw damaged }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func number() throws -> UInt64 {
        try take(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
    }

    mutating func count() throws -> Int {
        let value = try number()
        guard value <= 10_000 else { throw damaged }
        return Int(value)
    }

    mutating func field() throws -> [UInt8] {
        let length = try take(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        return try take(length)
    }

    mutating func name() throws -> KeyholderName {
        guard let text = String(validating: try field(), as: UTF8.self) else { throw damaged }
        return try KeyholderName(text)
    }
}
