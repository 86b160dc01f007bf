import Foundation

// The release-sequence benchmark (issue 9): `make bench`, or
// `.build/release/vielfalt-bench [--responses 2400|24000] [--timeout 60]`.
do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    if let request = options.child {
        try ReleaseChild.run(request)
    } else {
        try SequenceBenchmark(options: options).run()
    }
} catch {
    FileHandle.standardError.write(Data("vielfalt-bench: \(error)\n".utf8))
    exit(2)
}
