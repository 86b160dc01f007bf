import Foundation
import Forms

/// A goal's line chart as SVG, without script: the yearly shares, the baseline, the straight line
/// to the target and the reference. Each line differs by its dash pattern and is named at its end,
/// so nothing depends on colour alone (BITV 2.0); the table beside it is the accessible alternative.
struct GoalChart {
    let panel: MonitoringReport.Panel
    let language: String

    private let left = 56.0, width = 470.0, top = 14.0, plot = 200.0, labelWidth = 170.0

    func svg() -> String {
        let goal = panel.goal, points = panel.figures.headline.points
        let lastYear = max(goal.target?.year ?? goal.baselineYear, points.map(\.year).max() ?? goal.baselineYear, goal.baselineYear)
        let years = goal.baselineYear...max(lastYear, goal.baselineYear + 1)
        let values = points.compactMap(\.share) + [goal.target?.share, panel.reference?.share].compactMap { $0 }
        let ceiling = max(0.1, ((values.max() ?? 0) * 10 - 1e-9).rounded(.up) / 10)
        func x(_ year: Int) -> Double { left + Double(year - years.lowerBound) / Double(years.count - 1) * width }
        func y(_ share: Double) -> Double { top + plot - share / ceiling * plot }
        let titleID = "chart-\(goal.id)"
        var svg = ["<svg role=\"img\" aria-labelledby=\"\(titleID)\" viewBox=\"0 0 \(Int(left + width + labelWidth)) \(Int(top + plot + 34))\" xmlns=\"http://www.w3.org/2000/svg\" class=\"goal-chart\">",
                   "<title id=\"\(titleID)\">\(HTML.escape(description()))</title>"]
        // Grid and axes: every 10 % a line, the years below.
        for step in 0...Int((ceiling * 10).rounded()) {
            let share = Double(step) / 10
            svg.append(line(left, y(share), left + width, y(share), style: "stroke=\"#ccc\""))
            svg.append(text(left - 6, y(share) + 4, "\(step * 10) %", anchor: "end"))
        }
        let yearStep = max(1, years.count / 8)
        for year in years where (year - years.lowerBound) % yearStep == 0 || year == years.upperBound {
            svg.append(text(x(year), top + plot + 18, String(year), anchor: "middle"))
        }
        var labels: [(y: Double, text: String)] = []
        if let baseline = panel.figures.baseline?.share {
            svg.append(line(x(years.lowerBound), y(baseline), x(years.upperBound), y(baseline), style: "stroke=\"#555\" stroke-dasharray=\"2 4\""))
            labels.append((y(baseline), "\(MonitoringText.baseline.text(language)) \(goal.baselineYear)"))
        }
        if let target = goal.target, target.year > goal.baselineYear, let baseline = panel.figures.baseline?.share {
            svg.append(line(x(goal.baselineYear), y(baseline), x(target.year), y(target.share), style: "stroke=\"#1f5f99\" stroke-dasharray=\"8 4\""))
            labels.append((y(target.share), "\(MonitoringText.target.text(language)) \(target.year)"))
        }
        if let reference = panel.reference {
            svg.append(line(x(years.lowerBound), y(reference.share), x(years.upperBound), y(reference.share), style: "stroke=\"#6a3d9a\" stroke-dasharray=\"1 3\" stroke-width=\"2\""))
            labels.append((y(reference.share), MonitoringText.reference.text(language)))
        }
        // The shares: withheld years break the line.
        var run: [String] = []
        func flush() {
            if run.count > 1 { svg.append("<polyline fill=\"none\" stroke=\"#111\" stroke-width=\"2.5\" points=\"\(run.joined(separator: " "))\"/>") }
            run = []
        }
        for point in points {
            guard let share = point.share else { flush(); continue }
            run.append(String(format: "%.1f,%.1f", x(point.year), y(share)))
            svg.append(String(format: "<circle r=\"3.5\" fill=\"#111\" cx=\"%.1f\" cy=\"%.1f\"/>", x(point.year), y(share)))
        }
        flush()
        if let last = points.last(where: { $0.share != nil }), let share = last.share {
            labels.append((y(share), MonitoringText.share.text(language)))
        }
        // Names at the right edge, pushed apart so that none overlaps another.
        var used: [Double] = []
        for label in labels.sorted(by: { $0.y < $1.y }) {
            var position = label.y + 4
            while let previous = used.last, position - previous < 13 { position = previous + 13 }
            used.append(position)
            svg.append(text(left + width + 8, position, label.text, anchor: "start"))
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// What the chart shows, in words, for its title (read by screen readers).
    func description() -> String {
        let shares = panel.figures.headline.points.map { "\($0.year): \(MonitoringText.percent($0.share, language))" }
        return "\(panel.goal.title.text(language)) – \(MonitoringText.share.text(language)) " + shares.joined(separator: ", ")
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, style: String) -> String {
        String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" ", x1, y1, x2, y2) + style + "/>"
    }

    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String) -> String {
        String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">", x, y, anchor) + HTML.escape(content) + "</text>"
    }
}
