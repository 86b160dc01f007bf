import Testing
import TestSupport
@testable import Disclosure

/// Threat model 5: the indicators are one population. Releases of two indicators derived from the
/// same answers, read together by a reader who knows which combinations a person can have.
@Suite("Indicators derived from the same answers")
struct DerivationRulesTests {
    /// A foreign national always has a migration background; a decline declines both.
    static let allowed: Set<[String: String]> = [
        ["mh": "yes", "fn": "yes"], ["mh": "yes", "fn": "no"], ["mh": "no", "fn": "no"], ["mh": "yes", "fn": "nd"],
        ["mh": "nd", "fn": "no"], ["mh": "nd", "fn": "nd"], ["mh": "declined", "fn": "declined"]]
    static let universe: [String: Set<String>] = ["unit": ["10", "11", "20", "21"], "mh": ["yes", "no", "nd", "declined"],
                                                   "fn": ["yes", "no", "nd", "declined"]]

    static func table(_ people: [(unit: String, answers: [String: String])], indicator: String, byUnit: Bool) throws -> CountTable {
        let category = try TableDimension.categories(indicator, codes: ["yes", "no", "nd", "declined"], nonInformative: ["nd", "declined"])
        var counts: [[String]: Int] = [:]
        for person in people { counts[(byUnit ? [person.unit] : []) + [person.answers[indicator]!], default: 0] += 1 }
        return try CountTable(dimensions: (byUnit ? [try units()] : []) + [category], counts: counts)
    }

    @Test(arguments: 0..<8)
    func releasesOfTwoIndicatorsRevealNothingTogether(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) &+ 4242)
        let combinations = Self.allowed.sorted { $0.description < $1.description }
        let people = (0..<Int.random(in: 20...50, using: &generator)).map { _ in
            (unit: ["10", "11", "20", "21"].randomElement(using: &generator)!, answers: combinations.randomElement(using: &generator)!)
        }
        var released: [[ReleasedCell]] = []
        for (release, indicator) in ["mh", "fn", "mh", "fn"].enumerated() {
            let protected = try protect(try Self.table(people, indicator: indicator, byUnit: release < 2 || Bool.random(using: &generator)),
                                        earlier: released.flatMap { $0 }, universe: Self.universe,
                                        rules: DerivationRules(allowed: Self.allowed))
            released.append(protected.releasedCells.map { var cell = $0; cell.release = release; return cell })
            for exposure in Reader.exposures(released, changes: .none, universe: Self.universe, answers: (indicator, []),
                                             rules: Self.allowed) {
                Issue.record(Comment(rawValue: exposure))
            }
        }
    }

    @Test func theFormsRulesAreWhatTheReaderKnows() {
        let rules = DerivationRules(allowed: Self.allowed)
        #expect(rules.admits(["mh": ["yes"], "fn": ["yes"]]))
        #expect(!rules.admits(["mh": ["no"], "fn": ["yes"]]))
        #expect(!rules.admits(["mh": ["declined"], "fn": ["no"]]))
        #expect(rules.admits(["mh": ["no"], "unit": ["10"]]), "one indicator alone is never constrained")
    }
}
