import ArgumentParser
import Operations
import Foundation
import Retention
import Store

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The data protection officer's audit: holdings, expiry, keys, releases, log integrity, Art. 30 record, verdict.",
        discussion: """
            Needs no passphrase and changes nothing. Exit 0 when compliant, 4 when there are critical findings.
            With --dpia: the draft data protection impact assessment (Art. 35 GDPR) with its SDM table, made from
            the same audit, the forms and policy/dpia.yaml; exit 0 whatever its findings (it is a document to sign).
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "Audit as of this day (YYYY-MM-DD); a later day shows what will be due.") var asOf: String?
    @Option(help: "md, json or html.") var format: ReportFormat = .md
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "The draft DPIA and SDM assessment instead of the audit.") var dpia = false

    func run() throws {
        try Failure.guarded {
            if dpia { return try runDPIA() }
            let report = try store.installation().audit(asOf: try AuditDay.parse(asOf ?? AuditDay.today(), field: "as-of"))
            let text = switch format {
            case .md: report.markdown()
            case .json: try report.json()
            case .html: report.html()
            case .csv: throw InputError(field: "format", english: "the audit comes as md, json or html", german: "Den Prüfbericht gibt es als md, json oder html.")
            }
            try write(text, to: out)
            if !report.compliant { throw ExitCode(4) }
        }
    }

    private func runDPIA() throws {
        let report = try store.installation().dpia(asOf: try AuditDay.parse(asOf ?? AuditDay.today(), field: "as-of"))
        let text = switch format {
        case .md: report.markdown()
        case .json: try report.json()
        case .html: report.html()
        case .csv: throw InputError(field: "format", english: "the DPIA comes as md, json or html", german: "Die DSFA gibt es als md, json oder html.")
        }
        try write(text, to: out)
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json, csv, html
}

/// Writes output to a file (mode 0600) or standard output.
func write(_ text: String, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
        throw InputError(file: path, english: "cannot write the file", german: "Die Datei kann nicht geschrieben werden.")
    }
}

import Forms
