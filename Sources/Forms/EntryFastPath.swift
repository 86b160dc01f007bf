/// A fast reader for the common case of an import line: plain ASCII JSON of the entry's exact shape,
/// every value a known code. It goes from bytes to a ``CodedEntry`` without building strings.
///
/// It only ever says "valid" for lines the strict path (``StrictJSONParser`` and ``EntryValidator``)
/// also accepts, with the same result; anything else (escapes, non-ASCII, unknown or duplicate keys,
/// bad codes) returns nil and the strict path decides, and words the error.
public struct EntryFastPath: Sendable {
    private struct FormTable: Sendable {
        let id: [UInt8]
        let version: Int
        let index: UInt8
        let contextKeys: [[UInt8]]
        /// The context field whose value is a month, sealed as its quarter.
        let monthField: Int
        /// Per sealed field: the bytes of each code, by code number.
        let codes: [[[UInt8]]]
        let itemKeys: [[UInt8]]
        /// Per item: the number of ``FormDefinition/noAnswer``, which an omitted item gets.
        let noAnswer: [UInt8]
    }

    private let forms: [FormTable]
    private let earliestYear: Int
    private let latestYear: Int

    public init(codes: EntryCodes, validator: EntryValidator) {
        forms = codes.codebooks.enumerated().map { index, codebook in
            FormTable(id: Array(codebook.form.id.utf8), version: codebook.form.version, index: UInt8(index),
                      contextKeys: codebook.contextFields.map { Array($0.key.utf8) },
                      monthField: codebook.fields.firstIndex { $0.kind == .hiringQuarter }!,
                      codes: codebook.fields.map(\.utf8Codes),
                      itemKeys: codebook.itemFields.map { Array($0.key.utf8) },
                      noAnswer: codebook.itemFields.map { UInt8($0.number(FormDefinition.noAnswer)!) })
        }
        earliestYear = EntryValidator.earliestYear
        latestYear = validator.latestYear
    }

    /// The coded entry, or nil when the strict path must decide.
    func coded(_ line: [UInt8]) -> CodedEntry? {
        line.withUnsafeBufferPointer { bytes -> CodedEntry? in
            guard bytes.count <= EntryParser.maxEntryBytes, !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var scanner = Scanner(bytes: bytes)
            guard let top = scanner.object(), scanner.atEnd() else { return nil }
            var form: Range<Int>?, version: Int?, context: [Pair]?, answers: [Pair]?
            for member in top {
                switch (name(bytes, member.key), member.value) {
                case ("form", .string(let r)) where form == nil: form = r
                case ("version", .digits(let r)) where version == nil: version = Int(String(decoding: bytes[r], as: UTF8.self))
                case ("context", .object(let pairs)) where context == nil: context = pairs
                case ("answers", .object(let pairs)) where answers == nil: answers = pairs
                default: return nil
                }
            }
            guard let form, let version, let context,
                  let table = forms.first(where: { $0.version == version && equal(bytes, form, $0.id) }) else { return nil }
            return code(bytes, table: table, context: context, answers: answers ?? [])
        }
    }

    private func code(_ bytes: UnsafeBufferPointer<UInt8>, table: FormTable, context: [Pair], answers: [Pair]) -> CodedEntry? {
        var codes = SIMD32<UInt8>()
        var period = 0
        guard context.count == table.contextKeys.count else { return nil }
        for (field, key) in table.contextKeys.enumerated() {
            guard let pair = context.first(where: { equal(bytes, $0.key, key) }), case .string(let value) = pair.value else { return nil }
            if field == table.monthField {
                guard let (year, month) = month(bytes, value) else { return nil }
                period = year
                codes[field] = UInt8(HiringQuarter.number(month: month))
            } else {
                guard let number = table.codes[field].firstIndex(where: { equal(bytes, value, $0) }) else { return nil }
                codes[field] = UInt8(number)
            }
        }
        let offset = table.contextKeys.count
        var seen = 0
        for (item, key) in table.itemKeys.enumerated() {
            let itemCodes = table.codes[offset + item]
            guard let pair = answers.first(where: { equal(bytes, $0.key, key) }) else {
                codes[offset + item] = table.noAnswer[item]
                continue
            }
            guard case .string(let value) = pair.value,
                  let number = itemCodes.firstIndex(where: { equal(bytes, value, $0) }) else { return nil }
            codes[offset + item] = UInt8(number)
            seen += 1
        }
        guard seen == answers.count else { return nil }
        return CodedEntry(form: table.index, period: UInt16(period), codes: codes)
    }

    /// `YYYY-MM` within the accepted years: (year, month).
    private func month(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (Int, Int)? {
        guard r.count == 7, bytes[r.lowerBound + 4] == UInt8(ascii: "-") else { return nil }
        var year = 0, month = 0
        for i in 0..<4 {
            let d = bytes[r.lowerBound + i]
            guard (48...57).contains(d) else { return nil }
            year = year * 10 + Int(d - 48)
        }
        for i in 5..<7 {
            let d = bytes[r.lowerBound + i]
            guard (48...57).contains(d) else { return nil }
            month = month * 10 + Int(d - 48)
        }
        guard (1...12).contains(month), (earliestYear...latestYear).contains(year) else { return nil }
        return (year, month)
    }

    private func name(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: bytes[r], as: UTF8.self)
    }

    private func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ other: [UInt8]) -> Bool {
        r.count == other.count && bytes[r].elementsEqual(other)
    }

    enum Value {
        case string(Range<Int>)
        case digits(Range<Int>)
        case object([Pair])
    }

    struct Pair {
        let key: Range<Int>
        let value: Value
    }

    /// Objects of strings, digit runs and (one level of) objects of strings; no escapes; keys unique.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skip() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 } }
        mutating func atEnd() -> Bool { skip(); return i == bytes.count }

        mutating func expect(_ c: UInt8) -> Bool {
            skip()
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }

        mutating func string() -> Range<Int>? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                guard bytes[i] >= 0x20, bytes[i] != UInt8(ascii: "\\") else { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            i += 1
            return start..<(i - 1)
        }

        mutating func object(nested: Bool = false) -> [Pair]? {
            guard expect(UInt8(ascii: "{")) else { return nil }
            var pairs: [Pair] = []
            if expect(UInt8(ascii: "}")) { return pairs }
            repeat {
                guard let key = string(), expect(UInt8(ascii: ":")) else { return nil }
                for pair in pairs where pair.key.count == key.count && bytes[pair.key].elementsEqual(bytes[key]) { return nil }
                skip()
                guard i < bytes.count else { return nil }
                let value: Value
                switch bytes[i] {
                case UInt8(ascii: "\""): guard let s = string() else { return nil }; value = .string(s)
                case UInt8(ascii: "{") where !nested: guard let o = object(nested: true) else { return nil }; value = .object(o)
                case 48...57 where !nested:
                    let start = i
                    while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
                    value = .digits(start..<i)
                default: return nil
                }
                pairs.append(Pair(key: key, value: value))
            } while expect(UInt8(ascii: ","))
            return expect(UInt8(ascii: "}")) ? pairs : nil
        }
    }
}
