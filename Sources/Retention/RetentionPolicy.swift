import Foundation
import Forms

/// How long a class of data is kept.
public enum RetentionDuration: Sendable, Equatable, Codable {
    /// Until the end of the N-th calendar year after the hiring year.
    case yearsAfterHiringYear(Int)
    /// Deleted together with the response it belongs to.
    case withResponse
    /// Destroyed when the period's responses expire.
    case withPeriodResponses
    /// N years from the day the entry was written.
    case years(Int)
    case indefinitely

    /// Parses the readable forms, English or German; nil when not understood.
    static func parse(_ text: String) -> RetentionDuration? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Self.number(t, #"^(\d+) (years?|jahre?) (after end of hiring year|nach ende des einstellungsjahres)$"#) {
            return .yearsAfterHiringYear(n)
        }
        if let n = Self.number(t, #"^(\d+) (years?|jahre?)$"#) { return .years(n) }
        switch t {
        case "with their response", "mit ihrer antwort": return .withResponse
        case "until the period's responses expire", "bis die antworten des zeitraums ablaufen": return .withPeriodResponses
        case "indefinitely", "unbefristet": return .indefinitely
        default: return nil
        }
    }

    private static func number(_ text: String, _ pattern: String) -> Int? {
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        return Int(text[range].prefix { $0.isNumber })
    }

    public var english: String {
        switch self {
        case .yearsAfterHiringYear(let n): "until the end of the \(Self.ordinal(n)) calendar year after the hiring year"
        case .withResponse: "together with the response"
        case .withPeriodResponses: "until the period's responses expire"
        case .years(let n): "\(n) years from the day of the entry"
        case .indefinitely: "indefinitely"
        }
    }

    /// 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, 21st.
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : ["th", "st", "nd", "rd"][n % 10 < 4 ? n % 10 : 0]
        return "\(n)\(suffix)"
    }

    public var german: String {
        switch self {
        case .yearsAfterHiringYear(let n): "bis zum Ende des \(n). Kalenderjahres nach dem Einstellungsjahr"
        case .withResponse: "zusammen mit der Antwort"
        case .withPeriodResponses: "bis die Antworten des Zeitraums ablaufen"
        case .years(let n): "\(n) Jahre ab dem Tag des Eintrags"
        case .indefinitely: "unbefristet"
        }
    }
}

/// What happens when the retention time is over.
public enum RetentionAction: String, Sendable, Codable {
    case destroy, delete, keep
}

/// One class of data and its rule.
public struct RetentionRule: Sendable, Equatable, Codable {
    public let dataClass: String
    public let keep: RetentionDuration
    public let then: RetentionAction
}

/// A way a questionnaire reaches Vielfalt: the new hire answers an invitation, or HR types it in.
public enum EntryWay: String, Sendable, Equatable, CaseIterable {
    case selfService = "self_service"
    case hr
}

/// `policy/retention.yaml`: a rule for each class of data Vielfalt holds, how long an unanswered
/// invitation stays open (`invitation_weeks`, default 8), and which ways of entry are offered
/// (`entry`, default both).
public struct RetentionPolicy: Sendable, Equatable {
    public let rules: [RetentionRule]
    /// Weeks from issue after which an unanswered invitation is deleted and counted as not answered.
    public let invitationWeeks: Int
    /// The ways of entry in force, in the order of ``EntryWay/allCases``.
    public let entryWays: [EntryWay]

    public static let defaultInvitationWeeks = 8
    static let invitationWeekRange = 1...52

    /// The classes and the durations each may take.
    static let allowed: [String: @Sendable (RetentionDuration) -> Bool] = [
        "responses": { if case .yearsAfterHiringYear(let n) = $0 { n >= 0 } else { false } },
        "declines": { if case .yearsAfterHiringYear(let n) = $0 { n >= 0 } else { false } },
        "receipts": { $0 == .withResponse },
        "period_keys": { $0 == .withPeriodResponses },
        "release_ledger": { if case .years = $0 { true } else { $0 == .indefinitely } },
        "audit_log": { if case .years(let n) = $0 { n >= 1 } else { $0 == .indefinitely } },
    ]

    public func rule(_ dataClass: String) -> RetentionRule { rules.first { $0.dataClass == dataClass }! }

