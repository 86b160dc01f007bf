/// The audit against two readers at once: everybody (``TableAuditor`` or ``LinkedAuditor``), and the
/// reader who entered some of the answers itself (``KnownAnswers``), whose targets are the parts of
/// cells, atoms and changes that answered alone (``AuditTarget/alone(_:)``).
///
/// The readers know different things, so each keeps its own model: a cell HR typed is protected
/// against everybody else, and the answers given alone against HR. Every cell that splits by answer
/// is a target of the second reader, withheld or not: a published figure minus what HR entered is
/// the part that answered alone, exactly, and must not be a small count.
struct TwoReaders<Everybody: SuppressionAuditor>: SuppressionAuditor {
    let everybody: Everybody
    let enteringReader: LinkedAuditor
    /// The table's cells that split by answer (``KnownAnswers/answerCells(of:)``).
    private let answerCells: [Int]

    init(everybody: Everybody, enteringReader: LinkedAuditor) {
        self.everybody = everybody
        self.enteringReader = enteringReader
        answerCells = KnownAnswers.answerCells(of: enteringReader.table)
    }

    var extraTargets: [AuditTarget] {
        everybody.extraTargets + answerCells.map { AuditTarget.alone(.cell($0)) } + enteringReader.extraTargets.map(AuditTarget.alone)
    }

    var linksReleases: Bool { true }

    func intervals(of targets: [AuditTarget], plan: SuppressionPlan) throws -> [FeasibleInterval] {
        try split(targets, everybody: { try everybody.intervals(of: $0, plan: plan) },
                  enteringReader: { try enteringReader.intervals(of: $0, plan: plan) })
    }

    func earlierOnlyIntervals(of targets: [AuditTarget]) throws -> [FeasibleInterval] {
        try split(targets, everybody: everybody.earlierOnlyIntervals(of:), enteringReader: enteringReader.earlierOnlyIntervals(of:))
    }

    func candidates(for target: AuditTarget, plan: SuppressionPlan) -> [Int] {
        if case .alone(let inner) = target { return enteringReader.candidates(for: inner, plan: plan) }
        return everybody.candidates(for: target, plan: plan)
    }

    func describe(_ target: AuditTarget) -> String {
        if case .alone(let inner) = target { return "the answers given alone in " + enteringReader.describe(inner) }
        return everybody.describe(target)
    }

    func screeningTargets(publishing cells: [Int]) -> [AuditTarget] {
        everybody.screeningTargets(publishing: cells) + Set(answerCells).intersection(cells).sorted().map { AuditTarget.alone(.cell($0)) }
            + enteringReader.screeningTargets(publishing: cells).map(AuditTarget.alone)
    }

    /// Asks each reader for its own targets and puts the intervals back in the order given.
    private func split(_ targets: [AuditTarget], everybody first: ([AuditTarget]) throws -> [FeasibleInterval],
                       enteringReader second: ([AuditTarget]) throws -> [FeasibleInterval]) throws -> [FeasibleInterval] {
        var own: [AuditTarget] = [], others: [AuditTarget] = [], isOwn: [Bool] = []
        for target in targets {
            if case .alone(let inner) = target { own.append(inner); isOwn.append(true) } else { others.append(target); isOwn.append(false) }
        }
        var firstIntervals = try others.isEmpty ? [] : first(others)
        var secondIntervals = try own.isEmpty ? [] : second(own)
        firstIntervals.reverse()
        secondIntervals.reverse()
        return isOwn.map { $0 ? secondIntervals.removeLast() : firstIntervals.removeLast() }
    }
}
