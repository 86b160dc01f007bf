/// The common refinement of many cell domains: the atoms every one of them is a union of.
///
/// Per variable, the codes — those of `universe` and every code any domain lists — are grouped into
/// classes by which of the domains' code sets contain them; an atom is one class per variable, and
/// a domain without the variable covers all classes. Atoms no domain covers are dropped.
///
/// Codes nobody lists are taken not to exist. That is the contract of ``TableDimension`` (a
/// dimension lists every code of its variable) and it errs on the safe side: it can only give the
/// attacker *more* knowledge. Where it is false — a table without a variable covers people whose
/// code no release lists — the figures contradict each other and the audit reports
/// ``DisclosureError/inconsistentReleases(_:)``; pass the variable's full code list as `universe`.
struct DomainAtoms {
    let atomCount: Int
    /// The atoms of each domain, in the order given.
    let atoms: [[Int]]
    private let variables: [String]
    /// Per variable, the codes of each class.
    private let classCodes: [[[String]]]
    /// Per variable, the class of each code.
    private let classOfCode: [[String: Int]]
    /// Per variable, its number of classes: the radix of the uncompacted ids.
    private let radix: [Int]
    /// The uncompacted id (mixed radix over classes) of each atom.
    private let originalIDs: [Int]
    private let atomOfOriginalID: AtomNumbers

    /// - Parameter arrayLimit: the largest id space whose atom numbers an array holds
    ///   (``AtomNumbers``); tests lower it to compare with the dictionary.
    init(domains: [CellDomain], universe: [String: Set<String>] = [:], arrayLimit: Int = AtomNumbers.arrayLimit) {
        let variables = Set(domains.flatMap(\.restrictions.keys)).sorted()
        var classesOfSet: [[Set<String>: [Int]]] = []
        var classCodes: [[[String]]] = []
        var classOfCodes: [[String: Int]] = []
        for variable in variables {
            let sets = Array(Set(domains.compactMap { $0.restrictions[variable] }))
            let codes = sets.reduce(into: universe[variable] ?? []) { $0.formUnion($1) }.sorted()
            var classOfSignature: [[Int]: Int] = [:]
            var classes: [[String]] = []
            var classOfCode: [String: Int] = [:]
            for code in codes {
                let signature = sets.indices.filter { sets[$0].contains(code) }
                let id = classOfSignature[signature] ?? classes.count
                if id == classes.count { classes.append([]) }
                classOfSignature[signature] = id
                classes[id].append(code)
                classOfCode[code] = id
            }
            classCodes.append(classes)
            classOfCodes.append(classOfCode)
            classesOfSet.append(Dictionary(uniqueKeysWithValues: sets.map { set in
                (set, Array(Set(set.map { classOfCode[$0]! })).sorted())
            }))
        }
        let radix = classCodes.map(\.count)
        var compact = AtomNumbers(space: radix, arrayLimit: arrayLimit)
        var originalIDs: [Int] = []
        atoms = domains.map { domain in
            let ids = Self.ids(variables.indices.map { index in
                domain.restrictions[variables[index]].map { classesOfSet[index][$0]! } ?? Array(0..<classCodes[index].count)
            }, radix: radix)
            return ids.map { id in
                if let existing = compact[id] { return existing }
                compact[id] = originalIDs.count
                originalIDs.append(id)
                return originalIDs.count - 1
            }.sorted()
        }
        atomCount = originalIDs.count
        self.variables = variables
        self.classCodes = classCodes
        self.classOfCode = classOfCodes
        self.radix = radix
        self.originalIDs = originalIDs
        atomOfOriginalID = compact
    }

    /// Atom numbers by uncompacted id. The id space is the product of the class counts, on a city's
    /// monitoring some twenty thousand ids, nearly all of them atoms: an array over it then, where
    /// a dictionary's hashing was most of the refinement's time (0.13 s of the second indicator's
    /// set-up over 2,250 cells); a dictionary when the space is larger.
    struct AtomNumbers {
        /// Four MiB of numbers at most, filled anew for every audit's set-up.
        static let arrayLimit = 1 << 20
        private var array: [Int32]?
        private var dictionary: [Int: Int] = [:]

        init(space radix: [Int], arrayLimit: Int) {
            var space = 1, overflow = false
            for count in radix where !overflow { (space, overflow) = space.multipliedReportingOverflow(by: count) }
            array = overflow || space > arrayLimit ? nil : [Int32](repeating: -1, count: space)
        }

        subscript(id: Int) -> Int? {
            get {
                guard let array else { return dictionary[id] }
                return array[id] < 0 ? nil : Int(array[id])
            }
            set {
                if array != nil { array![id] = Int32(newValue ?? -1) } else { dictionary[id] = newValue }
            }
        }
    }

    /// The atoms of a domain that took no part in the refinement: per variable, every class holding
    /// one of its codes (variables the atoms do not distinguish are ignored). Exact for a domain that
    /// names one code per variable, such as the context of a changed person: its atoms are those of
    /// the one class that holds the code.
    func atoms(covering domain: CellDomain) -> [Int] {
        let ids = Self.ids(variables.indices.map { index in
            domain.restrictions[variables[index]].map { codes in
                Array(Set(codes.compactMap { classOfCode[index][$0] })).sorted()
            } ?? Array(0..<classCodes[index].count)
        }, radix: radix)
        return ids.compactMap { atomOfOriginalID[$0] }.sorted()
    }

    /// The uncompacted ids of the atoms with one of `classes[index]` in each variable, ascending
    /// (mixed radix, the first variable the most significant).
    private static func ids(_ classes: [[Int]], radix: [Int]) -> [Int] {
        var ids = [0]
        for (index, choice) in classes.enumerated() {
            var next: [Int] = []
            next.reserveCapacity(ids.count * choice.count)
            for base in ids {
                for id in choice { next.append(base * radix[index] + id) }
            }
            ids = next
        }
        return ids
    }

    /// The codes of each variable that `atom` covers.
    func codes(of atom: Int) -> [String: [String]] {
        var id = originalIDs[atom]
        var result: [String: [String]] = [:]
        for index in variables.indices.reversed() {
            let count = classCodes[index].count
            result[variables[index]] = classCodes[index][id % count]
            id /= count
        }
        return result
    }

    /// The codes `atom` covers in `variable`: ``codes(of:)`` for one variable, without building
    /// the whole dictionary (the linked audit asks this of every atom, often several times).
    func codes(of atom: Int, _ variable: String) -> [String]? {
        guard let index = variables.firstIndex(of: variable) else { return nil }
        var id = originalIDs[atom]
        for later in variables.indices.reversed() where later > index { id /= classCodes[later].count }
        return classCodes[index][id % classCodes[index].count]
    }

    /// A number shared by exactly the atoms that cover the same codes in every variable but
    /// `ignoring`: the atom's classes with those variables' left out.
    func key(of atom: Int, ignoring: Set<String>) -> Int {
        var id = originalIDs[atom], key = 0, scale = 1
        for index in variables.indices.reversed() {
            let count = classCodes[index].count
            if !ignoring.contains(variables[index]) {
                key += (id % count) * scale
                scale *= count
            }
            id /= count
        }
        return key
    }

    /// Reads like `career_group ∈ {B}, unit ∈ {10}`.
    func describe(atom: Int) -> String {
        var id = originalIDs[atom]
        var parts: [String] = []
        for index in variables.indices.reversed() {
            let count = classCodes[index].count
            parts.append("\(variables[index]) ∈ {\(classCodes[index][id % count].joined(separator: ", "))}")
            id /= count
        }
        return parts.reversed().joined(separator: ", ")
    }
}

