import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a built executable (`vielfalt`, or `vielfalt-bench`) as a user would, capturing exit code,
/// stdout and stderr.
///
/// It starts the program with `posix_spawn` itself rather than Foundation's `Process`: on Linux,
/// `Process.run()` lists the parent's open descriptors to close them in the child and crashed
/// (`memcpy` past a buffer) while hundreds of parallel tests opened and closed files. The working
/// directory is the repository (`env -C`), as for a user in a checkout.
public struct CommandLineRunner {
    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        let description: String
    }

    public let executable: URL
    private static let launching = NSLock()
    /// A program that ends before reading its input must not end the tests with SIGPIPE.
    private static let ignoringBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    public init(program: String = "vielfalt") {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(program)
        executable = FileManager.default.isExecutableFile(atPath: beside.path) ? beside : Repository.root.appendingPathComponent(".build/debug/\(program)")
    }

    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> Outcome {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "VIELFALT_PASSPHRASE")
        env.removeValue(forKey: "VIELFALT_LOG_LEVEL")
        env.merge(environment) { $1 }
        let (pid, input, output, errors) = try spawn(["/usr/bin/env", "-C", Repository.root.path, executable.path] + arguments,
                                                    environment: env.map { "\($0.key)=\($0.value)" })
        if let stdin {
            stdin.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(input, bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
        close(input)
        let stdout = FileHandle(fileDescriptor: output, closeOnDealloc: true).readDataToEndOfFile()
        let stderr = FileHandle(fileDescriptor: errors, closeOnDealloc: true).readDataToEndOfFile()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // As Foundation reports it: the exit code, or the signal that ended the program.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
        return Outcome(status: code, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `argv` with stdin, stdout and stderr on fresh pipes; returns the child and our ends.
    /// Launches take turns, so that no other launch of ours inherits these pipes before they are
    /// marked close-on-exec (which would hold our reads open until that program ends).
    private func spawn(_ argv: [String], environment: [String]) throws -> (pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        Self.ignoringBrokenPipes
        Self.launching.lock()
        defer { Self.launching.unlock() }
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw SpawnFailed(description: "pipe: \(String(cString: strerror(errno)))")
        }
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        let cArgv = argv.map { strdup($0) } + [nil], cEnvp = environment.map { strdup($0) } + [nil]
        defer { for pointer in cArgv + cEnvp { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnvp)
        for fd in [input[0], output[1], errors[1]] { close(fd) }
        guard spawned == 0 else {
            for fd in [input[1], output[0], errors[0]] { close(fd) }
            throw SpawnFailed(description: "posix_spawn: \(String(cString: strerror(spawned)))")
        }
        return (pid, input[1], output[0], errors[0])
    }
}
