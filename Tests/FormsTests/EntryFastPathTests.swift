import Demo
import Foundation
import Testing
import TestSupport
@testable import Forms

/// The fast path may only accept what the strict path accepts, with the same result.
@Suite struct EntryFastPathTests {
    static let codes = EntryCodes(forms: [Repository.form], units: Repository.units)
    static let fast = EntryFastPath(codes: codes, validator: Repository.validator)

    /// The strict path's verdict as a coded entry, or nil when it refuses the line.
    static func strict(_ line: [UInt8]) -> CodedEntry? {
        (try? Repository.parser.entry(json: line)).map(codes.encode)
    }

    static func same(_ a: CodedEntry?, _ b: CodedEntry?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): x.form == y.form && x.period == y.period && x.codes == y.codes
        default: false
        }
    }

    @Test func plainLinesTakeTheFastPathWithTheStrictResult() throws {
        let demo = DemoAdministration(form: Repository.form, units: Repository.units, hires: 300, seed: 9, lastYear: 2025)
        var fastHits = 0
        for raw in demo.entries {
            var parts = ["\"unit\":\"\(raw.context["unit"]!)\"", "\"hired\":\"\(raw.context["hired"]!)\"",
                         "\"career_group\":\"\(raw.context["career_group"]!)\"", "\"employment\":\"\(raw.context["employment"]!)\""]
            parts.shuffle()
            let answers = raw.answers.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
            let line = Array("{\"context\":{\(parts.joined(separator: ","))}, \"form\":\"migration-background\",\"version\":1,\"answers\":{\(answers)}}".utf8)
            let fast = Self.fast.coded(line)
            if fast != nil { fastHits += 1 }
            #expect(Self.same(fast, Self.strict(line)))
        }
        #expect(fastHits == demo.entries.count)
    }

    /// Thousands of mutated lines: wherever the fast path answers, the strict path agrees.
    @Test func mutatedLinesNeverGetADifferentAnswer() {
        var rng = SplitMix64(seed: 77)
        let base = Array(Repository.exampleJSON.utf8)
        let inserts: [[UInt8]] = [Array("\\u0041".utf8), Array("\"x\":\"y\",".utf8), [0xC3, 0xA4], Array(",".utf8), Array("{".utf8),
                                  Array("\"unit\":\"10\",".utf8), Array(" ".utf8), Array("no_answer".utf8), Array("0".utf8), [0x09]]
        var fastAccepted = 0, disagreements: [String] = []
        for _ in 0..<5000 {
            var line = base
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let at = Int(rng.next() % UInt64(line.count))
                switch rng.next() % 3 {
                case 0: line.remove(at: at)
                case 1: line.insert(contentsOf: inserts[Int(rng.next() % UInt64(inserts.count))], at: at)
                default: line[at] = UInt8(32 + rng.next() % 95)
                }
            }
            let fast = Self.fast.coded(line)
            if fast != nil { fastAccepted += 1 }
            if fast != nil, !Self.same(fast, Self.strict(line)) { disagreements.append(String(decoding: line, as: UTF8.self)) }
        }
        #expect(disagreements == [])
        #expect(fastAccepted > 0)
    }
}

/// What a sealed field's code number means is one table per form version (``Codebook``): the strict
/// path, the fast path and the codebook agree on every code of every field of every version.
@Suite struct CodebookAgreementTests {
    static let forms = try! FormDirectory.load(Repository.formsDirectory).forms + [FormVariants.version2]
    static let validator = EntryValidator(forms: forms, units: Repository.units, latestYear: 2026)
    static let codes = EntryCodes(forms: forms, units: Repository.units)
    static let fast = EntryFastPath(codes: codes, validator: validator)

    /// The quarter of each month, written out rather than computed.
    static let quarters = ["Q1", "Q1", "Q1", "Q2", "Q2", "Q2", "Q3", "Q3", "Q3", "Q4", "Q4", "Q4"]

    @Test(arguments: 0..<forms.count)
    func everyCodeHasOneNumber(_ form: Int) throws {
        let codebook = Self.codes.codebooks[form]
        #expect(codebook.form.id == Self.forms[form].id && codebook.form.version == Self.forms[form].version)
        #expect(codebook.fields.map(\.name) == codebook.form.sealedFieldNames)
        // Each case: one field set to one value, every other field to its first code.
        var cases: [(field: Int, value: String, code: String)] = []
        for (index, field) in codebook.fields.enumerated() {
            if field.kind == .hiringQuarter {
                cases += (1...12).map { (index, String(format: "2025-%02d", $0), Self.quarters[$0 - 1]) }
            } else {
                cases += field.codes.map { (index, $0, $0) }
            }
        }
        for (index, value, code) in cases {
            let context = codebook.contextFields.enumerated().map { i, field in
                "\"\(field.key)\":\"\(i == index ? value : field.kind == .hiringQuarter ? "2025-01" : field.codes[0])\""
            }
            let answers = codebook.itemFields.enumerated().map { i, field in
                "\"\(field.key)\":\"\(i + codebook.contextFields.count == index ? value : field.codes[0])\""
            }
            let line = Array(#"{"form":"\#(codebook.form.id)","version":\#(codebook.form.version),"context":{\#(context.joined(separator: ","))},"answers":{\#(answers.joined(separator: ","))}}"#.utf8)
            let entry = try EntryParser(validator: Self.validator).entry(json: line)
            let strict = Self.codes.encode(entry)
            let number = try #require(codebook.fields[index].number(code))
            #expect(Int(strict.form) == form && Int(strict.codes[index]) == number, "\(codebook.fields[index].name) \(value)")
            #expect(entry.sealedValues[index] == code)
            #expect(Self.codes.sealedValues(strict) == entry.sealedValues)
            #expect(EntryFastPathTests.same(Self.fast.coded(line), strict), "\(codebook.fields[index].name) \(value)")
        }
    }
}
