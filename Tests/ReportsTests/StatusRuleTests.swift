import Testing
@testable import Reports

/// The status rule as a table: each status, and the edges the council asks about.
@Suite struct StatusRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let shares: [Int: Double]
        let latestYear: Int
        let target: MonitoringGoal.Target?
        let tolerance: Double
        let expected: GoalStatus
        let year: Int?
        var baseline = 2020
        var testDescription: String { name }
    }

    static let target = MonitoringGoal.Target(share: 0.25, year: 2030)

    static let cases: [Case] = [
        Case(name: "reached on time", shares: [2020: 0.15, 2030: 0.25], latestYear: 2030, target: target, tolerance: 0, expected: .reached, year: 2030),
        Case(name: "reached early", shares: [2020: 0.15, 2023: 0.26], latestYear: 2023, target: target, tolerance: 0, expected: .reached, year: 2023),
        // The line asks for 15 + 10 × 3/10 = 18 % in 2023.
        Case(name: "on the line exactly", shares: [2020: 0.15, 2023: 0.18], latestYear: 2023, target: target, tolerance: 0, expected: .onTrack, year: 2023),
        Case(name: "ahead of the line", shares: [2020: 0.15, 2023: 0.20], latestYear: 2023, target: target, tolerance: 0, expected: .onTrack, year: 2023),
        Case(name: "just behind the line", shares: [2020: 0.15, 2023: 0.179], latestYear: 2023, target: target, tolerance: 0, expected: .offTrack, year: 2023),
        Case(name: "behind, within the tolerance", shares: [2020: 0.15, 2023: 0.171], latestYear: 2023, target: target, tolerance: 1, expected: .onTrack, year: 2023),
        Case(name: "behind, beyond the tolerance", shares: [2020: 0.15, 2023: 0.169], latestYear: 2023, target: target, tolerance: 1, expected: .offTrack, year: 2023),
        Case(name: "a falling share", shares: [2020: 0.15, 2021: 0.17, 2022: 0.12], latestYear: 2022, target: target, tolerance: 0, expected: .offTrack, year: 2022),
        Case(name: "the latest year without a figure: the year before counts", shares: [2020: 0.15, 2022: 0.20], latestYear: 2023, target: target,
             tolerance: 0, expected: .onTrack, year: 2022),
        Case(name: "no year after the baseline with a figure", shares: [2020: 0.15], latestYear: 2023, target: target, tolerance: 0,
             expected: .noFigure, year: nil),
        Case(name: "the baseline without a figure", shares: [2021: 0.2, 2022: 0.22], latestYear: 2022, target: target, tolerance: 0,
             expected: .noFigure, year: nil),
        Case(name: "the baseline year alone", shares: [2020: 0.15], latestYear: 2020, target: target, tolerance: 0, expected: .baselineOnly, year: 2020),
        Case(name: "no target", shares: [2020: 0.15, 2022: 0.10], latestYear: 2022, target: nil, tolerance: 0, expected: .noTarget, year: 2022),
        Case(name: "target year passed, not reached", shares: [2020: 0.15, 2032: 0.24], latestYear: 2032, target: target, tolerance: 0,
             expected: .offTrack, year: 2032),
        // A goal to lower a share (e.g. of one group among the declines): the line runs downwards.
        Case(name: "a falling target: on track", shares: [2020: 0.30, 2025: 0.24], latestYear: 2025, target: .init(share: 0.20, year: 2030),
             tolerance: 0, expected: .onTrack, year: 2025),
        Case(name: "a falling target: off track", shares: [2020: 0.30, 2025: 0.27], latestYear: 2025, target: .init(share: 0.20, year: 2030),
             tolerance: 0, expected: .offTrack, year: 2025),
        Case(name: "a falling target: reached", shares: [2020: 0.30, 2025: 0.19], latestYear: 2025, target: .init(share: 0.20, year: 2030),
             tolerance: 0, expected: .reached, year: 2025),
        // A baseline of `first` that moved past an absolute target year asks for the target at once.
        Case(name: "target year not after the baseline", shares: [2030: 0.15, 2031: 0.2], latestYear: 2031, target: target, tolerance: 0,
             expected: .offTrack, year: 2031, baseline: 2030),
    ]

    @Test(arguments: cases) func status(_ c: Case) {
        let outcome = StatusRule(tolerancePoints: c.tolerance).outcome(shares: c.shares, baselineYear: c.baseline, latestYear: c.latestYear,
                                                                        target: c.target)
        #expect(outcome.status == c.expected)
        #expect(outcome.year == c.year)
    }

    @Test func theLineAsksForItsShareInTheYearOfTheStatus() {
        let outcome = StatusRule().outcome(shares: [2020: 0.15, 2023: 0.2], baselineYear: 2020, latestYear: 2023, target: Self.target)
        #expect(abs((outcome.required ?? 0) - 0.18) < 1e-12)
    }

    @Test func theWordsNameTheTargetTheYearsAndTheTolerance() {
        let words = StatusRule(tolerancePoints: 1.5).words(baselineYear: 2020, target: Self.target)
        #expect(words.de.contains("25,0 %") && words.de.contains("2020") && words.de.contains("2030") && words.de.contains("1,5 Prozentpunkte"))
        #expect(words.en.contains("25.0 %") && words.en.contains("1.5 percentage points"))
        #expect(StatusRule().words(baselineYear: 2020, target: nil).en.contains("No target"))
    }

    @Test func everyStatusHasWordsAndASymbolOfItsOwn() {
        #expect(Set(GoalStatus.allCases.map(\.symbol)).count == GoalStatus.allCases.count)
        #expect(Set(GoalStatus.allCases.map(\.label.de)).count == GoalStatus.allCases.count)
    }
}
