import Foundation
import Forms
import Reports
import Store
import Vault

/// One release of the sequence, as the parent passes it to a child process.
struct ReleaseRequest {
    var store: String
    var forms: String
    var policy: String
    var name: String
    var kind: ReportDefinition.Kind
    var indicator: String
    var by: [String]
    var years: ClosedRange<Int>
    var day: String

    var arguments: [String] {
        [store, forms, policy, name, kind.rawValue, indicator, by.joined(separator: ","),
         String(years.lowerBound), String(years.upperBound), day]
    }

    init(store: String, forms: String, policy: String, name: String, kind: ReportDefinition.Kind, indicator: String,
         by: [String], years: ClosedRange<Int>, day: String) {
        (self.store, self.forms, self.policy, self.name, self.kind) = (store, forms, policy, name, kind)
        (self.indicator, self.by, self.years, self.day) = (indicator, by, years, day)
    }

    init(arguments a: [String]) throws {
        guard a.count == 10, let kind = ReportDefinition.Kind(rawValue: a[4]), let from = Int(a[7]), let to = Int(a[8]), from <= to
        else { throw BenchError("--release-one: malformed arguments") }
        self.init(store: a[0], forms: a[1], policy: a[2], name: a[3], kind: kind, indicator: a[5],
                  by: a[6].split(separator: ",").map(String.init), years: from...to, day: a[9])
    }
}

/// The child side: runs `ReportRun.release` exactly as the statistics unit's command does and prints
/// what the parent needs on standard output, one fact a line:
/// `RESULT seconds withheld-cells peak-KiB cells` or `REFUSED seconds peak-KiB reason`, then `LEAF category<TAB>name=code…` for every withheld
/// leaf cell (the parent adds up their true counts from the synthetic population).
///
/// A child per release lets the parent stop a stuck release without hanging, and shows each
/// release's own peak memory.
enum ReleaseChild {
    static func run(_ request: ReleaseRequest) throws {
        let directory = try FormDirectory.load(URL(fileURLWithPath: request.forms))
        let disclosure = try DisclosurePolicyFile.load(directory: URL(fileURLWithPath: request.policy))
        let location = StoreLocation(directory: URL(fileURLWithPath: request.store))
        let run = ReportRun(data: try DataStore.open(location), keystore: try Keystore.open(location),
                            forms: directory.forms, units: directory.units, disclosure: disclosure,
                            actor: Actor(role: "statistics", user: "bench"))
        let definition = ReportDefinition(name: request.name, title: LocalizedText(de: request.name, en: request.name),
                                          kind: request.kind, indicator: request.indicator, by: request.by,
                                          periods: .years(request.years))
        let passphrase = try Passphrase(SequenceBenchmark.passphrase)
        let start = Date()
        let report: PublishedReport
        do {
            report = try run.release(definition, passphrase: passphrase, day: request.day)
        } catch let error as ReportError {
            print("REFUSED \(Date().timeIntervalSince(start)) \(peakResidentKiB()) \(error)")
            return
        }
        let seconds = Date().timeIntervalSince(start)
        let withheld = report.cells.filter { $0.count == nil }
        print("RESULT \(seconds) \(withheld.count) \(peakResidentKiB()) \(report.cells.count)")
        let leaves = Dictionary(uniqueKeysWithValues: report.dimensions.map { ($0.name, $0.leaves) })
        for cell in withheld where cell.category != "total"
            && cell.coordinates.allSatisfy({ leaves[$0.key]?.contains($0.value) ?? false }) {
            let parts = cell.coordinates.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            print((["LEAF", cell.category] + parts).joined(separator: "\t"))
        }
    }
}
