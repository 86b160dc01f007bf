import Demo
import Foundation
import Forms
import Reports
import Store
import Vault

/// Six hiring years of a city's monitoring (issue 9, finding 4): each year's hires are entered through
/// the real entry path, then four releases run through `ReportRun.release`: a baseline by unit, one by
/// career group × employment, a trend by career group over all years so far, and a baseline by unit
/// of a second indicator. A measurement, not a test: nothing asserts a time.
struct SequenceBenchmark {
    static let passphrase = "benchmark passphrase"

    struct Person {
        let year: Int
        let context: [String: String]
        /// Indicator key → category; `declined` for a decline.
        let categories: [String: String]
    }

    struct Outcome {
        var seconds: Double
        var cells = 0
        var withheld = 0
        var respondentsWithheld = 0
        var peakKiB = 0
        var note = ""
    }

    let options: Options

    func run() throws {
        let directory = try FormDirectory.load(URL(fileURLWithPath: options.forms))
        guard let form = directory.forms.first(where: { $0.id == "migration-background" }) else { throw BenchError("no form migration-background") }
        let lastYear = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        let firstYear = lastYear - 5
        let validator = EntryValidator(forms: directory.forms, units: directory.units, latestYear: lastYear + 1)
        let demo = DemoAdministration(form: form, units: directory.units, hires: options.responses, seed: options.seed, lastYear: lastYear)
        let indicators = ["migration_background", "immigration_history"]
        let goals = options.monitoring ? try MonitoringPlan.load(
            contentsOf: URL(fileURLWithPath: "reports/monitoring.yaml"), forms: directory.forms,
            references: ReferenceShares.load(contentsOf: URL(fileURLWithPath: "reports/reference.yaml"))).goals : []
        func person(_ raw: RawEntry, declined: Bool) -> Person {
            let year = Int(raw.context["hired"]!.prefix(4))!
            return Person(year: year, context: raw.context, categories: Dictionary(uniqueKeysWithValues: indicators.map {
                ($0, declined ? AtomTable.declined : form.indicator($0)!.derive(raw.answers))
            }))
        }
        let population = demo.entries.map { person($0, declined: false) } + demo.declines.map { person($0, declined: true) }

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vielfalt-sequence-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { if !options.keep { try? FileManager.default.removeItem(at: root) } }
        let location = StoreLocation(directory: root.appendingPathComponent("store"))
        let secret = try Passphrase(Self.passphrase)
        try location.initialise(passphrase: secret, strength: .interactive)
        let unlockStart = Date()
        _ = try Keystore.open(location).unlock(secret)
        let unlockSeconds = Date().timeIntervalSince(unlockStart)
        let intake = try Intake(location: location, forms: directory.forms, units: directory.units,
                                actor: Actor(role: "hr", user: "bench"))

        say("release sequence: \(demo.entries.count) responses + \(demo.declines.count) declines (\(options.responses) asked), hiring years \(firstYear)–\(lastYear), seed \(options.seed), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        if options.alone > 0 { say("about \(options.alone) % of each year's answers given alone through invitations, the rest typed by HR") }
        say("excluded from release times: entering the data (each year's hires are imported before its releases) and process start;")
        say(String(format: "included: one keystore unlock per release (Argon2id at the weakest strength, interactive, 64 MiB; measured alone: %.2f s)", unlockSeconds))
        say("timeout per release: \(Int(options.timeout)) s (a release that times out is stopped and not recorded in the ledger)")
        say("")
        say("year  release                      time s  −unlock  cells  withheld  respondents withheld  peak MiB")
        var entrySeconds = 0.0, total = 0.0, peak = 0, released = 0
        let sequenceStart = Date()
        for year in firstYear...(firstYear + options.years - 1) {
            let entryStart = Date()
            let hires = demo.entries.filter { $0.context["hired"]!.hasPrefix("\(year)-") }
            // `alone` percent of the hires, spread evenly, answer an invitation issued with their
            // context at once (hire i does when the running share steps up at i).
            var typed: [RawEntry] = []
            for (index, raw) in hires.enumerated() {
                guard (index + 1) * options.alone / 100 > index * options.alone / 100 else { typed.append(raw); continue }
                let context = try validator.validateDecline(form: raw.form, version: raw.version, context: raw.context)
                let code = try intake.issueInvitations([context], expiresOn: "2999-01-01", by: Actor(role: "hr", user: "bench"))[0]
                guard case .answered = try intake.redeem(code, { .answers(try validator.validate(answers: raw.answers, for: $0)) }) else {
                    throw BenchError("an invitation was not answered")
                }
            }
            _ = try intake.importEntries(try typed.map(validator.validate))
            for raw in demo.declines where raw.context["hired"]!.hasPrefix("\(year)-") {
                try intake.decline(validator.validateDecline(form: raw.form, version: raw.version, context: raw.context))
            }
            entrySeconds += Date().timeIntervalSince(entryStart)
            var releases: [(String, ReportDefinition.Kind, String, [String], ClosedRange<Int>)] = [
                ("baseline by unit", .baseline, "migration_background", ["unit"], year...year),
                ("baseline by career × empl.", .baseline, "migration_background", ["career_group", "employment"], year...year),
                ("trend by career group", .trend, "migration_background", ["career_group"], firstYear...year),
                ("baseline by unit, 2nd ind.", .baseline, "immigration_history", ["unit"], year...year),
            ]
            for goal in goals.map({ $0.goal(firstYear: firstYear) }) where goal.baselineYear <= year {
                let table = goal.tableDefinition(years: goal.baselineYear...year)
                releases.append(("monitoring \(goal.id)", .trend, goal.indicator, table.by, goal.baselineYear...year))
            }
            for (index, release) in releases.enumerated() {
                let request = ReleaseRequest(store: location.directory.path, forms: options.forms, policy: options.policy,
                                             name: release.0, kind: release.1, indicator: release.2, by: release.3,
                                             years: release.4, day: "\(year + 1)-01-\(10 + index)")
                let child = try runChild(request, directory: root)
                var r = child.outcome
                r.respondentsWithheld = child.leaves.reduce(0) { sum, leaf in
                    sum + population.filter { leaf.matches($0, indicator: release.2, years: release.4) }.count
                }
                total += r.seconds
                released += 1
                peak = max(peak, r.peakKiB)
                let name = release.0.padding(toLength: 27, withPad: " ", startingAt: 0)
                if r.note.hasPrefix("TIMED OUT") {
                    say("\(year)  \(name)" + String(format: " %7.2f", r.seconds) + "  " + r.note)
                } else {
                    say("\(year)  \(name)" + String(format: " %7.2f  %7.2f  %5d  %8d  %20d  %8.0f", r.seconds,
                          max(0, r.seconds - unlockSeconds), r.cells, r.withheld, r.respondentsWithheld, Double(r.peakKiB) / 1024)
                          + (r.note.isEmpty ? "" : "  " + r.note))
                }
            }
        }
        let wall = Date().timeIntervalSince(sequenceStart)
        say("")
        say(String(format: "total of the %d release times: %.1f s (without the unlocks: %.1f s); wall time %.1f s, of which entering data %.1f s",
                     released, total, max(0, total - Double(released) * unlockSeconds), wall, entrySeconds))
        say(String(format: "peak memory: %.0f MiB in the largest release process (includes Argon2id's 64 MiB), %.0f MiB in the benchmark process",
                     Double(peak) / 1024, Double(peakResidentKiB()) / 1024))
    }
}
