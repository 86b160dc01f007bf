import Foundation

/// Command-line options of the release-sequence benchmark; hand-parsed, the benchmark has no other needs.
struct Options {
    var responses = 2_400
    var timeout: Double = 60
    var forms = "forms"
    var policy = "policy"
    var seed: UInt64 = 2020
    var keep = false
    /// How many of the six hiring years to run (for a quick look).
    var years = 6
    /// Percent of each year's answers given alone through an invitation instead of typed by HR
    /// (then releases audit against HR as a reader who knows what it typed).
    var alone = 0
    /// Also release, each year, the tables of the goals of `reports/monitoring.yaml`, as
    /// `vielfalt report monitoring` does.
    var monitoring = false
    /// Set in the child process that runs one release (see `ReleaseChild`).
    var child: ReleaseRequest?

    static let usage = """
        usage: vielfalt-bench [--responses N] [--timeout SECONDS] [--forms DIR] [--policy DIR] [--seed N] [--years 1-6] [--alone PERCENT] [--monitoring] [--keep]
          --responses   people asked over the six hiring years, declines included (as `vielfalt demo --hires`); default 2400
          --timeout     seconds one release may take before it is stopped and reported; default 60
          --years       run only the first N hiring years; default 6
          --alone       percent of the answers given alone through invitations, the rest typed by HR; default 0
          --monitoring  after each year's four releases, release the goals of reports/monitoring.yaml (their trends)
          --keep        keep the temporary store
        """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(name) needs a value\n\(Self.usage)") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--responses":
                guard let n = Int(try value(argument)), n > 0 else { throw BenchError("--responses needs a positive number") }
                responses = n
            case "--timeout":
                guard let t = Double(try value(argument)), t > 0 else { throw BenchError("--timeout needs positive seconds") }
                timeout = t
            case "--forms": forms = try value(argument)
            case "--policy": policy = try value(argument)
            case "--seed":
                guard let s = UInt64(try value(argument)) else { throw BenchError("--seed needs a number") }
                seed = s
            case "--keep": keep = true
            case "--monitoring": monitoring = true
            case "--years":
                guard let n = Int(try value(argument)), (1...6).contains(n) else { throw BenchError("--years needs 1 to 6") }
                years = n
            case "--alone":
                guard let n = Int(try value(argument)), (0...100).contains(n) else { throw BenchError("--alone needs 0 to 100") }
                alone = n
            case "--release-one": child = try ReleaseRequest(arguments: Array(rest)); rest = []
            case "-h", "--help": throw BenchError(Self.usage)
            default: throw BenchError("unknown option \(argument)\n\(Self.usage)")
            }
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// VmHWM from /proc/self/status: the most resident memory this process ever had.
func peakResidentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

/// Prints a line at once (unbuffered), so a long run shows its progress when written to a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
