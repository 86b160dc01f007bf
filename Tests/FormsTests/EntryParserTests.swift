import Foundation
import Testing
@testable import Forms

@Suite struct EntryParserTests {
    @Test func aValidEntryIsReducedToYearQuarterAndCodes() throws {
        let entry = try Fixtures.parser.entry(json: Array(Fixtures.validJSON.utf8))
        #expect(entry == Entry(formID: "migration-background", formVersion: 1, period: 2025,
                               contextValues: ["51", "Q1", "gehoben", "regular"],
                               answers: ["no", "not_german", "no_answer", "no_answer", "yes", "no_answer"]))
    }

    static func replacing(_ old: String, _ new: String) -> [UInt8] {
        Array(Fixtures.validJSON.replacingOccurrences(of: old, with: new).utf8)
    }

    /// Each bad input: the field (or nil) the error must name, and a word its message must contain.
    @Test(arguments: [
        (Array("{\"form\":".utf8), nil, "malformed JSON"),
        (Array("[]".utf8), nil, "JSON object"),
        (replacing(#""version":1"#, #""version":1,"form":"x""#), "form", "twice"),
        (replacing(#""unit":"51""#, #""unit":"51","unit":"10""#), "unit", "twice"),
        (replacing("migration-background", "salary-survey"), "form", "unknown form"),
        (replacing(#""version":1"#, #""version":7"#), "version", "unknown version"),
        (replacing(#""version":1"#, #""version":"1""#), "version", "wrong type"),
        (replacing(#""unit":"51""#, #""unit":"99""#), "unit", "unknown org unit"),
        (replacing(#""unit":"51","#, ""), "unit", "missing"),
        (replacing("2025-03", "2025-13"), "hired", "YYYY-MM"),
        (replacing("2025-03", "1999-03"), "hired", "between"),
        (replacing("2025-03", "2025-03-14"), "hired", "YYYY-MM"),
        (replacing("2025-03", "2025-+3"), "hired", "YYYY-MM"),
        (replacing("gehoben", "E11"), "career_group", "unknown code"),
        (replacing(#""citizenship":"not_german""#, #""citizenship":"syrian""#), "citizenship", "unknown answer code"),
        (replacing(#""born_in_germany":"no""#, #""born_in_germany":true"#), "born_in_germany", "text code"),
        (replacing(#""born_in_germany":"no""#, #""name":"Erika Mustermann""#), "name", "unknown item"),
        (replacing(#""form":"#, #""personnel_number":"4711","form":"#), "personnel_number", "unknown key"),
        (replacing(#""employment":"regular""#, #""employment":"regular","birthday":"1990-01-01""#), "birthday", "unknown context field"),
        (replacing("gehoben", String(repeating: "x", count: 70_000)), nil, "larger than"),
        (Array(Fixtures.validJSON.utf8.dropLast(2)) + [0xC3, 0x28, 0x7D, 0x7D], nil, "UTF-8"),
    ] as [([UInt8], String?, String)])
    func badEntriesNameTheField(_ bytes: [UInt8], _ field: String?, _ words: String) {
        do {
            _ = try Fixtures.parser.entry(json: bytes)
            Issue.record("accepted a bad entry")
        } catch let error as InputError {
            #expect(error.field == field, "\(error)")
            #expect(error.english.contains(words), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func errorsNeverQuoteTheSubmittedValue() {
        let bytes = Self.replacing(#""citizenship":"not_german""#, #""citizenship":"syrisch""#)
        #expect(throws: InputError.self) { try Fixtures.parser.entry(json: bytes) }
        do { _ = try Fixtures.parser.entry(json: bytes) } catch {
            #expect(!"\(error)".contains("syrisch"))
        }
    }

    @Test func jsonLinesAreReadWithLineNumbers() throws {
        let lines = [Fixtures.validJSON, "", Fixtures.validJSON.replacingOccurrences(of: "gehoben", with: "E11")]
        let url = try Fixtures.temporaryFile("in.jsonl", Array(lines.joined(separator: "\n").utf8))
        var seen = 0
        do {
            try Fixtures.parser.forEachEntry(in: url) { _ in seen += 1 }
            Issue.record("accepted a bad line")
        } catch let error as InputError {
            #expect(error.description == "in.jsonl:3, field 'career_group': unknown code (allowed: einfach, mittel, gehoben, hoeher)")
        }
        #expect(seen == 1)
    }

    @Test func germanExcelCSVWithBOMAndEmptyCellsIsRead() throws {
        let csv = "\u{FEFF}form;version;unit;hired;career_group;employment;born_in_germany;citizenship\r\n"
            + "migration-background;1;51;2024-11;mittel;trainee;yes;\r\n"
            + "\"migration-background\";1;\"10\";2023-01;hoeher;regular;;not_german\r\n"
        let url = try Fixtures.temporaryFile("in.csv", Array(csv.utf8))
        var entries: [Entry] = []
        try Fixtures.parser.forEachEntry(in: url) { entries.append($0) }
        #expect(entries.map(\.period) == [2024, 2023])
        #expect(entries[0].contextValues == ["51", "Q4", "mittel", "trainee"])
        #expect(entries[0].answers == ["yes", "no_answer", "no_answer", "no_answer", "no_answer", "no_answer"])
        #expect(entries[1].answers[0...1] == ["no_answer", "not_german"])
    }

    @Test(arguments: [
        ("form,version,unit\nmigration-background,1\n", 2, nil as String?, "expected 3 columns"),
        ("form,version,unit,unit\n", 1, nil, "appears twice"),
        ("version,unit\n", 1, "form", "missing"),
        ("form,version,unit,hired,career_group,employment,shoe_size\nmigration-background,1,51,2024-01,mittel,regular,42\n", 2, "shoe_size", "unknown column"),
        ("form,version,unit,hired,career_group,employment\nmigration-background,1,\"51,2024-01,mittel,regular\n", 2, nil, "unterminated quote"),
        ("form,version,unit,hired,career_group,employment\nmigration-background,x,51,2024-01,mittel,regular\n", 2, "version", "whole number"),
    ])
    func badCSVNamesLineAndColumn(_ csv: String, _ line: Int, _ field: String?, _ words: String) throws {
        let url = try Fixtures.temporaryFile("bad.csv", Array(csv.utf8))
        do {
            try Fixtures.parser.forEachEntry(in: url) { _ in }
            Issue.record("accepted bad CSV")
        } catch let error as InputError {
            #expect(error.file == "bad.csv")
            #expect(error.line == line, "\(error)")
            #expect(error.field == field, "\(error)")
            #expect(error.english.contains(words), "\(error)")
        }
    }

    @Test func aHundredMegabyteLineIsRefusedWithoutReadingItWhole() throws {
        var bytes = Array(Fixtures.validJSON.utf8) + [0x0A]
        bytes += [UInt8](repeating: 0x20, count: 100 * 1024 * 1024)
        let url = try Fixtures.temporaryFile("huge.jsonl", bytes)
        do {
            try Fixtures.parser.forEachEntry(in: url) { _ in }
            Issue.record("accepted a 100 MB line")
        } catch let error as InputError {
            #expect(error.description == "huge.jsonl:2: line is longer than 65536 bytes")
        }
    }

    @Test func unknownFileTypesAreRefused() throws {
        let url = try Fixtures.temporaryFile("in.xlsx", [0x50, 0x4B])
        #expect(throws: InputError.self) { try Fixtures.parser.forEachEntry(in: url) { _ in } }
    }

    @Test func jsonStringEscapesJoinSurrogatePairsAndRefuseLoneOnes() throws {
        var index = 1, out: [UInt8] = []
        try JSONStringBody.read(Array(#""a\u00e4\ud83d\ude00\n""#.utf8), at: &index, into: &out)
        #expect(out == Array("aä😀\n".utf8))
        #expect(index == 23)
        try StrictJSON.check(Array(#"{"unit":"\ud83d\ude00"}"#.utf8))
        for bad in [#"{"unit":"\ud800"}"#, #"{"unit":"\ude00\ud83d"}"#, #"{"unit":"\ud83dx"}"#, #"{"unit":"\u12g4"}"#, #"{"unit":"\q"}"#] {
            #expect(throws: InputError.self, "\(bad)") { try StrictJSON.check(Array(bad.utf8)) }
        }
        do {
            try StrictJSON.check(Array(#"{"unit":"\ud800"}"#.utf8))
        } catch let error as InputError {
            #expect(error.english == "malformed JSON at byte 12: unpaired surrogate in a \\u escape")
        }
    }
}
