import Foundation

/// Runs a built executable (`vielfalt`, or `vielfalt-bench`) as a user would, capturing exit code,
/// stdout and stderr.
public struct CommandLineRunner {
    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public let executable: URL
    /// Foundation's `Process.run()` on Linux is not safe to call from several threads at once (it
    /// crashed in `memcpy` while tests ran in parallel), so launches take turns; the commands
    /// themselves still run side by side.
    private static let launching = NSLock()

    public init(program: String = "vielfalt") {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(program)
        executable = FileManager.default.isExecutableFile(atPath: beside.path) ? beside : Repository.root.appendingPathComponent(".build/debug/\(program)")
    }

    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VIELFALT_PASSPHRASE")
        process.environment = env.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try Self.launching.withLock { try process.run() }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}
