import Bilingual
import Foundation
import Store

/// Enforces the retention policy: crypto-shreds expired periods, deletes expired declines and prunes
/// the audit log.
///
/// For each period whose responses expired the order is: destroy the period key (keystore vacuumed,
/// WAL truncated), then delete the period's rows in one audited transaction and vacuum. Interrupted
/// anywhere, a rerun completes the work; in between, what is left is unreadable ciphertext.
public enum Purge {
    /// One step of a purge.
    public struct Step: Sendable, Equatable, Codable {
        public let period: Int
        /// `period` (key and all rows) or `declines` (declines only; the period is kept).
        public let scope: String
        public let responses: Int
        public let declines: Int
        public let destroysKey: Bool
    }

    public struct Outcome: Sendable, Equatable {
        public let steps: [Step]
        public let prunedLogEntries: Int
    }

    public enum Refusal: BilingualError, Equatable, CustomStringConvertible {
        case asOfInTheFuture(asOf: String, today: String)
        case asOfBeforeLastPurge(asOf: String, lastPurge: String)
        case malformedDay(String)

        public var description: String {
            switch self {
            case .asOfInTheFuture(let asOf, let today): "refusing to purge as of \(asOf), after today (\(today)): a period is never purged early"
            case .asOfBeforeLastPurge(let asOf, let last): "refusing to purge as of \(asOf), before the last purge (\(last)): the clock may not run backwards"
            case .malformedDay(let day): "not a day in the form YYYY-MM-DD: \(day)"
            }
        }

        public var german: String {
            switch self {
            case .asOfInTheFuture(let asOf, let today): "Löschlauf zum \(asOf) abgelehnt: liegt nach heute (\(today)); es wird nie vorzeitig gelöscht."
            case .asOfBeforeLastPurge(let asOf, let last): "Löschlauf zum \(asOf) abgelehnt: liegt vor dem letzten Löschlauf (\(last))."
            case .malformedDay(let day): "Kein Tag im Format JJJJ-MM-TT: \(day)"
            }
        }

        public var explanation: (english: String, german: String) { (description, german) }
        public var field: String? { "asOf" }
        public var exitCode: CommandExitCode { .badInput }
        public var httpStatus: Int { 422 }
    }

    /// What a purge as of `asOf` would do. Reads only.
    public static func plan(data: DataStore, keystore: Keystore, policy: RetentionPolicy, asOf: String) throws -> [Step] {
        let counts = try data.countsByPeriod()
        let keys = try keystore.periodKeys()
        var steps: [Step] = []
        for period in Set(counts.keys).union(keys.map(\.period)).sorted() {
            let held = counts[period] ?? (0, 0)
            let keyHeld = keys.first { $0.period == period }?.sealedSecret != nil
            if asOf >= policy.responsesExpire(period: period) {
                if keyHeld || held.responses + held.declines > 0 {
                    steps.append(Step(period: period, scope: "period", responses: held.responses, declines: held.declines, destroysKey: keyHeld))
                }
            } else if asOf >= policy.declinesExpire(period: period), held.declines > 0 {
                steps.append(Step(period: period, scope: "declines", responses: 0, declines: held.declines, destroysKey: false))
            }
        }
        return steps
    }

    /// Carries the plan out. `today` is the real date; `asOf` may not lie after it, nor before the
    /// last purge.
    public static func run(data: DataStore, keystore: Keystore, policy: RetentionPolicy, asOf: String, today: String,
                           actor: Actor) throws -> Outcome {
        guard (try? AuditDay.parse(asOf, field: "asOf")) != nil else { throw Refusal.malformedDay(asOf) }
        guard asOf <= today else { throw Refusal.asOfInTheFuture(asOf: asOf, today: today) }
        if let last = try data.lastPurgeDay(), asOf < last { throw Refusal.asOfBeforeLastPurge(asOf: asOf, lastPurge: last) }
        let steps = try plan(data: data, keystore: keystore, policy: policy, asOf: asOf)
        for step in steps {
            if step.scope == "period" {
                try keystore.destroyPeriodKey(step.period, day: asOf)
                try data.deletePeriod(step.period, declinesOnly: false, keystoreGeneration: keystore.generation(), actor: actor, day: asOf)
            } else {
                try data.deletePeriod(step.period, declinesOnly: true, actor: actor, day: asOf)
            }
        }
        var pruned = 0
        if case .years(let n) = policy.rule("audit_log").keep, let limit = RetentionAudit.day(asOf, minusYears: n) {
            if try AuditLog.entries(data).first.map({ $0.day < limit }) ?? false {
                pruned = try AuditLog.prune(data, before: limit, actor: actor, today: asOf)
            }
        }
        return Outcome(steps: steps, prunedLogEntries: pruned)
    }
}
