import Logging
import Reports

/// A fact an operation logs. Only these kinds fit, so that no passphrase, answer, receipt or
/// invitation code, response id or context value can reach a log line: the data centre's log
/// collector keeps lines longer and wider than the audit log, and must not learn who took part.
public enum LogFact: Sendable, Equatable {
    case count(Int)
    case periods([Int])
    /// A day, `YYYY-MM-DD`.
    case day(String)
    /// The id of a release (`R3`) or a keystore backup (`K2`): the ledger's and the audit's own.
    case id(String)
    /// A report kind or indicator as the definitions name them.
    case name(String)

    var metadataValue: Logger.MetadataValue {
        switch self {
        case .count(let n): .stringConvertible(n)
        case .periods(let periods): .array(periods.map { .stringConvertible($0) })
        case .day(let text), .id(let text), .name(let text): .string(text)
        }
    }
}

extension Installation {
    /// The operations logged, each once, when done (a refusal or an error logs nothing here: it
    /// goes to the caller, and the audit log keeps what it must).
    ///
    /// No single withdrawal is logged: a line's time beside a web request's would tell who
    /// withdrew. Only a restore logs how many withdrawals it made again.
    enum LoggedOperation: String {
        case release = "report released"
        case purge = "purge done"
        case restore = "store restored"
        case dataBackup = "data backed up"
        case keystoreBackup = "keystore backed up"
        case rotation = "master key rotated"
    }

    /// Logs `operation` at info level with its facts as structured metadata.
    func logDone(_ operation: LoggedOperation, _ facts: [String: LogFact] = [:]) {
        var metadata = facts.mapValues(\.metadataValue)
        metadata["operation"] = .string(operation.rawValue)
        logger.info("\(operation.rawValue)", metadata: metadata)
    }

    func logReleased(_ report: PublishedReport, withheld: Int? = nil) {
        var facts: [String: LogFact] = ["release": .id(report.release), "kind": .name(report.kind.rawValue),
                                        "indicator": .name(report.indicator), "periods": .periods(report.periods)]
        if let withheld { facts["cells_withheld"] = .count(withheld) }
        logDone(.release, facts)
    }
}