    /// Years after the hiring year that responses are kept.
    public var responseYears: Int {
        if case .yearsAfterHiringYear(let n) = rule("responses").keep { return n }
        return 0
    }

    public var declineYears: Int {
        if case .yearsAfterHiringYear(let n) = rule("declines").keep { return n }
        return 0
    }

    /// The first day a period's responses must no longer exist: 1 January of hiring year + N + 1.
    public func responsesExpire(period: Int) -> String { String(format: "%04d-01-01", period + responseYears + 1) }
    public func declinesExpire(period: Int) -> String { String(format: "%04d-01-01", period + declineYears + 1) }

    public static func load(contentsOf url: URL) throws -> RetentionPolicy {
        try RetentionPolicy(yaml: YAMLNode.load(contentsOf: url))
    }

    public static func parse(_ text: String, file: String) throws -> RetentionPolicy {
        try RetentionPolicy(yaml: YAMLNode.parse(text, file: file))
    }

    init(yaml root: YAMLNode) throws {
        try root.rejectUnknownKeys(["version", "classes", "invitation_weeks", "entry"])
        let version = try root.child("version")
        guard try version.int() == 1 else { throw version.error("unsupported version (expected 1)", "Nicht unterstützte Version (erwartet: 1).") }
        var rules: [RetentionRule] = []
        for (name, node) in try root.child("classes").entries() {
            guard let accepts = Self.allowed[name] else {
                throw node.error("unknown data class (known: \(Self.allowed.keys.sorted().joined(separator: ", ")))",
                                 "Unbekannte Datenklasse (bekannt: \(Self.allowed.keys.sorted().joined(separator: ", "))).")
            }
            try node.rejectUnknownKeys(["keep", "then"])
            let keepNode = try node.child("keep")
            guard let keep = RetentionDuration.parse(try keepNode.string()), accepts(keep) else {
                throw keepNode.error("duration not understood or not allowed for this class", "Dauer unverständlich oder für diese Datenklasse nicht zulässig.")
            }
            let thenNode = try node.child("then")
            guard let then = RetentionAction(rawValue: try thenNode.string()) else {
                throw thenNode.error("action must be destroy, delete or keep", "Aktion muss destroy, delete oder keep sein.")
            }
            guard (keep == .indefinitely) == (then == .keep) else {
                throw thenNode.error("'keep' goes with 'indefinitely' and only with it", "„keep“ gehört zu „indefinitely“ und nur dazu.")
            }
            rules.append(RetentionRule(dataClass: name, keep: keep, then: then))
        }
        for name in Self.allowed.keys.sorted() where !rules.contains(where: { $0.dataClass == name }) {
            throw InputError(file: root.file, field: "classes.\(name)", english: "data class is missing", german: "Datenklasse fehlt.")
        }
        guard case .yearsAfterHiringYear(let r) = rules.first(where: { $0.dataClass == "responses" })!.keep,
              case .yearsAfterHiringYear(let d) = rules.first(where: { $0.dataClass == "declines" })!.keep, d <= r else {
            throw InputError(file: root.file, field: "classes.declines", english: "declines may not be kept longer than responses",
                             german: "Ablehnungen dürfen nicht länger aufbewahrt werden als Antworten.")
        }
        self.rules = rules
        invitationWeeks = try root.optionalChild("invitation_weeks").map { node in
            let weeks = try node.int()
            guard Self.invitationWeekRange.contains(weeks) else {
                throw node.error("invitation_weeks must lie between 1 and 52", "invitation_weeks muss zwischen 1 und 52 liegen.")
            }
            return weeks
        } ?? Self.defaultInvitationWeeks
        entryWays = try root.optionalChild("entry").map(Self.entryWays) ?? EntryWay.allCases
    }

    private static func entryWays(_ node: YAMLNode) throws -> [EntryWay] {
        var ways = Set<EntryWay>()
        for item in try node.list() {
            guard let way = EntryWay(rawValue: try item.string()) else {
                throw item.error("unknown way of entry (known: self_service, hr)", "Unbekannter Eingabeweg (bekannt: self_service, hr).")
            }
            guard ways.insert(way).inserted else { throw item.error("way of entry named twice", "Eingabeweg doppelt genannt.") }
        }
        guard !ways.isEmpty else { throw node.error("name at least one way of entry", "Mindestens einen Eingabeweg nennen.") }
        return EntryWay.allCases.filter(ways.contains)
    }
}
