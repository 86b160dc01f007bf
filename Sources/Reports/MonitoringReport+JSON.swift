import Foundation
import Forms

extension MonitoringReport {
    /// Settings (target, tolerance, reference, threshold) are written exactly, so that a monitoring read
    /// back is judged again from the same settings and table (by the rule of the code that reads it);
    /// figures with four decimals.
    ///
    /// `{"monitoring","day","low_response_rate","releases","goals":[…]}`: each goal as written in
    /// `monitoring.yaml` when released, its reference, its figures (status, baseline, latest, changes
    /// and gaps, every series' points with the release each comes from) and the released `table`
    /// they come from, with the `carried` tables of earlier monitorings for years purged since. The figures are for
    /// readers; reading back computes them again from the table (``init(json:)``).
    public func json() -> String {
        let w = JSONWriter()
        w.object {
            w.field("monitoring", "vielfalt")
            w.field("day", day)
            w.rawField("low_response_rate", String(lowResponseRate))
            w.field("releases", releases)
            w.key("goals")
            w.array(panels) { panel in w.object { Self.write(panel, to: w) } }
        }
        return w.text + "\n"
    }

    private static func write(_ panel: Panel, to w: JSONWriter) {
        let goal = panel.goal, figures = panel.figures
        w.field("id", goal.id)
        w.key("title")
        w.localized(goal.title)
        w.field("indicator", goal.indicator)
        w.field("category", goal.category)
        w.field("breakdown", goal.breakdown.rawValue)
        w.rawField("baseline_year", String(goal.baselineYear))
        if let target = goal.target {
            w.key("target")
            w.object {
                w.rawField("share", String(target.share))
                w.rawField("year", String(target.year))
            }
        }
        w.rawField("tolerance_points", String(goal.rule.tolerancePoints))
        w.key("rule")
        w.localized(goal.rule.words(baselineYear: goal.baselineYear, target: goal.target))
        w.key("measure")
        w.object {
            w.field("status", goal.measure.rawValue)
            if let text = goal.measureText { w.key("text"); w.localized(text) }
        }
        if let reference = panel.reference { PublishedReport.write(reference, to: w) }
        w.field("status", figures.outcome.status.rawValue)
        w.rawField("status_year", figures.outcome.year.map(String.init) ?? "null")
        w.rawField("required_share", optional(figures.outcome.required))
        w.rawField("change_points", optional(figures.changePoints))
        w.rawField("gap_to_target_points", optional(figures.gapToTargetPoints))
        w.rawField("gap_to_reference_points", optional(figures.gapToReferencePoints))
        w.key("series")
        w.array([figures.headline] + figures.parts) { series in
            w.object {
                w.field("code", series.code)
                w.key("label")
                w.localized(series.label)
                w.key("points")
                w.array(series.points) { point in
                    w.object {
                        w.rawField("year", String(point.year))
                        w.field("release", point.release)
                        w.rawField("count", point.count.map(String.init) ?? "null")
                        w.rawField("respondents", point.respondents.map(String.init) ?? "null")
                        w.rawField("asked", point.asked.map(String.init) ?? "null")
                        w.rawField("share", optional(point.share))
                        w.rawField("response_rate", optional(point.responseRate))
                        w.rawField("bounds", point.bounds.map { "[\(number($0.lowerBound)),\(number($0.upperBound))]" } ?? "null")
                        w.rawField("low_response", String(point.lowResponse))
                    }
                }
            }
        }
        w.rawField("table", panel.table.map { $0.json().trimmingCharacters(in: .whitespacesAndNewlines) } ?? "null")
        if !panel.carried.isEmpty {
            w.rawField("carried", "[" + panel.carried.map { $0.json().trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ",") + "]")
        }
    }

    static func number(_ value: Double) -> String { String(format: "%.4f", value) }
    private static func optional(_ value: Double?) -> String { value.map(number) ?? "null" }

    /// Reads back a monitoring written by ``json()``; the figures are computed again from each
    /// goal's table.
    public init(json text: String) throws {
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              root["monitoring"] as? String == "vielfalt", let day = root["day"] as? String,
              let rate = root["low_response_rate"] as? Double, let goals = root["goals"] as? [[String: Any]]
        else { throw Self.unreadable }
        let panels = try goals.map { object -> Panel in
            let table = try (object["table"] as? [String: Any]).map(PublishedReport.init(object:))
            guard object["carried"] == nil || object["carried"] is [[String: Any]] else { throw Self.unreadable }
            let carried = try (object["carried"] as? [[String: Any]] ?? []).map(PublishedReport.init(object:))
            return Panel(goal: try Self.goal(object), reference: PublishedReport.reference(object["reference"]), table: table, carried: carried,
                         lowResponseRate: rate)
        }
        self.init(day: day, lowResponseRate: rate, panels: panels)
    }

    static let unreadable = InputError(english: "a stored monitoring cannot be read: it is not a monitoring as Vielfalt writes it",
                                       german: "Ein gespeichertes Monitoring ist nicht lesbar: Es ist keines, wie Vielfalt es schreibt.")

    private static func goal(_ object: [String: Any]) throws -> MonitoringGoal {
        guard let id = object["id"] as? String, let title = PublishedReport.text(object["title"]), let indicator = object["indicator"] as? String,
              let category = object["category"] as? String, let breakdownText = object["breakdown"] as? String,
              let breakdown = MonitoringGoal.Breakdown(rawValue: breakdownText), let baselineYear = object["baseline_year"] as? Int,
              let tolerance = object["tolerance_points"] as? Double, let measure = object["measure"] as? [String: Any],
              let measureText = measure["status"] as? String, let status = MonitoringGoal.MeasureStatus(rawValue: measureText)
        else { throw unreadable }
        var target: MonitoringGoal.Target?
        if let raw = object["target"] as? [String: Any] {
            guard let share = raw["share"] as? Double, let year = raw["year"] as? Int else { throw unreadable }
            target = MonitoringGoal.Target(share: share, year: year)
        }
        return MonitoringGoal(id: id, title: title, indicator: indicator, category: category, breakdown: breakdown,
                              baselineYear: baselineYear, target: target,
                              comparesWithReference: object["reference"] != nil,
                              rule: StatusRule(tolerancePoints: tolerance), measure: status, measureText: PublishedReport.text(measure["text"]))
    }
}
