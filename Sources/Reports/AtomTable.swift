import Forms

/// The codes along an atom table's axes but the year, merged over every version of the report form
/// (``Forms/ReportForm``): the same for every year, so that every version's rows count into them.
struct AtomAxes: Sendable, Equatable {
    let units: [String], careerGroups: [String], employments: [String]
    /// The indicator's categories, without ``AtomTable/declined``.
    let categories: [String]

    init(form: ReportForm, units: OrgUnits) {
        self.units = units.codes
        careerGroups = form.choices("career_group").map(\.code)
        employments = form.choices("employment").map(\.code)
        categories = form.indicator.categoryCodes
    }
}

/// Counts of the finest cross-classification a report can use: year × unit × career group ×
/// employment × indicator category (with `declined` as one more category).
///
/// The only thing the decryption of a report run keeps: numbers of people, never a person. Every
/// table of the run is a sum of these atoms. Each atom also carries the sum of its members' record
/// keys (modulo 2³²) for the Cell Key Method.
public struct AtomTable: Sendable, Equatable {
    public let years: [Int]
    public let units: [String]
    public let careerGroups: [String]
    public let employments: [String]
    /// The indicator's categories followed by `declined`.
    public let categories: [String]
    var counts: [Int]
    var keySums: [UInt32]
    /// Per year, the highest entry epoch of rows that every release covering the year counted;
    /// rows entered later are counted into ``entered`` too.
    let baseEpochs: [Int]
    /// Rows entered after the first release that covered their year, by context and entry epoch:
    /// numbers of people for disclosure control, never an answer.
    var entered: [Entered: Int] = [:]
    /// Only when the run models HR as a reader (``ReportDecryptor/aggregate(data:keystore:unlocked:periods:template:withRecordKeys:sources:)``):
    /// rows HR typed, by context, answers and entry epoch, and rows the respondents typed, by context
    /// and entry epoch (epoch 0 for the base). Numbers of people, never one person.
    var typedByHR: [TypedByHR: Int] = [:]
    var typedAlone: [Entered: Int] = [:]

    /// A context and entry epoch, and the answers as the form version's combination number
    /// (``RecordDecoder/categoryTable`` order); `nil` for a decline.
    struct TypedByHR: Hashable, Sendable {
        let context: Entered
        let version: Int
        let answers: Int?
    }

    /// A context and an entry epoch (code indices as in ``index(year:unit:career:employment:category:)``).
    struct Entered: Hashable, Sendable {
        let year: Int, unit: Int, career: Int, employment: Int, epoch: Int
    }

    public static let declined = "declined"

    init(years: [Int], axes: AtomAxes, baseEpochs: [Int]? = nil) {
        self.baseEpochs = baseEpochs ?? years.map { _ in Int.max }
        self.years = years
        units = axes.units
        careerGroups = axes.careerGroups
        employments = axes.employments
        categories = axes.categories + [Self.declined]
        let size = years.count * units.count * careerGroups.count * employments.count * self.categories.count
        counts = Array(repeating: 0, count: size)
        keySums = Array(repeating: 0, count: size)
    }

    /// Index of an atom from the indices of its codes.
    func index(year: Int, unit: Int, career: Int, employment: Int, category: Int) -> Int {
        (((year * units.count + unit) * careerGroups.count + career) * employments.count + employment) * categories.count + category
    }

    mutating func add(_ atom: Int, recordKey: UInt32) {
        counts[atom] += 1
        keySums[atom] &+= recordKey
    }

    mutating func merge(_ other: AtomTable) {
        for i in counts.indices {
            counts[i] += other.counts[i]
            keySums[i] &+= other.keySums[i]
        }
        entered.merge(other.entered, uniquingKeysWith: +)
        typedByHR.merge(other.typedByHR, uniquingKeysWith: +)
        typedAlone.merge(other.typedAlone, uniquingKeysWith: +)
    }

    /// Calls `body` with the codes, count and key sum of every non-empty atom.
    func forEachAtom(_ body: (_ year: Int, _ unit: String, _ career: String, _ employment: String, _ category: String,
                              _ count: Int, _ keySum: UInt32) -> Void) {
        var i = 0
        for y in years { for u in units { for c in careerGroups { for e in employments { for k in categories {
            if counts[i] > 0 { body(y, u, c, e, k, counts[i], keySums[i]) }
            i += 1
        } } } } }
    }
}
