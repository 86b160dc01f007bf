import Foundation
import Forms
import Logging

/// Where the operations log goes: standard error (systemd hands it to the journal), from the level
/// `VIELFALT_LOG_LEVEL` names; warning by default, so that a command typed at a terminal prints
/// only its result. The service units set `info`.
enum LogSetup {
    static let variable = "VIELFALT_LOG_LEVEL"

    static func bootstrap(_ environment: [String: String]) throws {
        let level = try self.level(environment[variable])
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func level(_ text: String?) throws -> Logger.Level {
        guard let text else { return .warning }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let allowed = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError(field: variable, english: "unknown log level '\(text)' (allowed: \(allowed))",
                             german: "Unbekannte Protokollstufe „\(text)“ (erlaubt: \(allowed)).")
        }
        return level
    }

    /// The logger of `serve`: operations from info on, as the request log, whatever the default.
    static func serviceLogger() -> Logger {
        var logger = Logger(label: "vielfalt")
        if logger.logLevel > .info { logger.logLevel = .info }
        return logger
    }
}
