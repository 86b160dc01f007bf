import Testing
@testable import Disclosure

/// The quick per-variable look-ups the linked audit's set-up uses say what the whole code
/// dictionary says, on random released domains.
@Suite("Domain atoms: codes of one variable and class keys")
struct DomainAtomsTests {
    @Test(arguments: 0..<3)
    func oneVariableAndKeysAgreeWithTheWholeCodes(batch: Int) {
        var generator = SplitMix64(seed: 0xA70_0000 + UInt64(batch))
        let variables = ["unit", "career_group", "year", "migration_background"]
        let codes = ["a", "b", "c", "d", "e"]
        for _ in 0..<40 {
            let domains = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                CellDomain(Dictionary(uniqueKeysWithValues: variables.filter { _ in Bool.random(using: &generator) }.map { variable in
                    (variable, Set(codes.shuffled(using: &generator).prefix(Int.random(in: 1...4, using: &generator))))
                }))
            }
            let atoms = DomainAtoms(domains: domains, universe: ["year": ["a", "b", "c", "d", "e", "f"]])
            let ignoring = Set(variables.filter { _ in Bool.random(using: &generator) })
            var atomOfKey: [Int: [String: [String]]] = [:]
            for atom in 0..<atoms.atomCount {
                let whole = atoms.codes(of: atom)
                for variable in variables + ["employment"] {
                    #expect(atoms.codes(of: atom, variable) == whole[variable])
                }
                let kept = whole.filter { !ignoring.contains($0.key) }
                let key = atoms.key(of: atom, ignoring: ignoring)
                if let other = atomOfKey[key] { #expect(other == kept, "one key, two classes") }
                atomOfKey[key] = kept
            }
            // Different classes, different keys.
            #expect(Set(atomOfKey.values).count == atomOfKey.count)
            let classes = Set((0..<atoms.atomCount).map { atoms.codes(of: $0).filter { !ignoring.contains($0.key) } })
            #expect(classes.count == atomOfKey.count)
        }
    }
}
