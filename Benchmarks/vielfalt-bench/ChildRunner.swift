import Foundation

/// A withheld leaf cell as the child reports it: its category and its codes.
struct WithheldLeaf {
    let category: String
    let coordinates: [String: String]

    /// Whether `person` is counted in this cell of a release of `indicator` over `years`.
    func matches(_ person: SequenceBenchmark.Person, indicator: String, years: ClosedRange<Int>) -> Bool {
        guard person.categories[indicator] == category else { return false }
        if let year = coordinates["year"] { if Int(year) != person.year { return false } } else if !years.contains(person.year) { return false }
        return coordinates.allSatisfy { $0.key == "year" || person.context[$0.key] == $0.value }
    }
}

extension SequenceBenchmark {
    /// Runs one release in a child process and stops it after `options.timeout` seconds.
    func runChild(_ request: ReleaseRequest, directory: URL) throws -> (outcome: Outcome, leaves: [WithheldLeaf]) {
        let output = directory.appendingPathComponent("release.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["--release-one"] + request.arguments
        process.standardOutput = handle
        let start = Date()
        try process.run()
        while process.isRunning && Date().timeIntervalSince(start) < options.timeout { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (Outcome(seconds: Date().timeIntervalSince(start), note: "TIMED OUT after \(Int(options.timeout)) s, stopped"), [])
        }
        process.waitUntilExit()
        let lines = (try String(contentsOf: output, encoding: .utf8)).split(separator: "\n")
        var outcome = Outcome(seconds: Date().timeIntervalSince(start), note: "FAILED (exit \(process.terminationStatus))")
        var leaves: [WithheldLeaf] = []
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 3).map(String.init)
            switch fields.first {
            case "RESULT" where fields.count == 4:
                let numbers = fields[3].split(separator: " ")
                outcome = Outcome(seconds: Double(fields[1]) ?? 0, withheld: Int(fields[2]) ?? 0, peakKiB: Int(numbers[0]) ?? 0)
                outcome.cells = numbers.count > 1 ? Int(numbers[1]) ?? 0 : 0
            case "REFUSED" where fields.count == 4:
                outcome = Outcome(seconds: Double(fields[1]) ?? 0, peakKiB: Int(fields[2]) ?? 0, note: "REFUSED: " + fields[3])
            default:
                let parts = line.split(separator: "\t").map(String.init)
                guard parts.first == "LEAF", parts.count >= 2 else { continue }
                var coordinates: [String: String] = [:]
                for part in parts.dropFirst(2) {
                    let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                    if pair.count == 2 { coordinates[pair[0]] = pair[1] }
                }
                leaves.append(WithheldLeaf(category: parts[1], coordinates: coordinates))
            }
        }
        return (outcome, leaves)
    }
}
