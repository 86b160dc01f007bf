import Foundation
import Logging

/// Every line a logger given to the code under test writes, with its metadata, for tests of what a
/// log may reveal (the data centre's collector keeps lines longer and wider than the audit log).
public final class LogCapture: @unchecked Sendable {
    public struct Line: Sendable {
        public let level: Logger.Level
        public let message: String
        public let metadata: Logger.Metadata

        /// `level message` and the metadata, as a collector would keep the line.
        public var text: String {
            metadata.isEmpty ? "\(level) \(message)" : "\(level) \(message) \(metadata.sorted { $0.key < $1.key })"
        }
    }

    private let lock = NSLock()
    private var stored: [Line] = []

    public init() {}

    public var lines: [Line] { lock.withLock { stored } }
    public var texts: [String] { lines.map(\.text) }
    public var logger: Logger { Logger(label: "test") { _ in Handler(capture: self) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let line = Line(level: event.level, message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 })
            capture.lock.withLock { capture.stored.append(line) }
        }
    }
}
