import Forms

/// A reproducible synthetic administration for trying Vielfalt: hires over six years, with declines.
///
/// Units differ in size (the fire brigade and youth office hire often, the audit office rarely), so
/// reports show realistic small cells. The share with a migration background rises over the years
/// so that the trend report has something to show. Same seed, same population, on every machine.
public struct DemoAdministration: Sendable {
    public let entries: [RawEntry]
    public let declines: [RawEntry]

    /// - Parameters:
    ///   - hires: approximate number of people asked over all years (declines included).
    ///   - lastYear: the last hiring year; the population covers `lastYear-5 ... lastYear`.
    public init(form: FormDefinition, units: OrgUnits, hires: Int, seed: UInt64, lastYear: Int) {
        var rng = SplitMix64(seed: seed)
        let years = Array((lastYear - 5)...lastYear)
        let unitWeights = units.units.enumerated().map { index, _ in Double([9, 4, 1, 1, 3, 2, 2, 6, 5, 12, 5, 2, 6, 10, 4, 3, 2, 4, 3, 2][index % 20]) }
        var entries: [RawEntry] = []
        var declines: [RawEntry] = []
        for index in 0..<hires {
            let yearIndex = index * years.count / max(hires, 1)
            let year = years[yearIndex]
            let unit = units.units[rng.pick(weights: unitWeights)].code
            let trainee = rng.chance(0.15)
            let career = trainee ? ["mittel", "gehoben"][rng.pick(weights: [2, 1])]
                                 : ["einfach", "mittel", "gehoben", "hoeher"][rng.pick(weights: [1, 3.5, 4, 1.5])]
            let month = 1 + Int(rng.next() % 12)
            let context = ["unit": unit, "hired": "\(year)-\(month < 10 ? "0" : "")\(month)",
                           "career_group": career, "employment": trainee ? "trainee" : "regular"]
            if rng.chance(0.14) {
                declines.append(RawEntry(form: form.id, version: form.version, context: context, answers: [:]))
                continue
            }
            let trend = Double(yearIndex) / Double(years.count - 1)
            entries.append(RawEntry(form: form.id, version: form.version, context: context,
                                    answers: Self.answers(&rng, migrantShare: 0.12 + 0.08 * trend)))
        }
        self.entries = entries
        self.declines = declines
    }

    private static func answers(_ rng: inout SplitMix64, migrantShare: Double) -> [String: String] {
        var a: [String: String]
        let kind = rng.chance(migrantShare) ? rng.pick(weights: [5, 2, 2, 1.5]) : 4
        switch kind {
        case 0: // immigrated themselves
            a = ["born_in_germany": "no", "citizenship": ["not_german", "german_naturalised", "german_aussiedler"][rng.pick(weights: [4, 4, 1])],
                 "parent_a_german_by_birth": "no", "parent_b_german_by_birth": "no",
                 "parent_a_immigrated": "yes", "parent_b_immigrated": "yes"]
        case 1: // born here, both parents immigrated
            a = ["born_in_germany": "yes", "citizenship": ["german_by_birth", "german_naturalised", "not_german"][rng.pick(weights: [3, 3, 1])],
                 "parent_a_german_by_birth": "no", "parent_b_german_by_birth": "no",
                 "parent_a_immigrated": "yes", "parent_b_immigrated": "yes"]
        case 2: // one parent immigrated
            a = ["born_in_germany": "yes", "citizenship": "german_by_birth",
                 "parent_a_german_by_birth": "no", "parent_b_german_by_birth": "yes",
                 "parent_a_immigrated": "yes", "parent_b_immigrated": "no"]
        case 3: // parents German by naturalisation, did not immigrate since 1950 (e.g. expellee families)
            a = ["born_in_germany": "yes", "citizenship": "german_by_birth",
                 "parent_a_german_by_birth": "no", "parent_b_german_by_birth": "yes",
                 "parent_a_immigrated": "no", "parent_b_immigrated": "no"]
        default:
            a = ["born_in_germany": "yes", "citizenship": "german_by_birth",
                 "parent_a_german_by_birth": "yes", "parent_b_german_by_birth": "yes",
                 "parent_a_immigrated": "no", "parent_b_immigrated": "no"]
        }
        for key in Array(a.keys).sorted() {
            if rng.chance(0.04) { a[key] = FormDefinition.noAnswer }
            else if key.hasPrefix("parent"), rng.chance(0.03) { a[key] = "unknown" }
        }
        if rng.chance(0.02) { a.removeValue(forKey: "parent_b_immigrated") }
        return a
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same sequence everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick(weights: [Double]) -> Int {
        var x = unit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }
}
