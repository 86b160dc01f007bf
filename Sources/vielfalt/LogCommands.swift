import ArgumentParser
import Operations
import Store

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Read and verify the tamper-evident audit log.",
        subcommands: [LogVerify.self, LogShow.self])
}

struct LogVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute the hash chain; name the first broken entry (exit 3 if broken).",
        discussion: """
            Pass head hashes kept outside the system (from earlier audits or verifications) with --anchor: \
            a log rewritten together with its head file no longer contains them.
            """)

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("anchor"), help: "A head hash kept outside the system, HASH or SEQ:HASH (repeatable).")
    var anchors: [String] = []

    func run() throws {
        try Failure.guarded {
            let anchors = try self.anchors.map { try AuditAnchor(parsing: $0) }
            let result = try store.installation().verifyLog(anchors: anchors)
            if let problem = result.problem {
                FileHandle.standardError.write(Data("error: audit log broken: \(problem)\n".utf8))
                throw ExitCode(3)
            }
            print("audit log intact / Protokoll unversehrt: \(result.entries) entries, head \(result.headHash ?? "–")"
                  + (anchors.isEmpty ? "" : ", \(anchors.count - result.anchorsSkipped) anchor(s) found / Anker gefunden")
                  + (result.anchorsSkipped == 0 ? "" : ", \(result.anchorsSkipped) in the pruned part, not checkable / im gekürzten Teil, nicht prüfbar"))
            if let anchor = result.anchor { print("keep outside the system / außerhalb des Systems aufbewahren: --anchor \(anchor)") }
        }
    }
}

struct LogShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the audit log, oldest first.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Only entries from this day on (YYYY-MM-DD).") var since: String?

    func run() throws {
        try Failure.guarded {
            let since = try self.since.map { try AuditDay.parse($0, field: "since") }
            for e in try store.installation().logEntries(since: since) {
                print("\(e.seq)\t\(e.day)\t\(e.role)\t\(e.user)\t\(e.action)\t\(e.detail)")
            }
        }
    }
}

import Foundation
