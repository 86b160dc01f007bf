import Forms

/// Where a goal stands, by its ``StatusRule``.
public enum GoalStatus: String, Sendable, CaseIterable {
    /// The latest share has reached the target (early or on time).
    case reached
    /// The share has moved towards the target at least as fast as a straight line from the
    /// baseline to the target requires.
    case onTrack = "on_track"
    /// Slower than that line, or away from the target.
    case offTrack = "off_track"
    /// No year after the baseline has a published share yet.
    case baselineOnly = "baseline_only"
    /// The baseline or every later year has no published share (withheld, or no data yet).
    case noFigure = "no_figure"
    /// The goal sets no target: the figures are shown without a status.
    case noTarget = "no_target"

    public var label: LocalizedText {
        switch self {
        case .reached: LocalizedText(de: "Ziel erreicht", en: "Target reached")
        case .onTrack: LocalizedText(de: "auf Kurs", en: "On track")
        case .offTrack: LocalizedText(de: "nicht auf Kurs", en: "Off track")
        case .baselineOnly: LocalizedText(de: "noch nicht messbar: nur der Ist-Wert", en: "Not measurable yet: the baseline only")
        case .noFigure: LocalizedText(de: "keine Zahl: zurückgehalten oder noch keine Daten", en: "No figure: withheld, or no data yet")
        case .noTarget: LocalizedText(de: "ohne Zielwert", en: "No target set")
        }
    }

    /// A symbol that says the status without colour (BITV 2.0: never colour alone).
    public var symbol: String {
        switch self {
        case .reached: "✔"
        case .onTrack: "▲"
        case .offTrack: "▼"
        case .baselineOnly: "○"
        case .noFigure: "–"
        case .noTarget: "·"
        }
    }
}

/// The written rule that turns a goal's shares into its status; the words shown beside every
/// status are made from the same data, so they cannot say something else.
///
/// With baseline share *b* in year *B*, target *t* in year *T* and the latest published share *s* in
/// year *Y* > *B*: **reached** when *s* has reached *t* (in the target's direction); **on track** when
/// *s* is no more than the tolerance behind the straight line from (*B*, *b*) to (*T*, *t*) at *Y*
/// (the target itself from *T* on); **off track** otherwise.
public struct StatusRule: Sendable, Equatable {
    /// Percentage points behind the line still counted as on track.
    public let tolerancePoints: Double

    public init(tolerancePoints: Double = 0) { self.tolerancePoints = tolerancePoints }

    /// `{on_track: straight_line, tolerance_points: 1}`; the only rule today is the straight line.
    init(yaml node: YAMLNode) throws {
        try node.rejectUnknownKeys(["on_track", "tolerance_points"])
        if let kind = try node.optionalChild("on_track"), try kind.string() != "straight_line" {
            throw kind.error("on_track must be straight_line", "on_track muss straight_line sein.")
        }
        if let tolerance = try node.optionalChild("tolerance_points") {
            guard let points = Double(try tolerance.string()), (0...100).contains(points) else {
                throw tolerance.error("tolerance_points must be a number of percentage points from 0 to 100",
                                      "tolerance_points muss eine Zahl von Prozentpunkten von 0 bis 100 sein.")
            }
            tolerancePoints = points
        } else {
            tolerancePoints = 0
        }
    }

    /// The outcome: the status, the year it rests on, and the share the straight line asks for then.
    public struct Outcome: Sendable, Equatable {
        public let status: GoalStatus
        public let year: Int?
        public let required: Double?
    }

    /// The status from the published shares by year (nil where a year has none); `latestYear` is the
    /// latest year the release covers.
    public func outcome(shares: [Int: Double], baselineYear: Int, latestYear: Int, target: MonitoringGoal.Target?) -> Outcome {
        guard let baseline = shares[baselineYear] else { return Outcome(status: .noFigure, year: nil, required: nil) }
        guard latestYear > baselineYear else { return Outcome(status: .baselineOnly, year: baselineYear, required: nil) }
        guard let year = shares.keys.filter({ $0 > baselineYear && $0 <= latestYear }).max(), let share = shares[year] else {
            return Outcome(status: .noFigure, year: nil, required: nil)
        }
        guard let target else { return Outcome(status: .noTarget, year: year, required: nil) }
        let direction = target.share >= baseline ? 1.0 : -1.0
        // A target year not after the baseline (a baseline of `first` that moved past it) asks for the target now.
        let span = target.year - baselineYear
        let progress = span <= 0 ? 1 : min(1, Double(year - baselineYear) / Double(span))
        let required = baseline + (target.share - baseline) * progress
        let epsilon = 1e-9
        if direction * (share - target.share) >= -epsilon { return Outcome(status: .reached, year: year, required: required) }
        let onTrack = direction * (share - required) >= -tolerancePoints / 100 - epsilon
        return Outcome(status: onTrack ? .onTrack : .offTrack, year: year, required: required)
    }

    /// The rule in words, for a goal with this target.
    public func words(baselineYear: Int, target: MonitoringGoal.Target?) -> LocalizedText {
        guard let target else {
            return LocalizedText(de: "Kein Zielwert: gezeigt werden der Ist-Wert \(baselineYear) und die Veränderung seither.",
                                 en: "No target: the baseline of \(baselineYear) and the change since are shown.")
        }
        let percent = LocalizedText(de: PublishedReport.decimal(target.share * 100, "de"), en: PublishedReport.decimal(target.share * 100, "en"))
        let one = tolerancePoints == 1
        let tolerance = tolerancePoints == 0 ? ""
            : " (\(Self.points(tolerancePoints, "de")) Prozentpunkt\(one ? "" : "e") Spielraum)"
        let toleranceEn = tolerancePoints == 0 ? "" : " (with \(Self.points(tolerancePoints, "en")) percentage point\(one ? "" : "s") of leeway)"
        return LocalizedText(
            de: "Erreicht, sobald der Anteil \(percent.de) % erreicht. Auf Kurs, wenn er mindestens so weit gekommen ist, "
                + "wie eine gerade Linie vom Ist-Wert \(baselineYear) zum Ziel \(target.year) verlangt\(tolerance); "
                + "sonst nicht auf Kurs. Maßgeblich ist das jüngste Jahr mit veröffentlichtem Anteil.",
            en: "Reached once the share reaches \(percent.en) %. On track when it has come at least as far as a straight line "
                + "from the baseline of \(baselineYear) to the target in \(target.year) requires\(toleranceEn); otherwise off track. "
                + "The latest year with a published share counts.")
    }

    private static func points(_ value: Double, _ language: String) -> String {
        value == value.rounded() ? String(Int(value)) : PublishedReport.decimal(value, language)
    }
}
