import Foundation
import Forms

extension PublishedReport {
    /// `{"report","indicator","periods","dimensions","policy","release","cells":[…],"participation":[…],"labels"}`:
    /// each cell has one key per dimension (`Total` for a margin), `category`, `count` (null when
    /// withheld) and `status`; each participation line `period`, `answered`, `declined`,
    /// `not_answered` (each null when withheld) and `response_rate` when there is one. `labels` carries the words every other rendering needs (indicator, categories, each
    /// dimension's codes in order, its leaves and labels), so that this one document is what is
    /// stored of a release and everything else is rendered from it (``init(json:)``).
    public func json() -> String {
        let w = JSONWriter()
        w.object {
            w.field("report", report)
            w.field("title", ["de": title.de, "en": title.en])
            w.field("kind", kind.rawValue)
            w.field("indicator", indicator)
            w.field("categories", categories)
            w.rawField("periods", "[" + periods.map(String.init).joined(separator: ",") + "]")
            w.field("dimensions", dimensions.map(\.name))
            w.key("policy")
            w.object {
                w.rawField("min_cell", String(policy.minCell))
                w.rawField("protection_level", String(policy.protectionLevel))
                w.rawField("group_disclosure", String(policy.groupDisclosure))
                w.rawField("rounding_base", policy.roundingBase.map(String.init) ?? "null")
                w.rawField("cell_key", String(policy.cellKey))
                w.key("sentences")
                w.array(policy.sentences) { w.localized($0) }
            }
            w.field("release", release)
            w.field("day", day)
            if let reference { Self.write(reference, to: w) }
            w.key("cells")
            w.array(cells) { cell in
                w.object {
                    for dimension in dimensions { w.field(dimension.name, cell.coordinates[dimension.name] ?? "") }
                    w.field("category", cell.category)
                    w.rawField("count", cell.count.map(String.init) ?? "null")
                    w.field("status", cell.status)
                    if let share = cell.share { w.rawField("share", String(format: "%.4f", share)) }
                    if let rate = cell.responseRate { w.rawField("response_rate", String(format: "%.4f", rate)) }
                }
            }
            // Left out when there is none, so a report stored before it existed is written as it was.
            if !participation.isEmpty {
                w.key("participation")
                w.array(participation) { line in
                    w.object {
                        w.rawField("period", String(line.period))
                        // null when withheld, as a withheld cell's count.
                        w.rawField("answered", line.answered.map(String.init) ?? "null")
                        w.rawField("declined", line.declined.map(String.init) ?? "null")
                        w.rawField("not_answered", line.notAnswered.map(String.init) ?? "null")
                        if let rate = line.responseRate { w.rawField("response_rate", String(format: "%.4f", rate)) }
                    }
                }
            }
            w.key("labels")
            w.object {
                w.key("indicator")
                w.localized(indicatorLabel)
                w.key("categories")
                w.object { for code in categories + ["total"] { if let label = categoryLabels[code] { w.key(code); w.localized(label) } } }
                w.key("dimensions")
                w.object {
                    for dimension in dimensions {
                        w.key(dimension.name)
                        w.object {
                            w.field("codes", dimension.codes)
                            w.field("leaves", dimension.codes.filter(dimension.leaves.contains))
                            w.key("labels")
                            w.object { for code in dimension.codes { if let label = dimension.labels[code] { w.key(code); w.localized(label) } } }
                        }
                    }
                }
            }
        }
        return w.text + "\n"
    }

    /// `"reference": {"share", "label", "label_de", "source", "year"}`, read back by ``reference(_:)``.
    static func write(_ reference: ReferenceShares.Reference, to w: JSONWriter) {
        w.key("reference")
        w.object {
            w.rawField("share", String(reference.share))
            w.field("label", reference.label.en)
            w.field("label_de", reference.label.de)
            w.field("source", reference.source)
            if let year = reference.year { w.rawField("year", String(year)) }
        }
    }
}

/// A small JSON writer that keeps keys in the order written, so output is stable for golden tests.
final class JSONWriter {
    private(set) var text = ""
    private var needsComma = [false]

    private func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    func key(_ key: String) {
        separate()
        text += Self.quote(key) + ":"
        pendingValue = true
    }

    private var pendingValue = false

    private func beginValue() {
        if pendingValue { pendingValue = false } else { separate() }
    }

    func object(_ body: () -> Void) {
        beginValue()
        text += "{"
        needsComma.append(false)
        body()
        needsComma.removeLast()
        text += "}"
    }

    func array<T>(_ items: [T], _ body: (T) -> Void) {
        beginValue()
        text += "["
        needsComma.append(false)
        for item in items { body(item) }
        needsComma.removeLast()
        text += "]"
    }

    func rawField(_ name: String, _ raw: String) {
        separate()
        text += Self.quote(name) + ":" + raw
    }

    func field(_ name: String, _ value: String) { rawField(name, Self.quote(value)) }
    func field(_ name: String, _ values: [String]) { rawField(name, "[" + values.map(Self.quote).joined(separator: ",") + "]") }
    func field(_ name: String, _ values: [String: String]) {
        rawField(name, "{" + values.keys.sorted().map { Self.quote($0) + ":" + Self.quote(values[$0]!) }.joined(separator: ",") + "}")
    }

    /// `{"de": …, "en": …}` as a value.
    func localized(_ text: LocalizedText) {
        object {
            field("de", text.de)
            field("en", text.en)
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
