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

    /// Atoms are numbered the same, in order of first appearance, whether their numbers sit in an
    /// array over the id space (a city's monitoring) or in a dictionary (a space too large to hold):
    /// each domain's atoms are the atoms covering it, and each atom's codes lie in every domain
    /// that holds it.
    @Test(arguments: [4, 40])
    func atomsAreThoseCoveringEachDomainWhateverTheSpace(codeCount: Int) {
        var generator = SplitMix64(seed: 0xA70_1000 + UInt64(codeCount))
        let variables = ["unit", "career_group", "year", "employment", "migration_background"]
        let codes = (0..<codeCount).map { "c\($0)" }
        // With 40 codes per variable, 60 domains split each variable into up to 40 classes: a space
        // of up to 40⁵ ids, far beyond an array's, of which the domains cover a few thousand.
        let domains = (0..<60).map { _ in
            CellDomain(Dictionary(uniqueKeysWithValues: variables.map { variable in
                (variable, Set(codes.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator))))
            }))
        }
        let universe = Dictionary(uniqueKeysWithValues: variables.map { ($0, Set(codes)) })
        let atoms = DomainAtoms(domains: domains, universe: universe)
        let inDictionary = DomainAtoms(domains: domains, universe: universe, arrayLimit: 0)
        #expect(inDictionary.atoms == atoms.atoms)
        var seen = Set<Int>()
        for (index, domain) in domains.enumerated() {
            #expect(atoms.atoms[index] == atoms.atoms(covering: domain))
            #expect(inDictionary.atoms(covering: domain) == atoms.atoms[index])
            #expect(atoms.atoms[index] == atoms.atoms[index].sorted())
            // First appearance: a domain's new atoms follow every atom an earlier domain held.
            let new = atoms.atoms[index].filter { !seen.contains($0) }
            #expect(new == Array(seen.count..<(seen.count + new.count)))
            seen.formUnion(new)
            for atom in atoms.atoms[index].prefix(50) {
                for (variable, allowed) in domain.restrictions {
                    #expect(atoms.codes(of: atom, variable)?.allSatisfy(allowed.contains) == true)
                }
            }
        }
        #expect(atoms.atomCount == seen.count)
    }
}
